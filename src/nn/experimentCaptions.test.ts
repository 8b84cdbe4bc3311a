import { describe, expect, it } from 'vitest';
import { experimentSchema } from '../core/trainingExperiments';
import { batchNormCaption, gradientCaption, preprocessingCaption, TRAINED_LOSS } from './experimentCaptions';
import { preprocessingExperiment } from './preprocessing';
import { finalLoss, gradientRatios, netExperiment } from './trainingExperiments';

describe('training experiments: every caption claim holds on its own default run', () => {
  it('preprocessing: each step rounds the bowl and GD needs fewer steps; whitened takes one', () => {
    const config = experimentSchema.parse({});
    const runs = preprocessingExperiment({ ...config, seed: config.dataSeed });
    const caption = preprocessingCaption(runs);
    expect(caption.claims).toEqual({
      centeredRounder: true,
      centeredFaster: true,
      standardizedRounder: true,
      standardizedFaster: true,
      whitenedRounder: true,
      whitenedFaster: true,
      round: true,
    });
    // The numbers in the caption are the run's.
    expect(caption.sentences[0]).toContain(`${runs[0]!.stepsToTolerance} steps`);
    expect(caption.sentences[3]).toContain('1 step');
  });

  it('preprocessing on data without offset or scale: the caption says κ rises or steps are as many when they are', () => {
    const runs = preprocessingExperiment({ offset: 0, ratio: 1, correlation: 0, points: 200, seed: 2 });
    const caption = preprocessingCaption(runs);
    runs.slice(1).forEach((run, k) => {
      const rises = run.loss.condition >= runs[k]!.loss.condition;
      expect(caption.sentences[k + 1]).toContain(rises ? 'rises' : 'falls');
    });
  });

  it('batch norm: at rate 1 it trains at all three init scales, the plain net does not, and BN is less sensitive', () => {
    const result = netExperiment(experimentSchema.parse({ kind: 'batchnorm' }));
    const caption = batchNormCaption(result);
    expect(caption.claims).toEqual({
      bnTrainsAtEveryScale: true,
      plainFailsAtSome: true,
      bnLessSensitive: true,
    });
    for (const run of result.runs.filter((r) => r.batchNorm))
      expect(finalLoss(run)).toBeLessThan(TRAINED_LOSS);
    // The plain net at 0.25×Xavier never leaves chance (ln 2): its signal dies in the deep stack.
    const smallPlain = result.runs.find((r) => !r.batchNorm && r.scale === 0.25)!;
    expect(Math.abs(finalLoss(smallPlain) - Math.LN2)).toBeLessThan(0.01);
    expect(caption.sentences[0]).toContain(`with batch norm 3 of 3`);
  });

  it('gradient norms: sigmoid vanishes in layer 1, ReLU/He and sigmoid + BN keep it, throughout training', () => {
    const result = netExperiment(experimentSchema.parse({ kind: 'gradients' }));
    const caption = gradientCaption(result);
    expect(caption.claims).toEqual({ sigmoidVanishes: true, reluHeKeeps: true, batchNormKeeps: true });
    const sigmoid = gradientRatios(result.runs[0]!);
    expect(sigmoid.length).toBe(result.runs[0]!.record.steps.length);
    expect(result.runs[0]!.record.steps.at(-1)).toBe(200);
    expect(caption.sentences[0]).toContain('vanishes');
  });
});
