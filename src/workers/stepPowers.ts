/**
 * The powers of β that the adaptive rules need every step (bias corrections, NAdam's warm-up): Math.pow
 * with the same arguments as the specs, so bit-identical, but paid once per step index instead of once
 * per particle-step when a batch shares its betas (Math.pow dominates an Adam step otherwise).
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

/** The memoized powers the rules read (`c` in ruleSources.ts), one table per expression. */
export class RuleContext {
  readonly power1: StepPowers;
  readonly power2: StepPowers;
  /** Adam's 1 − β₁ᵗ and √(1 − β₂ᵗ): the spec's expressions, evaluated once per step index. */
  readonly firstCorrection: StepPowers;
  readonly rootSecondCorrection: StepPowers;
  /** NAdam's momentum warm-up 0.96^(tψ) and 0.96^((t+1)ψ). */
  readonly warmup: StepPowers;
  readonly warmupNext: StepPowers;

  constructor(steps: number) {
    this.power1 = new StepPowers(steps, (base, t) => Math.pow(base, t));
    this.power2 = new StepPowers(steps, (base, t) => Math.pow(base, t));
    this.firstCorrection = new StepPowers(steps, (beta1, t) => 1 - Math.pow(beta1, t));
    this.rootSecondCorrection = new StepPowers(steps, (beta2, t) => Math.sqrt(1 - Math.pow(beta2, t)));
    this.warmup = new StepPowers(steps, (psi, t) => Math.pow(0.96, t * psi));
    this.warmupNext = new StepPowers(steps, (psi, t) => Math.pow(0.96, (t + 1) * psi));
  }
}
