/**
 * The powers of β that the adaptive rules need every step (bias corrections, NAdam's warm-up), memoized
 * per step index: the same Math.pow calls as the specs make, so bit-identical, paid once per step
 * instead of once per particle-step when a batch shares its betas.
 */
/**
 * Math.pow(base, f(t)) memoized per step for the current base: the same call with the same arguments,
 * so bit-identical, but paid once per step index instead of once per particle-step when a batch shares
 * its betas (Math.pow dominates an Adam step otherwise).
 */
export class StepPowers {
  private key = Number.NaN;
  private readonly values: Float64Array;

  constructor(
    steps: number,
    private readonly compute: (key: number, t: number) => number,
  ) {
    this.values = new Float64Array(steps + 1).fill(Number.NaN);
  }

  /**
   * The table for `key`, for a rule to read directly: `table[t]`, and `fill(t)` where it is NaN (not
   * computed yet). Valid until the next call with another key (particles run one after another).
   */
  table(key: number): Float64Array {
    if (key !== this.key) this.rebase(key);
    return this.values;
  }

  private rebase(key: number): void {
    this.key = key;
    this.values.fill(Number.NaN);
  }

  fill(t: number): number {
    const value = this.compute(this.key, t);
    this.values[t] = value;
    return value;
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
