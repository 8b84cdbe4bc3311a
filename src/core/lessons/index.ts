/**
 * Lesson scenes: one per demonstration in the lecture notes (shared/seeds). Each is a scene in the headless
 * API's JSON and a caption of claims written from, and checked on, its own runs (lessons.test.ts).
 */
import { simulate, type Simulation } from '../simulate';
import { adagradDiagonal, adamBiasCorrection, rmspropVsAdagrad } from './adaptive';
import type { Claim, LessonRuns } from './claims';
import { momentumAtOptimum, momentumOvershoot, nesterov, ravineZigzag } from './momentum';
import { ewa, lrDecay, minibatchNoise } from './noise';
import { newtonSaddle, saddleEscape } from './saddle';
import { clippingCliff, newtonQuadratic, secondOrderCost } from './secondOrder';
import { conditionNumber, convergenceRates, whichLearningRate } from './rates';
import { localMinima, noMinimum } from './landscape';
import { gradientCheck } from './numerics';
import { preprocessing } from './preprocessing';
import { adamEdgeOfStability, momentumStability, stabilityThreshold } from './stability';
import type { Lesson } from './types';

export type { Lesson, LessonPanel } from './types';
export type { Claim, Condition, LessonRuns } from './claims';
export { holds, failures } from './claims';

export const LESSONS: readonly Lesson[] = [
  gradientCheck,
  whichLearningRate,
  ravineZigzag,
  conditionNumber,
  preprocessing,
  stabilityThreshold,
  momentumOvershoot,
  momentumStability,
  nesterov,
  momentumAtOptimum,
  adagradDiagonal,
  rmspropVsAdagrad,
  saddleEscape,
  adamBiasCorrection,
  adamEdgeOfStability,
  lrDecay,
  clippingCliff,
  newtonQuadratic,
  convergenceRates,
  secondOrderCost,
  newtonSaddle,
  noMinimum,
  localMinima,
  minibatchNoise,
  ewa,
];

export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** The runs of a simulation, by label, as a caption reads them. */
export function lessonRuns(simulation: Simulation): LessonRuns {
  return {
    simulation,
    run(label) {
      const found = simulation.trajectories.find((t) => t.config.label === label);
      if (!found) throw new Error(`the scene has no run labelled "${label}"`);
      return found;
    },
    withSeed: (seed) => simulate({ ...simulation.scene, seed }),
  };
}

const captions = new Map<string, readonly Claim[]>();

/** The lesson's caption on its own scene (computed once per lesson: the scene never changes). */
export function lessonCaption(lesson: Lesson): readonly Claim[] {
  let caption = captions.get(lesson.id);
  if (!caption) {
    caption = lesson.caption(lessonRuns(simulate(lesson.scene)));
    captions.set(lesson.id, caption);
  }
  return caption;
}
