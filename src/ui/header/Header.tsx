/** App name, the view switcher (from VIEWS), the engine in use and the theme toggle. */
import { useOptiscope } from '../../state';
import { useIsDark } from '../theme/useTheme';
import { useEngineStore } from '../atlas/engineStore';
import { ShareMenu } from '../share/ShareMenu';
import { BATCH_ENGINE, type ViewDefinition } from '../views';

export function Header({ views, active }: { views: readonly ViewDefinition[]; active: ViewDefinition }) {
  const setActiveView = useOptiscope((s) => s.setActiveView);
  const setTheme = useOptiscope((s) => s.setTheme);
  const dark = useIsDark();
  const batchEngine = useEngineStore((s) => (s.engine ? s.name : null));
  const engine = active.engine === BATCH_ENGINE && batchEngine ? batchEngine : active.engine;
  return (
    <header className="app-header">
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
      <nav className="view-tabs" aria-label="Views">
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            className={`view-tab${view.id === active.id ? ' is-active' : ''}`}
            aria-current={view.id === active.id ? 'page' : undefined}
            onClick={() => setActiveView(view.id)}
          >
            {view.label}
          </button>
        ))}
      </nav>
      <div className="header-tools">
        <ShareMenu />
        <span className="engine-badge" data-testid="engine" title="Which engine computes the trajectories">
          {engine}
        </span>
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
    </header>
  );
}
