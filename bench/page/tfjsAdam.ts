/**
 * The tfjs-ops baselines: all particles in [n, 2] tensors, one op chain per step inside tf.tidy, the
 * straightforward way to write these steps with tfjs.
 * - tfjsAdamTracked does the engines' whole job per step: the Adam step, the loss of the new point, its
 *   minimum, the first step at or below the target, and the stop test (a run stops, keeping its last
 *   point, once it leaves the divergence bound or its loss is not finite).
 * - tfjsAdam is the Adam step alone, for reference.
 */
import * as tf from '@tensorflow/tfjs';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

export async function tfjsAdam(starts: Float64Array, steps: number, lr: number): Promise<number> {
  const n = starts.length / 2;
  let w = tf.tensor2d(Float32Array.from(starts), [n, 2]);
  let m = tf.zeros([n, 2]);
  let v = tf.zeros([n, 2]);
  const scale = tf.tensor1d([2, 50]);
  for (let t = 1; t <= steps; t++) {
    const [nw, nm, nv] = tf.tidy(() => {
      const g = w.mul(scale);
      const m2 = m.mul(BETA1).add(g.mul(1 - BETA1));
      const v2 = v.mul(BETA2).add(g.square().mul(1 - BETA2));
      const mHat = m2.div(1 - BETA1 ** t);
      const vHat = v2.div(1 - BETA2 ** t);
      return [w.sub(mHat.mul(lr).div(vHat.sqrt().add(EPS))), m2, v2];
    });
    w.dispose();
    m.dispose();
    v.dispose();
    [w, m, v] = [nw, nm, nv] as [tf.Tensor2D, tf.Tensor, tf.Tensor];
  }
  const data = await w.data();
  for (const tensor of [w, m, v, scale]) tensor.dispose();
  return data[0] ?? 0;
}

export async function tfjsAdamTracked(
  starts: Float64Array,
  steps: number,
  lr: number,
  lossTarget: number,
  bound: number,
): Promise<number> {
  const n = starts.length / 2;
  const curvature = tf.tensor1d([1, 25]);
  const scale = tf.tensor1d([2, 50]);
  let w: tf.Tensor = tf.tensor2d(Float32Array.from(starts), [n, 2]);
  let m: tf.Tensor = tf.zeros([n, 2]);
  let v: tf.Tensor = tf.zeros([n, 2]);
  let loss: tf.Tensor = tf.tidy(() => w.square().mul(curvature).sum(1));
  let minLoss: tf.Tensor = loss.clone();
  let reached: tf.Tensor = tf.tidy(() =>
    tf.where(loss.lessEqual(lossTarget), tf.zerosLike(loss), tf.onesLike(loss).neg()),
  );
  let running: tf.Tensor = tf.tidy(() => tf.isFinite(loss));
  for (let t = 1; t <= steps; t++) {
    const next = tf.tidy(() => {
      const g = w.mul(scale);
      const m2 = m.mul(BETA1).add(g.mul(1 - BETA1));
      const v2 = v.mul(BETA2).add(g.square().mul(1 - BETA2));
      const mHat = m2.div(1 - BETA1 ** t);
      const vHat = v2.div(1 - BETA2 ** t);
      const w2 = w.sub(mHat.mul(lr).div(vHat.sqrt().add(EPS)));
      const loss2 = w2.square().mul(curvature).sum(1);
      // The stop test: inside the bound and a finite loss; a stopped run keeps its last point.
      const keep = running.logicalAnd(w2.abs().max(1).lessEqual(bound)).logicalAnd(tf.isFinite(loss2));
      const keepRows = keep.expandDims(1);
      const newLoss = tf.where(keep, loss2, loss);
      return [
        tf.where(keepRows, w2, w),
        tf.where(keepRows, m2, m),
        tf.where(keepRows, v2, v),
        newLoss,
        tf.minimum(minLoss, newLoss),
        tf.where(reached.less(0).logicalAnd(newLoss.lessEqual(lossTarget)), tf.fill([n], t), reached),
        keep,
      ];
    });
    for (const tensor of [w, m, v, loss, minLoss, reached, running]) tensor.dispose();
    [w, m, v, loss, minLoss, reached, running] = next as tf.Tensor[] as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
    ];
  }
  const data = await minLoss.data();
  for (const tensor of [w, m, v, loss, minLoss, reached, running, curvature, scale]) tensor.dispose();
  return data[0] ?? 0;
}
