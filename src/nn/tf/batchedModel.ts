/**
 * The MLP of src/nn/mlp.ts in tfjs, batched over K parameter vectors at once ([K, P] → K losses): the
 * optimizers of a scene train in one pass per step, and a slice grid is evaluated in chunks of grid
 * points. Float32 on the backend; the float64 evaluator is the reference it is tested against.
 * Callers run it inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import type { Architecture } from '../mlp';

function activation(kind: Architecture['activation'], z: tf.Tensor3D): tf.Tensor3D {
  if (kind === 'tanh') return tf.tanh(z);
  if (kind === 'relu') return tf.relu(z);
  return tf.sigmoid(z);
}

/** Losses [K] of parameter vectors params [K, P] on inputs x [N, in] with targets y [N, out]. */
export function batchedLosses(
  arch: Architecture,
  params: tf.Tensor2D,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
): tf.Tensor1D {
  const count = params.shape[0];
  const rows = x.shape[0];
  const depth = arch.layers.length;
  let h: tf.Tensor3D | null = null;
  let penalty: tf.Tensor1D | null = null;
  let absolute: tf.Tensor1D | null = null;
  arch.layers.forEach(({ fanIn, fanOut, weightOffset, biasOffset }, l) => {
    const weights = tf.reshape(tf.slice(params, [0, weightOffset], [count, fanIn * fanOut]), [
      count,
      fanIn,
      fanOut,
    ]) as tf.Tensor3D;
    const bias = tf.reshape(tf.slice(params, [0, biasOffset], [count, fanOut]), [count, 1, fanOut]);
    let z: tf.Tensor3D;
    if (h === null) {
      // Shared inputs: one [N, in] × [in, K·out] product instead of K copies of x.
      const stacked = tf.reshape(tf.transpose(weights, [1, 0, 2]), [fanIn, count * fanOut]);
      z = tf.transpose(tf.reshape(tf.matMul(x, stacked), [rows, count, fanOut]), [1, 0, 2]);
    } else {
      z = tf.matMul(h, weights);
    }
    z = tf.add(z, bias);
    h = l + 1 < depth ? activation(arch.activation, z) : z;
    if (arch.l2 > 0) {
      const squares = tf.sum(tf.square(weights), [1, 2]) as tf.Tensor1D;
      penalty = penalty ? (tf.add(penalty, squares) as tf.Tensor1D) : squares;
    }
    if (arch.l1 > 0) {
      const sizes = tf.sum(tf.abs(weights), [1, 2]) as tf.Tensor1D;
      absolute = absolute ? (tf.add(absolute, sizes) as tf.Tensor1D) : sizes;
    }
  });
  const z = h as unknown as tf.Tensor3D;
  let perExample: tf.Tensor2D;
  if (arch.loss === 'mse') {
    perExample = tf.mean(tf.square(tf.sub(z, y)), 2) as tf.Tensor2D;
  } else if (arch.loss === 'hinge' && arch.sizes[depth] === 1) {
    // Binary SVM: max(0, 1 − ỹ·z), ỹ = 2y − 1.
    perExample = tf.sum(tf.relu(tf.sub(1, tf.mul(tf.sub(tf.mul(y, 2), 1), z))), 2) as tf.Tensor2D;
  } else if (arch.loss === 'hinge') {
    // Multiclass SVM: Σ_j max(0, s_j − s_y + 1) over j ≠ y (the j = y term is max(0, 1) = 1).
    const correct = tf.sum(tf.mul(z, y), 2, true);
    perExample = tf.sub(tf.sum(tf.relu(tf.add(tf.sub(z, correct), 1)), 2), 1) as tf.Tensor2D;
  } else if (arch.sizes[depth] === 1) {
    // Binary cross-entropy with logits: max(z,0) − z·y + log(1 + e^−|z|).
    const stable = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    perExample = tf.sum(stable, 2) as tf.Tensor2D;
  } else {
    perExample = tf.neg(tf.sum(tf.mul(tf.logSoftmax(z), y), 2)) as tf.Tensor2D;
  }
  const data = tf.mean(perExample, 1) as tf.Tensor1D;
  const regularizer = penalty as tf.Tensor1D | null;
  const l1 = absolute as tf.Tensor1D | null;
  const withL2 = regularizer ? (tf.add(data, tf.mul(regularizer, 0.5 * arch.l2)) as tf.Tensor1D) : data;
  return l1 ? (tf.add(withL2, tf.mul(l1, arch.l1)) as tf.Tensor1D) : withL2;
}
