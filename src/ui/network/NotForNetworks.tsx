/** Which of the explorer's optimizers the network trainer leaves out, each with the reason (whyNotNetworks). */
import { OPTIMIZERS } from '../../core';
import { whyNotNetworks } from '../../core/optimizers/spec';

export function NotForNetworks() {
  const excluded = OPTIMIZERS.flatMap((spec) => {
    const reason = whyNotNetworks(spec);
    return reason ? [{ label: spec.label, reason }] : [];
  });
  if (excluded.length === 0) return null;
  return (
    <details className="nn-not-for-networks" data-testid="not-for-networks">
      <summary>Not here: {excluded.map((e) => e.label).join(', ')}</summary>
      <ul>
        {excluded.map((e) => (
          <li key={e.label}>
            {e.label}: {e.reason}
          </li>
        ))}
      </ul>
      <p className="muted">
        The trainer applies one element-wise rule to every pair of parameters; these need more than a pair at
        a time (or the surface’s Hessian). Open the slice in the explorer to run them on the network’s loss.
      </p>
    </details>
  );
}
