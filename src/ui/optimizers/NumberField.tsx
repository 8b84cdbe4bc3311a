/**
 * A validated number input: invalid text shows an inline message (why, and the range) and the last valid
 * value stays in force (and comes back on blur, with the reason still shown). Decimal commas are accepted.
 */
import { format } from 'd3';
import { useId, useState } from 'react';
import { parseTypedNumber, validateNumber } from './parseNumber';

const show = format('~g');

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  onChange(value: number): void;
  hideLabel?: boolean;
  testId?: string;
}

export { validateNumber };

export function NumberField({ label, value, min, max, integer, onChange, hideLabel, testId }: Props) {
  const id = useId();
  const [text, setText] = useState(show(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Follow outside changes (the slider) unless the user is mid-edit with an error.
  if (value !== shown) {
    setShown(value);
    if (!error) setText(show(value));
  }
  return (
    <span className={`number-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        value={text}
        data-testid={testId}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const problem = validateNumber(next, min, max, integer);
          setError(problem);
          if (!problem && parseTypedNumber(next) !== value) onChange(parseTypedNumber(next));
        }}
        onBlur={() => {
          // The field shows the value in force again; the reason stays until the next edit, so the
          // revert is never silent.
          setError((problem) => (problem ? problem.replace(/\.$/, '') + ` — kept ${show(value)}.` : null));
          setText(show(value));
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert" data-testid="field-error">
          {error.includes('— kept') ? error : `${error} Keeping ${show(value)}.`}
        </span>
      )}
    </span>
  );
}
