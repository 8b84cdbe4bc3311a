/** Which panels are shown. */
import { useOptiscope, type PanelId } from '../../state';

const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'inside', label: 'Inside the step' },
  { id: 'loss', label: 'Loss' },
  { id: 'effectiveLr', label: 'Effective rate' },
  { id: 'convergence', label: 'Convergence' },
  { id: 'ewa', label: 'Weighted average' },
  { id: 'gradcheck', label: 'Gradient check' },
  { id: 'stability', label: 'Stability' },
  { id: 'surface3d', label: '3-D surface' },
];

export function PanelToggles() {
  const panels = useOptiscope((s) => s.view.panels);
  const togglePanel = useOptiscope((s) => s.togglePanel);
  return (
    <fieldset className="panel-toggles">
      <legend className="visually-hidden">Panels</legend>
      {PANELS.map((panel) => (
        <label key={panel.id} className={`chip-toggle${panels[panel.id] ? ' is-on' : ''}`}>
          <input type="checkbox" checked={panels[panel.id]} onChange={() => togglePanel(panel.id)} />
          {panel.label}
        </label>
      ))}
    </fieldset>
  );
}
