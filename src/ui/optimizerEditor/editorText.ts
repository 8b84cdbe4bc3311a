/**
 * The editor's text and the definition it stands for. Three boxes, one entry per line:
 *   state            `m = 0`                        (name = initial value)
 *   hyperparameters  `beta1 = 0.9 in [0, 0.999]`    (name = value, and the slider's range; default [0, 1]
 *                                                    for a value in it, else a symmetric one around 0)
 *   step             `w = w - lr * sign(c)`         (one assignment per line)
 * Errors from reading the boxes and from compiling the definition come back at a line and a character
 * of the box they are in. Blank lines are skipped. Pure.
 */
import { compileCustomOptimizer, type CustomOptimizerDefinition } from '../../core/optimizers/custom';
import { constantRange } from '../expression/constants';

export type EditorBox = 'name' | 'lr' | 'state' | 'hyperparameters' | 'step';

export interface EditorText {
  readonly name: string;
  readonly lr: string;
  readonly state: string;
  readonly hyperparameters: string;
  readonly step: string;
}

export interface EditorError {
  readonly box: EditorBox;
  /** 0-based line of the box. */
  readonly line: number;
  /** 0-based character of that line, and how many characters. */
  readonly position: number;
  readonly length: number;
  readonly message: string;
}

export type EditorRead =
  | {
      readonly ok: true;
      readonly definition: CustomOptimizerDefinition;
      /** The rule as LaTeX, one line per assignment (the spec's equations). */
      readonly equations: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly EditorError[] };

const BOX_LABELS: Readonly<Record<EditorBox, string>> = {
  name: 'Name',
  lr: 'Learning rate',
  state: 'State',
  hyperparameters: 'Hyperparameters',
  step: 'Each step',
};

export const boxLabel = (box: EditorBox) => BOX_LABELS[box];

/** The non-blank lines of a box with their line numbers. */
function linesOf(text: string): { text: string; line: number }[] {
  return text
    .split('\n')
    .map((line, index) => ({ text: line.replace(/\r$/, ''), line: index }))
    .filter((l) => l.text.trim() !== '');
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const HYPERPARAMETER_LINE = new RegExp(
  String.raw`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(${NUMBER})\s*(?:in\s*\[\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\])?\s*$`,
);

/** The range a hyperparameter without one gets. */
export function defaultRange(value: number): readonly [number, number] {
  return value >= 0 && value <= 1 ? [0, 1] : constantRange(value);
}

export function formatHyperparameter(h: CustomOptimizerDefinition['hyperparameters'][number]): string {
  return `${h.name} = ${h.value} in [${h.min}, ${h.max}]`;
}

export function textOf(definition: CustomOptimizerDefinition): EditorText {
  return {
    name: definition.name,
    lr: String(definition.lr),
    state: definition.state.map((s) => `${s.name} = ${s.init}`).join('\n'),
    hyperparameters: definition.hyperparameters.map(formatHyperparameter).join('\n'),
    step: definition.step.join('\n'),
  };
}

/** Reads the boxes and compiles the definition; every error where it is. */
export function readEditorText(text: EditorText): EditorRead {
  const errors: EditorError[] = [];
  const name = text.name.trim();
  if (name === '') errors.push({ box: 'name', line: 0, position: 0, length: 0, message: 'give it a name' });
  const lr = Number(text.lr.trim().replace(',', '.'));
  if (!(Number.isFinite(lr) && lr >= 1e-6 && lr <= 10) || text.lr.trim() === '')
    errors.push({
      box: 'lr',
      line: 0,
      position: 0,
      length: text.lr.length,
      message: 'η is a number from 0.000001 to 10',
    });

  const stateLines = linesOf(text.state);
  const state = stateLines.map((l) => {
    const match = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*/.exec(l.text);
    if (!match) {
      errors.push({
        box: 'state',
        line: l.line,
        position: 0,
        length: l.text.length,
        message: 'a state line is name = initial value, e.g. m = 0',
      });
      return { name: '', init: '', at: 0, nameAt: 0 };
    }
    return {
      name: match[2]!,
      init: l.text.slice(match[0].length).trimEnd(),
      at: match[0].length,
      nameAt: match[1]!.length,
    };
  });

  const hyperparameterLines = linesOf(text.hyperparameters);
  const hyperparameters = hyperparameterLines.map((l) => {
    const match = HYPERPARAMETER_LINE.exec(l.text);
    if (!match) {
      errors.push({
        box: 'hyperparameters',
        line: l.line,
        position: 0,
        length: l.text.length,
        message: 'a hyperparameter line is name = value, or name = value in [min, max]',
      });
      return { name: '', value: 0, min: 0, max: 1 };
    }
    const value = Number(match[2]);
    const [min, max] = match[3] !== undefined ? [Number(match[3]), Number(match[4])] : defaultRange(value);
    return { name: match[1]!, value, min, max };
  });
  const stepLines = linesOf(text.step);
  if (stepLines.length === 0)
    errors.push({
      box: 'step',
      line: 0,
      position: 0,
      length: 0,
      message: 'write the lines of one step, e.g. w = w - lr * g',
    });
  if (errors.length > 0) return { ok: false, errors };

  const definition: CustomOptimizerDefinition = {
    name,
    lr,
    state: state.map(({ name: n, init }) => ({ name: n, init })),
    hyperparameters,
    step: stepLines.map((l) => l.text),
  };
  const compiled = compileCustomOptimizer(definition);
  if (compiled.ok) {
    const { equations } = compiled.spec;
    return { ok: true, definition, equations: typeof equations === 'function' ? [] : equations };
  }
  return {
    ok: false,
    errors: compiled.errors.map((e): EditorError => {
      switch (e.section) {
        case 'state': {
          const row = state[e.row];
          // The compiler's positions are in the name or in the initial value.
          const offset = (e.part === 'value' ? row?.at : row?.nameAt) ?? 0;
          return {
            box: 'state',
            line: stateLines[e.row]?.line ?? 0,
            position: offset + e.position,
            length: e.length,
            message: e.message,
          };
        }
        case 'hyperparameters':
          return {
            box: 'hyperparameters',
            line: hyperparameterLines[e.row]?.line ?? 0,
            position: e.position + (hyperparameterLines[e.row]?.text.search(/\S/) ?? 0),
            length: e.length,
            message: e.message,
          };
        case 'step':
          return {
            box: 'step',
            line: stepLines[e.row]?.line ?? 0,
            position: e.position,
            length: e.length,
            message: e.message,
          };
        default:
          return { box: 'step', line: 0, position: 0, length: 0, message: e.message };
      }
    }),
  };
}
