/**
 * App name, the view switcher (from VIEWS), Share/Embed/Export, the engine (in a details popover, so its
 * jargon stays out of a newcomer's way) and the theme toggle. Below 760 px the switcher and tools fold into
 * a Menu button, so the header never widens the page.
 */
import { useState } from 'react';
import { useOptiscope } from '../../state';
import { useIsDark } from '../theme/useTheme';
import { useEngineStore } from '../atlas/engineStore';
import { ShareMenu } from '../share/ShareMenu';
import { BATCH_ENGINE, type ViewDefinition } from '../views';

export function Header({ views, active }: { views: readonly ViewDefinition[]; active: ViewDefinition }) {
  const setActiveView = useOptiscope((s) => s.setActiveView);
  const setTheme = useOptiscope((s) => s.setTheme);
  const dark = useIsDark();
  const [menuOpen, setMenuOpen] = useState(false);
  const batchEngine = useEngineStore((s) => (s.engine ? s.name : null));
  const engine = active.engine === BATCH_ENGINE && batchEngine ? batchEngine : active.engine;
  return (
    <header className={`app-header${menuOpen ? ' is-menu-open' : ''}`}>
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
          <ellipse cx="16" cy="16" rx="14" ry="9" />
          <ellipse cx="16" cy="16" rx="9" ry="5.5" />
          <ellipse cx="16" cy="16" rx="4" ry="2.4" />
          <path d="M4 26 L10 12 L14 20 L18 14 L16 16" />
        </svg>
        <h1>Optiscope</h1>
        <span className="tagline">watch optimizers move — and see why</span>
      </div>
      <button
        type="button"
        className="ghost-button menu-toggle"
        data-testid="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="header-menu"
        onClick={() => setMenuOpen((open) => !open)}
      >
        {menuOpen ? 'Close' : `${active.label} ▾`}
      </button>
      <div className="header-menu" id="header-menu">
        <nav className="view-tabs" aria-label="Views">
          {views.map((view) => (
            <button
              key={view.id}
              type="button"
              className={`view-tab${view.id === active.id ? ' is-active' : ''}`}
              aria-current={view.id === active.id ? 'page' : undefined}
              onClick={() => {
                setActiveView(view.id);
                setMenuOpen(false);
              }}
            >
              {view.label}
            </button>
          ))}
        </nav>
        <div className="header-tools">
          <ShareMenu />
          <details className="engine-details">
            <summary title="Which engine computes the trajectories" aria-label="Engine details">
              <svg className="info-icon" viewBox="0 0 16 16" aria-hidden="true">
                <circle cx="8" cy="8" r="7" />
                <path d="M8 7v4.5M8 4.6v.2" />
              </svg>
              <span className="engine-summary-text">Engine</span>
            </summary>
            <div className="engine-popover" role="note">
              <p className="engine-popover-title">Computed by</p>
              <p className="engine-badge" data-testid="engine">
                {engine}
              </p>
              <p className="engine-popover-note">
                The explorer steps every optimizer on the CPU in float64; the batch views (outcome map, sweep,
                compare, crowds) run thousands of runs at once on WebGPU where the browser offers it, else on
                CPU workers.
              </p>
            </div>
          </details>
          <button
            type="button"
            className="theme-toggle"
            data-testid="theme-toggle"
            aria-pressed={dark}
            aria-label="Dark theme"
            title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
            onClick={() => setTheme(dark ? 'light' : 'dark')}
          >
            {dark ? '☾' : '☀'}
          </button>
        </div>
      </div>
    </header>
  );
}
