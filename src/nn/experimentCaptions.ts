/**
 * Captions of the training experiments, written from each run's own numbers, with the claim each sentence
 * makes as a check on the same run (experimentCaptions.test.ts runs them and holds every claim). Where a
 * comparison can go either way with other settings, the sentence says which way it went.
 */
import { PREPROCESSING_LABELS, PREPROCESSING_TOLERANCE, type PreprocessingRun } from './preprocessing';
import {
  finalLoss,
  gradientRatios,
  type ExperimentNetRun,
  type NetExperimentResult,
} from './trainingExperiments';

export interface ExperimentCaption {
  readonly sentences: readonly string[];
  /** Each sentence's claim on the run: name → holds. */
  readonly claims: Readonly<Record<string, boolean>>;
}

const num = (v: number, digits = 3) =>
  !Number.isFinite(v)
    ? '—'
    : v === 0
      ? '0'
      : Math.abs(v) >= 1e4 || Math.abs(v) < 10 ** -digits
        ? v.toExponential(1)
        : Math.abs(v) >= 100
          ? v.toFixed(0)
          : v.toPrecision(digits);

/** A loss below this counts as trained on the two moons (chance is ln 2 ≈ 0.693). */
export const TRAINED_LOSS = 0.1;

export function preprocessingCaption(runs: readonly PreprocessingRun[]): ExperimentCaption {
  const steps = (r: PreprocessingRun) =>
    r.stepsToTolerance === null
      ? 'more than 5,000 steps'
      : `${r.stepsToTolerance} step${r.stepsToTolerance === 1 ? '' : 's'}`;
  const [raw, ...rest] = runs as [PreprocessingRun, ...PreprocessingRun[]];
  const sentences = [
    `On raw inputs the loss surface of (w₁, w₂) has condition number κ = ${num(raw.loss.condition)}; ` +
      `gradient descent at its best constant rate needs ${steps(raw)} to get within ${100 * PREPROCESSING_TOLERANCE}% of the minimum.`,
  ];
  const claims: Record<string, boolean> = {};
  rest.forEach((run, k) => {
    const before = runs[k]!;
    const lower = run.loss.condition < before.loss.condition;
    const fewer =
      run.stepsToTolerance !== null &&
      (before.stepsToTolerance === null || run.stepsToTolerance < before.stepsToTolerance);
    const same = run.stepsToTolerance === before.stepsToTolerance;
    sentences.push(
      `${capitalize(PREPROCESSING_LABELS[run.kind])}: κ ${lower ? 'falls' : 'rises'} to ${num(run.loss.condition)} and GD needs ${steps(run)}` +
        `${fewer ? ', fewer' : same ? ', as many' : ', more'}.`,
    );
    claims[`${run.kind}Rounder`] = lower;
    claims[`${run.kind}Faster`] = fewer;
  });
  const whitened = runs.at(-1)!;
  sentences.push(
    'Whitened, the covariance is the identity and the bowl is round: one step of gradient descent lands on the minimum.',
  );
  claims.round = Math.abs(whitened.loss.condition - 1) < 1e-6 && whitened.stepsToTolerance === 1;
  return { sentences, claims };
}

export function batchNormCaption(result: NetExperimentResult): ExperimentCaption {
  const plain = result.runs.filter((r) => !r.batchNorm);
  const bn = result.runs.filter((r) => r.batchNorm);
  const trained = (r: ExperimentNetRun) => finalLoss(r) < TRAINED_LOSS;
  const describe = (r: ExperimentNetRun) =>
    r.record.divergedAt !== null
      ? `×${r.scale} diverges at step ${r.record.divergedAt}`
      : `×${r.scale} ends at ${num(finalLoss(r))}`;
  const spread = (runs: readonly ExperimentNetRun[]) => {
    const losses = runs.map(finalLoss);
    return losses.some((v) => !Number.isFinite(v)) ? Infinity : Math.max(...losses) / Math.min(...losses);
  };
  const bnTrained = bn.filter(trained).length;
  const plainTrained = plain.filter(trained).length;
  const lr = result.config.lr;
  const sentences = [
    `At learning rate ${lr}, with batch norm ${bnTrained} of ${bn.length} init scales reach a loss below ${TRAINED_LOSS} (${bn.map(describe).join(', ')}).`,
    `Without it ${plainTrained} of ${plain.length} do (${plain.map(describe).join(', ')}; chance is ln 2 ≈ 0.693).`,
    `Across the scales the final losses differ by a factor of ${num(spread(bn))} with batch norm and ${num(spread(plain))} without: ` +
      `batch norm is ${spread(bn) < spread(plain) ? 'less' : 'not less'} sensitive to the initialization here.`,
  ];
  return {
    sentences,
    claims: {
      bnTrainsAtEveryScale: bnTrained === bn.length,
      plainFailsAtSome: plainTrained < plain.length,
      bnLessSensitive: spread(bn) < spread(plain),
    },
  };
}

/** How a run's layer-1 / last-layer gradient ratio behaves over training, in words and as a claim. */
export type RatioVerdict = 'vanishes' | 'keeps' | 'between';

function ratioVerdict(ratios: readonly number[]): { words: string; verdict: RatioVerdict } {
  const finite = ratios.filter(Number.isFinite);
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  if (high < 1e-3) return { words: 'vanishes: below 10⁻³ throughout', verdict: 'vanishes' };
  if (low > 1e-2) return { words: 'does not vanish: above 10⁻² throughout', verdict: 'keeps' };
  return { words: `ranges from ${num(low)} to ${num(high)}`, verdict: 'between' };
}

export function gradientCaption(result: NetExperimentResult): ExperimentCaption {
  const depth = result.config.gradientDepth;
  const verdicts: RatioVerdict[] = [];
  const sentences = result.runs.map((run) => {
    const ratios = gradientRatios(run);
    const verdict = ratioVerdict(ratios);
    verdicts.push(verdict.verdict);
    return (
      `${run.label}: ‖∂L/∂W₁‖ / ‖∂L/∂W${toSubscript(depth)}‖ is ${num(ratios[0]!)} at initialization and ` +
      `${num(ratios.at(-1)!)} at step ${run.record.steps.at(-1)}; it ${verdict.words}.`
    );
  });
  sentences.push(
    'Each layer back multiplies the gradient by Wᵀ and by f′ (lecture 002); sigmoid′ ≤ ¼, so the product shrinks with depth unless the weights or batch norm make up for it.',
  );
  // The runs are sigmoid, tanh, ReLU/He and sigmoid + BN (experimentPlans).
  const claims = {
    sigmoidVanishes: verdicts[0] === 'vanishes',
    reluHeKeeps: verdicts[2] === 'keeps',
    batchNormKeeps: verdicts[3] === 'keeps',
  };
  return { sentences, claims };
}

function toSubscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
