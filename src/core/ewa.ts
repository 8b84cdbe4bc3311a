/**
 * Lecture 004's exponentially weighted average V_t = βV_{t−1} + (1−β)θ_t from V₀ = 0, and its bias
 * correction V_t/(1−βᵗ). Pure: the EWA panel and the lessons both read it.
 */
export function exponentialAverage(
  values: ArrayLike<number>,
  beta: number,
  biasCorrected: boolean,
): Float64Array {
  const out = new Float64Array(values.length);
  let v = 0;
  let betaPower = 1;
  for (let t = 0; t < values.length; t++) {
    v = beta * v + (1 - beta) * values[t]!;
    betaPower *= beta;
    out[t] = biasCorrected ? v / (1 - betaPower) : v;
  }
  return out;
}

/** The lecture's three averaging windows. */
export const EWA_BETAS = [0.5, 0.9, 0.98] as const;
