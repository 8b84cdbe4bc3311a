/** The explorer's layout: scene and optimizer controls on the left, the surface and the panels on the right. */
import { useOptiscope } from '../../state';
import { ConvergencePanel } from '../convergence/ConvergencePanel';
import { EffectiveLrPanel } from '../effectiveLr/EffectiveLrPanel';
import { EwaPanel } from '../ewa/EwaPanel';
import { GradientCheckPanel } from '../gradcheck/GradientCheckPanel';
import { StabilityPanel } from '../stability/StabilityPanel';
import { Panel } from '../charts/Panel';
import { ExplainToggle } from '../inside/ExplainToggle';
import { InsideStepPanel } from '../inside/InsideStepPanel';
import { LessonBar, LessonCaption } from '../lessons/LessonBar';
import { LossPanel } from '../loss/LossPanel';
import { OptimizerPanel } from '../optimizers/OptimizerPanel';
import { PlaybackController } from '../playback/PlaybackController';
import { ScenePanel } from '../scene/ScenePanel';
import { PanelToggles } from './PanelToggles';
import { Surface3DPanelLazy } from '../surface3d/lazy';
import { SurfaceCard } from './SurfaceCard';

export function ExplorerView() {
  const panels = useOptiscope((s) => s.view.panels);
  const only3d = useOptiscope((s) => s.view.surface3dInstead);
  return (
    <div className="explorer" data-testid="explorer">
      <PlaybackController />
      <LessonBar />
      <div className="explorer-body">
        <aside className="sidebar" aria-label="Scene settings">
          <ScenePanel />
          <OptimizerPanel />
        </aside>
        <div className="workspace">
          <div className="stage">
            <SurfaceCard />
            {panels.surface3d && !only3d && <Surface3DPanelLazy />}
            <div className="side-panels">
              {/* After the plot, so the surface and its playback bar come first on a projector or phone. */}
              <LessonCaption />
              {panels.inside && (
                <Panel
                  id="inside"
                  title="Inside the step"
                  subtitle="gradient → moment → scaling → step"
                  tools={<ExplainToggle />}
                >
                  <InsideStepPanel />
                </Panel>
              )}
              {panels.loss && <LossPanel />}
            </div>
          </div>
          <div className="panel-row">
            {panels.effectiveLr && <EffectiveLrPanel />}
            {panels.convergence && <ConvergencePanel />}
            {panels.ewa && <EwaPanel />}
            {panels.gradcheck && <GradientCheckPanel />}
            {panels.stability && <StabilityPanel />}
          </div>
          <PanelToggles />
        </div>
      </div>
    </div>
  );
}
