/**
 * A caption is a list of claims about the lesson's own runs. Each claim is one sentence written from the
 * runs' numbers (never typed beside them) together with the conditions that make the sentence true, so a
 * caption cannot say what its scene does not show: lessons.test.ts evaluates every claim on its scene.
 */
import type { Simulation, Trajectory } from '../simulate';

export interface Condition {
  readonly ok: boolean;
  /** What must hold, in words, for a failing test's message. */
  readonly what: string;
}

export interface Claim {
  readonly text: string;
  readonly conditions: readonly Condition[];
}

/** The runs a caption reads, looked up by the label the scene gives them. */
export interface LessonRuns {
  readonly simulation: Simulation;
  run(label: string): Trajectory;
  /** Runs the same scene again with another seed (for claims about reproducibility). */
  withSeed(seed: number): Simulation;
}

export type Caption = (runs: LessonRuns) => readonly Claim[];

/** A sentence and what makes it true: `claim(text, [cond, 'what'], …)`. */
export function claim(text: string, ...conditions: readonly (readonly [boolean, string])[]): Claim {
  return { text, conditions: conditions.map(([ok, what]) => ({ ok, what })) };
}

export const holds = (c: Claim): boolean => c.conditions.every((condition) => condition.ok);
export const failures = (c: Claim): string[] =>
  c.conditions.filter((condition) => !condition.ok).map((condition) => condition.what);
