/**
 * "Your own loss surface": type f(w1, w2) (or f(x, y)), see it rendered with its gradient, set its named
 * constants with sliders. Typing is checked 250 ms after the last key; only valid functions reach the
 * store, so an error never blanks the plot — the last valid surface stays while the error is shown,
 * underlined where it is. Constant sliders apply at once, keeping the start and the zoom.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { getSurface, type SurfaceRef } from '../../core';
import { compileExpression, type CompileResult } from '../../core/expr';
import { useOptiscope } from '../../state';
import { Formula } from '../math/Formula';
import { NumberField } from '../optimizers/NumberField';
import { useSimulation } from '../simulation/SimulationContext';
import { CONSTANT_LIMIT, DEFAULT_CONSTANT, constantRange, tidy } from './constants';
import { EXPRESSION_EXAMPLES, type ExpressionExample } from './examples';
import { isUndefinedStop, stopLabel } from './stopLabel';
import './expression.css';

export const DEBOUNCE_MS = 250;
const SLIDER_STEPS = 400;

interface Draft {
  readonly text: string;
  /** Every constant value the user set, used by the function or not (so retyping a name restores it). */
  readonly values: Readonly<Record<string, number>>;
  /** Typed by the user (apply once valid) or adopted from the store (never written back). */
  readonly fromUser: boolean;
}

type ExpressionRef = Exclude<SurfaceRef, string>;

const keyOf = (ref: SurfaceRef): string => JSON.stringify(ref);

function compile(text: string): CompileResult {
  return compileExpression(text, {}, { allowFreeConstants: true });
}

/** The scene surface a valid draft stands for: only the constants it reads, in order. */
function surfaceOf(draft: Draft, result: CompileResult): ExpressionRef | null {
  if (!result.ok) return null;
  const names = result.surface.constantNames;
  if (names.length === 0) return { expression: draft.text };
  return {
    expression: draft.text,
    constants: Object.fromEntries(names.map((name) => [name, draft.values[name] ?? DEFAULT_CONSTANT])),
  };
}

/** Writes a typed surface to the store. A change of constants only keeps the start and the zoom. */
function applySurface(next: ExpressionRef): void {
  const store = useOptiscope.getState();
  const current = store.scene.surface;
  if (keyOf(current) === keyOf(next)) return;
  if (typeof current !== 'string' && current.expression === next.expression) {
    // Same function, new constants: a slider move. setSurface would reset the start and the view.
    useOptiscope.setState((s) => ({ scene: { ...s.scene, surface: next } }));
  } else {
    store.setSurface(next);
  }
}

function draftFromStore(ref: SurfaceRef, previous: Readonly<Record<string, number>>): Draft {
  if (typeof ref === 'string')
    return { text: getSurface(ref)?.expression ?? '', values: previous, fromUser: false };
  return { text: ref.expression, values: { ...previous, ...ref.constants }, fromUser: false };
}

export function ExpressionEditor() {
  const inputId = useId();
  const surfaceRef = useOptiscope((s) => s.scene.surface);
  const storeKey = keyOf(surfaceRef);
  const isCustom = typeof surfaceRef !== 'string';

  const [open, setOpen] = useState(isCustom);
  const [draft, setDraft] = useState<Draft>(() => draftFromStore(surfaceRef, {}));
  /** The draft as last checked (debounced): what the error, formula and sliders describe. */
  const [checked, setChecked] = useState<Draft>(draft);
  /** The store surface this editor last wrote or adopted; anything else is an outside change. */
  const [knownKey, setKnownKey] = useState(storeKey);
  const [ranges, setRanges] = useState<Readonly<Record<string, readonly [number, number]>>>({});

  // An outside change (a lesson, a permalink, the surface picker): show it, never write it back.
  if (storeKey !== knownKey) {
    const adopted = draftFromStore(surfaceRef, draft.values);
    setKnownKey(storeKey);
    setDraft(adopted);
    setChecked(adopted);
    if (isCustom) setOpen(true);
  }

  const result = useMemo(() => compile(checked.text), [checked.text]);
  const draftResult = checked.text === draft.text ? result : null;

  useEffect(() => {
    if (!draft.fromUser || draft === checked) return;
    const timer = window.setTimeout(() => {
      setChecked(draft);
      const next = surfaceOf(draft, compile(draft.text));
      if (next) {
        applySurface(next);
        setKnownKey(keyOf(useOptiscope.getState().scene.surface));
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, checked]);

  const commitNow = (next: Draft) => {
    setDraft(next);
    setChecked(next);
    const surface = surfaceOf(next, compile(next.text));
    if (surface) {
      applySurface(surface);
      setKnownKey(keyOf(useOptiscope.getState().scene.surface));
    }
  };

  const onType = (text: string) => setDraft({ text, values: draft.values, fromUser: true });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitNow({ ...draft, fromUser: true });
  };
  const onExample = (example: ExpressionExample) =>
    commitNow({
      text: example.expression,
      values: { ...draft.values, ...example.constants },
      fromUser: true,
    });
  const onConstant = (name: string, value: number, range: readonly [number, number]) => {
    if (!Number.isFinite(value)) return;
    setRanges((r) => ({ ...r, [name]: r[name] ?? range }));
    const next: Draft = { text: draft.text, values: { ...draft.values, [name]: value }, fromUser: true };
    // Valid text: apply at once (slider drags recompute live). Mid-edit text: wait for the debounce.
    if (draftResult?.ok) commitNow(next);
    else setDraft(next);
  };

  if (!open) {
    return (
      <div className="expression-editor is-closed">
        <button
          type="button"
          className="link-button"
          data-testid="expression-open"
          onClick={() => setOpen(true)}
          title="Type a loss function of w1 and w2; gradients are derived exactly"
        >
          ƒ Type your own function…
        </button>
      </div>
    );
  }

  const error = result.ok ? null : result.error;
  const pending = draft.text !== checked.text;
  const names = result.ok ? result.surface.constantNames : [];
  const errorId = `${inputId}-error`;

  return (
    <div className="expression-editor" data-testid="expression-editor">
      <div className="expression-head">
        <label htmlFor={inputId}>Your function f(w1, w2)</label>
        {!isCustom && (
          <button
            type="button"
            className="link-button"
            onClick={() => setOpen(false)}
            data-testid="expression-close"
          >
            close
          </button>
        )}
      </div>
      <input
        id={inputId}
        className={`expression-input${error && !pending ? ' has-error' : ''}`}
        type="text"
        value={draft.text}
        // No maxLength: the browser would cut a long paste into a parse error; the parser refuses it whole
        // with the limit (MAX_EXPRESSION_LENGTH) in its message instead.
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="e.g. x^4 - x^2 + y^2"
        aria-invalid={error !== null && !pending}
        aria-describedby={error ? errorId : undefined}
        data-testid="expression-input"
        onChange={(event) => onType(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div className="expression-chips" role="group" aria-label="Examples">
        {EXPRESSION_EXAMPLES.map((example) => (
          <button
            key={example.expression}
            type="button"
            className="lesson-chip expression-chip"
            title={`${example.expression} — ${example.title}`}
            data-testid="expression-example"
            data-expression={example.expression}
            onClick={() => onExample(example)}
          >
            {example.label}
          </button>
        ))}
      </div>
      {error ? (
        <div id={errorId} className="expression-error" role="alert" data-testid="expression-error">
          <pre className="expression-echo" aria-hidden="true">
            {checked.text.slice(0, error.position)}
            <mark data-testid="expression-error-mark" className={error.length === 0 ? 'is-point' : undefined}>
              {error.length === 0 ? ' ' : checked.text.slice(error.position, error.position + error.length)}
            </mark>
            {checked.text.slice(error.position + error.length)}
          </pre>
          <p className="expression-message" data-testid="expression-error-message">
            {capitalize(error.message)}
            {checked.text.length > 0 && ` (at character ${error.position + 1})`}.
          </p>
          {isCustom && <p className="muted small">The plot still shows your last valid function.</p>}
        </div>
      ) : (
        result.ok && (
          <div className="expression-rendered">
            <p className="expression-formula" data-testid="expression-formula">
              f = <Formula tex={result.surface.latex} />
            </p>
            <details className="expression-derivatives">
              <summary>Gradient (derived exactly)</summary>
              <p className="expression-derivative" data-testid="expression-derivative">
                <code>
                  ∂f/∂{result.surface.source.match(/\bx\b|\by\b/) ? 'x' : 'w1'} ={' '}
                  {result.surface.derivativeText.d1}
                </code>
                <br />
                <code>
                  ∂f/∂{result.surface.source.match(/\bx\b|\by\b/) ? 'y' : 'w2'} ={' '}
                  {result.surface.derivativeText.d2}
                </code>
              </p>
            </details>
          </div>
        )
      )}
      {names.length > 0 && (
        <div className="expression-constants" data-testid="expression-constants">
          {names.map((name) => {
            const value = draft.values[name] ?? DEFAULT_CONSTANT;
            const range = ranges[name] ?? constantRange(value);
            return (
              <ConstantSlider
                key={name}
                name={name}
                value={value}
                range={range}
                onChange={(v, r) => onConstant(name, v, r)}
              />
            );
          })}
        </div>
      )}
      <UndefinedStops />
      <p className="muted small expression-help">
        Use w1, w2 (or x, y), + − * / ^, sqrt exp log sin cos tanh abs min max, pi, e; other names become
        constants with sliders. Where f is undefined the contours show a hatched gap.
      </p>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ConstantSliderProps {
  name: string;
  value: number;
  range: readonly [number, number];
  onChange(value: number, range: readonly [number, number]): void;
}

function ConstantSlider({ name, value, range, onChange }: ConstantSliderProps) {
  const [low, high] = range;
  const position = Math.round(((Math.min(high, Math.max(low, value)) - low) / (high - low)) * SLIDER_STEPS);
  return (
    <div className="slider-number expression-constant" data-testid="expression-constant" data-name={name}>
      <div className="slider-number-row">
        <NumberField
          label={name}
          value={value}
          min={-CONSTANT_LIMIT}
          max={CONSTANT_LIMIT}
          onChange={(v) => {
            // A typed value outside the slider's range widens it.
            onChange(v, v < low || v > high ? constantRange(v) : range);
          }}
          testId={`constant-${name}`}
        />
      </div>
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={position}
        aria-label={`${name} slider, from ${low} to ${high}`}
        aria-valuetext={String(value)}
        data-testid={`constant-${name}-slider`}
        onChange={(event) => {
          const t = Number(event.currentTarget.value) / SLIDER_STEPS;
          onChange(tidy(low + t * (high - low), range), range);
        }}
      />
    </div>
  );
}

/** Which trajectories stopped where f is undefined, in words. */
function UndefinedStops() {
  const { runs, surface } = useSimulation();
  if (surface?.source !== 'expression') return null;
  const stopped = runs.filter(
    (run) => run.trajectory.divergence && isUndefinedStop(run.trajectory.divergence),
  );
  if (stopped.length === 0) return null;
  return (
    <ul className="expression-stops" data-testid="expression-stops">
      {stopped.map((run) => (
        <li key={run.entry.id} data-testid="expression-stop">
          <strong>{run.entry.label}</strong> {stopLabel(run.trajectory.divergence!)}
          <span className="muted"> — {run.trajectory.divergence!.reason}.</span>
        </li>
      ))}
    </ul>
  );
}
