/**
 * The hand-tuned baseline for the CPU engine: the same work per step as the engines do (Adam, the loss
 * at every step, its minimum, the first step at or below the target, the stop test of simulate.ts),
 * written for this one surface and optimizer as one flat float64 loop: state in locals, the gradient and
 * the loss inlined, bias corrections as running products, no calls, no allocation. What a careful person
 * writes without any engine; the engine's all-workers throughput per core is measured against it.
 */
export function plainAdamTracked(
  starts: Float64Array,
  steps: number,
  lr: number,
  lossTarget: number,
  bound: number,
): Float64Array {
  const n = starts.length / 2;
  const out = new Float64Array(4 * n);
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  for (let p = 0; p < n; p++) {
    let w1 = starts[2 * p]!;
    let w2 = starts[2 * p + 1]!;
    let loss = w1 * w1 + 25 * w2 * w2;
    let minLoss = loss;
    let reached = loss <= lossTarget ? 0 : -1;
    let stopped = Number.isFinite(loss) ? -1 : 0;
    let m1 = 0;
    let m2 = 0;
    let v1 = 0;
    let v2 = 0;
    let p1 = 1;
    let p2 = 1;
    for (let t = 1; t <= steps && stopped < 0; t++) {
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
      const n1 = w1 - ((lr / (Math.sqrt(v1) / root + eps)) * m1) / c1;
      const n2 = w2 - ((lr / (Math.sqrt(v2) / root + eps)) * m2) / c1;
      const next = n1 * n1 + 25 * n2 * n2;
      // NaN fails every comparison, so one test covers non-finite values too.
      if (!(Math.abs(n1) <= bound && Math.abs(n2) <= bound && Math.abs(next) <= Number.MAX_VALUE)) {
        stopped = t;
        if (!(Number.isFinite(n1) && Number.isFinite(n2) && Number.isFinite(next))) break;
      }
      w1 = n1;
      w2 = n2;
      loss = next;
      if (loss < minLoss) minLoss = loss;
      if (reached < 0 && loss <= lossTarget) reached = t;
    }
    out[4 * p] = w1;
    out[4 * p + 1] = w2;
    out[4 * p + 2] = minLoss;
    out[4 * p + 3] = reached;
  }
  return out;
}

/**
 * Adam alone (no loss, no stop test, no bookkeeping) as one flat float64 loop: the loop of WEBGPU.md's
 * measurements, reported for reference.
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
