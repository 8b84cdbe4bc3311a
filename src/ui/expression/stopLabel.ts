/** How a stopped trajectory is labelled: "undefined" is not "diverged", and a student should see which. */
import type { Divergence } from '../../core';

export function isUndefinedStop(divergence: Divergence): boolean {
  return divergence.kind === 'undefined';
}

/**
 * "stopped at step 12: f undefined there", "stopped at step 3: singular Hessian", "diverged at step 12" or
 * "ran off to −∞ at step 40" (downhill off a surface unbounded below: not a failure of the optimizer).
 */
export function stopLabel(divergence: Divergence): string {
  if (divergence.kind === 'failed') return `stopped at step ${divergence.step}: ${divergence.reason}`;
  if (divergence.kind === 'diverged') return `diverged at step ${divergence.step}`;
  if (divergence.kind === 'unbounded') return `ran off to −∞ at step ${divergence.step}`;
  return divergence.step === 0
    ? 'f is undefined at the start'
    : `stopped at step ${divergence.step}: f undefined there`;
}
