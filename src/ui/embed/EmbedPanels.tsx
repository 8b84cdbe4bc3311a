/** The panels an embed can show, by the ids of the `panels=` option. Layout only: each panel is the explorer's. */
import type { EmbedPanel } from '../../core/link/display';
import { Panel } from '../charts/Panel';
import { ConvergencePanel } from '../convergence/ConvergencePanel';
import { EffectiveLrPanel } from '../effectiveLr/EffectiveLrPanel';
import { EwaPanel } from '../ewa/EwaPanel';
import { GradientCheckPanel } from '../gradcheck/GradientCheckPanel';
import { StabilityPanel } from '../stability/StabilityPanel';
import { InsideStepPanel } from '../inside/InsideStepPanel';
import { Legend } from '../legend/Legend';
import { LossPanel } from '../loss/LossPanel';
import { Formula } from '../math/Formula';
import { PlaybackBar } from '../playback/PlaybackBar';
import { useSimulation } from '../simulation/SimulationContext';
import { SurfaceView } from '../surface/SurfaceView';
import { Surface3DPanelLazy } from '../surface3d/lazy';

function SurfacePanel({ controls }: { controls: boolean }) {
  const { surface } = useSimulation();
  return (
    <section
      className="card surface-card embed-surface"
      data-testid="surface-card"
      aria-label={surface?.name ?? 'Surface'}
    >
      <header className="card-head">
        <div>
          <h2>{surface?.name ?? 'Surface'}</h2>
          {surface && (
            <p className="card-subtitle formula-line">
              L(w) = <Formula tex={surface.formula} />
            </p>
          )}
        </div>
      </header>
      <Legend />
      <SurfaceView />
      {controls && <PlaybackBar />}
    </section>
  );
}

export function EmbedPanels({ panels, controls }: { panels: readonly EmbedPanel[]; controls: boolean }) {
  return (
    <>
      {panels.map((id) => {
        switch (id) {
          case 'surface':
            return <SurfacePanel key={id} controls={controls} />;
          case 'surface3d':
            return <Surface3DPanelLazy key={id} />;
          case 'inside':
            return (
              <Panel
                key={id}
                id="inside"
                title="Inside the step"
                subtitle="gradient → moment → scaling → step"
              >
                <InsideStepPanel />
              </Panel>
            );
          case 'loss':
            return <LossPanel key={id} />;
          case 'effectiveLr':
            return <EffectiveLrPanel key={id} />;
          case 'convergence':
            return <ConvergencePanel key={id} />;
          case 'ewa':
            return <EwaPanel key={id} />;
          case 'gradcheck':
            return <GradientCheckPanel key={id} />;
          case 'stability':
            return <StabilityPanel key={id} />;
        }
      })}
    </>
  );
}
