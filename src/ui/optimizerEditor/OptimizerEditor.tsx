/**
 * "Type your own optimizer", beside "Type your own function": state variables with initial values,
 * hyperparameters with sliders, and the lines of one step in the typed-surface syntax. Checked 250 ms
 * after the last key; errors are shown where they are (box, line, character) and never reach the store,
 * so the scene keeps the last valid rule. "Add to the scene" puts the rule in force with one optimizer;
 * once it is in the scene, every valid edit and slider move applies at once to the optimizers using it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { CUSTOM_TYPE, TYPED_LION, type CustomOptimizerDefinition } from '../../core/optimizers/custom';
import { useOptiscope } from '../../state';
import { Formula } from '../math/Formula';
import { SliderNumber } from '../optimizers/SliderNumber';
import { OPTIMIZER_EXAMPLES } from './examples';
import {
  boxLabel,
  formatHyperparameter,
  readEditorText,
  textOf,
  type EditorBox,
  type EditorError,
  type EditorText,
} from './editorText';
import './optimizerEditor.css';

export const DEBOUNCE_MS = 250;

const keyOf = (definition: CustomOptimizerDefinition | undefined) => JSON.stringify(definition ?? null);

/** Puts a definition in force; its optimizers take the slider values where `values` says so. */
function apply(definition: CustomOptimizerDefinition, add: boolean, values: readonly string[] = []) {
  const store = useOptiscope.getState();
  store.applyCustomOptimizer(definition, add);
  for (const entry of useOptiscope.getState().scene.optimizers) {
    if (entry.type !== CUSTOM_TYPE) continue;
    for (const h of definition.hyperparameters)
      if (values.includes(h.name)) store.setHyperparameter(entry.id, h.name, h.value);
  }
}

export function OptimizerEditor() {
  const baseId = useId();
  const stored = useOptiscope((s) => s.scene.customOptimizer);
  const inScene = useOptiscope((s) => s.scene.optimizers.filter((o) => o.type === CUSTOM_TYPE).length);
  const storeKey = keyOf(stored);
  const [open, setOpen] = useState(stored !== undefined);
  const [text, setText] = useState<EditorText>(() => textOf(stored ?? TYPED_LION));
  const [checked, setChecked] = useState<EditorText>(text);
  const [knownKey, setKnownKey] = useState(storeKey);

  // An outside change (a permalink, an opened file): show it, never write it back.
  if (storeKey !== knownKey) {
    setKnownKey(storeKey);
    if (stored) {
      const adopted = textOf(stored);
      setText(adopted);
      setChecked(adopted);
      setOpen(true);
    }
  }

  const result = useMemo(() => readEditorText(checked), [checked]);
  const pending = text !== checked;

  const commit = (next: EditorText, values: readonly string[] = []) => {
    setText(next);
    setChecked(next);
    const read = readEditorText(next);
    // Live once the rule is in the scene; the first optimizer is added by the button.
    if (read.ok && stored !== undefined && inScene > 0) {
      apply(read.definition, false, values);
      setKnownKey(keyOf(useOptiscope.getState().scene.customOptimizer));
    }
  };

  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => commit(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // commit reads the latest store state itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, pending]);

  if (!open) {
    return (
      <div className="optimizer-editor is-closed">
        <button
          type="button"
          className="link-button"
          data-testid="optimizer-editor-open"
          onClick={() => setOpen(true)}
          title="Write an update rule (state, hyperparameters, one line per assignment) and race it against the built-ins"
        >
          ✎ Type your own optimizer…
        </button>
      </div>
    );
  }

  const errors = result.ok ? [] : result.errors;
  /** The first few problems of a box, each shown at its line. */
  const errorsIn = (box: EditorBox) => (pending ? [] : errors.filter((e) => e.box === box).slice(0, 3));
  const errorIn = (box: EditorBox) => errorsIn(box)[0];
  const set = (box: EditorBox, value: string) => setText({ ...text, [box]: value });
  const onAdd = () => {
    const read = readEditorText(text);
    setChecked(text);
    if (!read.ok) return;
    apply(read.definition, true);
    setKnownKey(keyOf(useOptiscope.getState().scene.customOptimizer));
  };
  const onRemove = () => {
    useOptiscope.getState().applyCustomOptimizer(null);
    setKnownKey(keyOf(useOptiscope.getState().scene.customOptimizer));
  };
  const onSlider = (index: number, value: number) => {
    if (!result.ok || pending) return;
    const hyperparameters = result.definition.hyperparameters.map((h, i) =>
      i === index ? { ...h, value } : h,
    );
    commit({ ...text, hyperparameters: hyperparameters.map(formatHyperparameter).join('\n') }, [
      result.definition.hyperparameters[index]!.name,
    ]);
  };
  const field = (box: EditorBox, rows: number, placeholder: string, hint: string) => {
    const error = errorIn(box);
    const id = `${baseId}-${box}`;
    return (
      <div className="optimizer-editor-box">
        <label htmlFor={id}>
          {boxLabel(box)} <span className="muted">{hint}</span>
        </label>
        <textarea
          id={id}
          rows={rows}
          // One line, one row: error positions are by line, so lines never wrap.
          wrap="off"
          value={text[box]}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder={placeholder}
          className={error ? 'has-error' : undefined}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={`optimizer-editor-${box}`}
          onChange={(event) => set(box, event.currentTarget.value)}
        />
        {errorsIn(box).map((e, k) => (
          <ErrorEcho key={k} id={k === 0 ? `${id}-error` : undefined} error={e} text={checked[box]} />
        ))}
      </div>
    );
  };
  const nameError = errorIn('name') ?? errorIn('lr');

  return (
    <div className="optimizer-editor" data-testid="optimizer-editor">
      <div className="optimizer-editor-head">
        <strong>Your own optimizer</strong>
        {stored === undefined && (
          <button
            type="button"
            className="link-button"
            onClick={() => setOpen(false)}
            data-testid="optimizer-editor-close"
          >
            close
          </button>
        )}
      </div>
      <div className="optimizer-editor-chips" role="group" aria-label="Examples">
        {OPTIMIZER_EXAMPLES.map((example) => (
          <button
            key={example.name}
            type="button"
            className="lesson-chip expression-chip"
            title={example.title}
            data-testid="optimizer-example"
            onClick={() => commit(textOf(example.definition))}
          >
            {example.name}
          </button>
        ))}
      </div>
      <div className="optimizer-editor-row">
        <label>
          <span>name</span>
          <input
            type="text"
            value={text.name}
            maxLength={40}
            data-testid="optimizer-editor-name"
            onChange={(event) => set('name', event.currentTarget.value)}
          />
        </label>
        <label>
          <span>default η</span>
          <input
            type="text"
            inputMode="decimal"
            value={text.lr}
            data-testid="optimizer-editor-lr"
            onChange={(event) => set('lr', event.currentTarget.value)}
          />
        </label>
      </div>
      {nameError && (
        <p className="field-error" role="alert" data-testid="optimizer-editor-error">
          {boxLabel(nameError.box)}: {nameError.message}.
        </p>
      )}
      {field('state', 2, 'm = 0', 'name = initial value, one per line')}
      {field('hyperparameters', 3, 'beta1 = 0.9 in [0, 0.999]', 'name = value in [min, max]')}
      {result.ok && !pending && result.definition.hyperparameters.length > 0 && (
        <div className="optimizer-editor-sliders" data-testid="optimizer-editor-sliders">
          {result.definition.hyperparameters.map((h, i) => (
            <SliderNumber
              key={h.name}
              label={h.name}
              value={h.value}
              min={h.min}
              max={h.max}
              scale="linear"
              onChange={(value) => onSlider(i, value)}
              testId={`optimizer-editor-hp-${h.name}`}
            />
          ))}
        </div>
      )}
      {field('step', 4, 'w = w - lr * g', 'one assignment per line, in order')}
      <p className="muted small optimizer-editor-help">
        Read g (the gradient), w, t (the step, from 1), lr (η after the schedule), loss, your hyperparameters,
        state and earlier lines; + − * / ^, sqrt exp log abs sign min max. Each line acts on both coordinates.{' '}
        <code>w = w - …</code> moves the point (or set <code>update</code>, the step Δw);{' '}
        <code>effective_lr</code> is the rate the panels show (default lr).
      </p>
      {result.ok && !pending && (
        <div className="optimizer-editor-rendered" data-testid="optimizer-editor-equations">
          <ul className="optimizer-editor-equations">
            {result.equations.map((tex, i) => (
              <li key={i}>
                <Formula tex={tex} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="optimizer-editor-actions">
        <button
          type="button"
          className="primary-button"
          data-testid="optimizer-editor-add"
          disabled={!result.ok || pending}
          onClick={onAdd}
        >
          {inScene > 0 ? 'Add another' : 'Add to the scene'}
        </button>
        {stored !== undefined && (
          <button
            type="button"
            className="link-button"
            data-testid="optimizer-editor-remove"
            onClick={onRemove}
          >
            remove from the scene
          </button>
        )}
        <span className="muted small" data-testid="optimizer-editor-status">
          {pending
            ? 'checking…'
            : !result.ok
              ? `${errors.length} problem${errors.length === 1 ? '' : 's'}; the scene keeps the last valid rule`
              : inScene > 0
                ? `in the scene: ${inScene} optimizer${inScene === 1 ? '' : 's'}, changes apply at once`
                : 'valid; not in the scene yet'}
        </span>
      </div>
    </div>
  );
}

function ErrorEcho({ id, error, text }: { id: string | undefined; error: EditorError; text: string }) {
  const line = text.split('\n')[error.line] ?? '';
  return (
    <div id={id} className="expression-error" role="alert" data-testid="optimizer-editor-error">
      <pre className="expression-echo" aria-hidden="true">
        {line.slice(0, error.position)}
        <mark
          data-testid="optimizer-editor-error-mark"
          className={error.length === 0 ? 'is-point' : undefined}
        >
          {error.length === 0 ? ' ' : line.slice(error.position, error.position + error.length)}
        </mark>
        {line.slice(error.position + error.length)}
      </pre>
      <p className="expression-message" data-testid="optimizer-editor-error-message">
        {boxLabel(error.box)}, line {error.line + 1}, character {error.position + 1}: {error.message}.
      </p>
    </div>
  );
}
