/** Layout only: header, the active view, and the providers around them. */
import { Header } from './ui/header/Header';
import { SimulationProvider } from './ui/simulation/SimulationContext';
import { PermalinkSync } from './ui/share/PermalinkSync';
import { ThemeController } from './ui/theme/ThemeController';
import { VIEWS } from './ui/views';
import { useOptiscope } from './state';

export function App() {
  const activeId = useOptiscope((s) => s.view.activeView);
  const active = VIEWS.find((view) => view.id === activeId) ?? VIEWS[0]!;
  return (
    <SimulationProvider>
      <ThemeController />
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to the explorer
        </a>
        <Header views={VIEWS} active={active} />
        <main id="main" className="app-main">
          <active.Component />
        </main>
      </div>
      {/* Last, so that a link's own step wins over the explorer's opening animation. */}
      <PermalinkSync />
    </SimulationProvider>
  );
}
