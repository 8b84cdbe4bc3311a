/**
 * The powers of β that the adaptive rules need every step (bias corrections, NAdam's warm-up), computed
 * by the rule's own formula (ruleKernelSource.ts emits it), so bit-identical, but paid once per step
 * index instead of once per particle-step when a batch shares its betas (Math.pow dominates an Adam
 * step otherwise).
 */
export class StepPowers {
  private key = Number.NaN;
  private readonly values: Float64Array;
  /** Entries 1..filled hold this key's powers; the rest are not computed yet. */
  private filledTo = 0;

  constructor(
    private readonly steps: number,
    private readonly compute: (key: number, t: number) => number,
  ) {
    this.values = new Float64Array(steps + 1);
  }

  /**
   * The table for `key`, for a rule to read directly as `table[t]` once `t <= filled` (call `extend(t)`
   * when it is not). Valid until the next call with another key (particles run one after another).
   */
  table(key: number): Float64Array {
    if (key !== this.key) {
      this.key = key;
      this.filledTo = 0;
    }
    return this.values;
  }

  /** How many leading steps of the current key's table are computed. */
  get filled(): number {
    return this.filledTo;
  }

  /**
   * Computes the table up to at least step t and returns the new `filled`. The horizon doubles (16, 32,
   * …, steps) so a rule checks an integer in its loop instead of each value, and a run that stops early
   * under a key of its own (a sweep over β) pays for about as many powers as it took steps.
   */
  extend(t: number): number {
    const to = Math.min(this.steps, Math.max(2 * t, 16));
    for (let s = this.filledTo + 1; s <= to; s++) this.values[s] = this.compute(this.key, s);
    this.filledTo = Math.max(this.filledTo, to);
    return this.filledTo;
  }
}
