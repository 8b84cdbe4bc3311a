/**
 * The hand-tuned baseline: Adam on w1² + 25w2² (the quadratic surface) as one flat float64 loop, state in
 * locals, bias corrections as running products. What a careful person writes without any engine.
 */
export function plainAdam(starts: Float64Array, steps: number, lr: number): Float64Array {
  const n = starts.length / 2;
  const out = new Float64Array(2 * n);
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  for (let p = 0; p < n; p++) {
    let w1 = starts[2 * p]!;
    let w2 = starts[2 * p + 1]!;
    let m1 = 0;
    let m2 = 0;
    let v1 = 0;
    let v2 = 0;
    let p1 = 1;
    let p2 = 1;
    for (let t = 1; t <= steps; t++) {
      const g1 = 2 * w1;
      const g2 = 50 * w2;
      m1 = b1 * m1 + (1 - b1) * g1;
      m2 = b1 * m2 + (1 - b1) * g2;
      v1 = b2 * v1 + (1 - b2) * g1 * g1;
      v2 = b2 * v2 + (1 - b2) * g2 * g2;
      p1 *= b1;
      p2 *= b2;
      const root = Math.sqrt(1 - p2);
      const c1 = 1 - p1;
      w1 -= ((lr / (Math.sqrt(v1) / root + eps)) * m1) / c1;
      w2 -= ((lr / (Math.sqrt(v2) / root + eps)) * m2) / c1;
    }
    out[2 * p] = w1;
    out[2 * p + 1] = w2;
  }
  return out;
}

/** Reproducible starts spread over the quadratic's view. */
export function benchStarts(n: number): Float64Array {
  const starts = new Float64Array(2 * n);
  let state = 12345;
  for (let i = 0; i < 2 * n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    starts[i] = (state / 2 ** 32) * 2.4 - 1.2;
  }
  return starts;
}
