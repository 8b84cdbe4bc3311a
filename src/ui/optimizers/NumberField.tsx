/**
 * A validated number input: invalid text shows an inline message and the last valid value stays in
 * force (and comes back on blur).
 */
import { format } from 'd3';
import { useId, useState } from 'react';

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

export function validateNumber(text: string, min: number, max: number, integer = false): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a number.';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `“${trimmed}” is not a number.`;
  if (integer && !Number.isInteger(value)) return 'Enter a whole number.';
  if (value < min || value > max) return `Enter a value from ${show(min)} to ${show(max)}.`;
  return null;
}

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
          if (!problem && Number(next) !== value) onChange(Number(next));
        }}
        onBlur={() => {
          setError(null);
          setText(show(value));
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert" data-testid="field-error">
          {error} Keeping {show(value)}.
        </span>
      )}
    </span>
  );
}
