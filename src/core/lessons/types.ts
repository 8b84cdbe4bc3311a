/** The shape of a lesson: a scene of the headless API, a caption of claims about its runs, the panel to look at. */
import type { SceneInput } from '../scene';
import type { Caption } from './claims';

export type LessonPanel =
  'surface' | 'inside' | 'loss' | 'effectiveLr' | 'convergence' | 'ewa' | 'gradcheck' | 'stability';

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** A few words for the lesson picker. */
  readonly short: string;
  /** Which lecture it comes from (file prefix of shared/seeds). */
  readonly lecture: string;
  /** What to notice: sentences written from, and checked on, this lesson's own runs. */
  readonly caption: Caption;
  readonly scene: SceneInput;
  readonly panel?: LessonPanel;
  /** For the effective-rate panel: 'effectiveLr', 'stepLength' or 'acc:<accumulator key>'. */
  readonly quantity?: string;
  /** Open paused on the start point instead of playing (the caption speaks of the start). */
  readonly openAtStart?: boolean;
  /** Start in explain mode (step-by-step), focused on this optimizer index. */
  readonly explainOptimizer?: number;
}

export const RAVINE = { surface: 'quadratic', start: [-1, -1] as [number, number] };
export const SADDLE = { surface: 'saddle', start: [-0.01, -1] as [number, number] };
