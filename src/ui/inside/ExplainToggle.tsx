/** Slow step-by-step mode: each update is shown as gradient → moment → scaling → step. */
import { useOptiscope } from '../../state';

export function ExplainToggle() {
  const explain = useOptiscope((s) => s.view.explain);
  const setExplain = useOptiscope((s) => s.setExplain);
  return (
    <button
      type="button"
      className={`toggle-button${explain ? ' is-on' : ''}`}
      data-testid="explain-toggle"
      aria-pressed={explain}
      onClick={() => setExplain(!explain)}
      title="Slow step-by-step mode: ← → move one phase at a time"
    >
      Step by step
    </button>
  );
}
