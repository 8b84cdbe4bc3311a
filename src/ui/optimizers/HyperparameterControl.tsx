/** The control for one hyperparameter row of an optimizer spec: number, pair (two sliders) or boolean. */
import type { HyperparameterSpec, HyperparameterValue } from '../../core';
import { SliderNumber } from './SliderNumber';

interface Props {
  spec: HyperparameterSpec;
  value: HyperparameterValue | undefined;
  onChange(value: HyperparameterValue): void;
}

export function HyperparameterControl({ spec, value, onChange }: Props) {
  if (spec.kind === 'boolean') {
    return (
      <label className="checkbox-field" title={spec.help}>
        <input
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {spec.label}
      </label>
    );
  }
  if (spec.kind === 'pair') {
    const pair = Array.isArray(value) ? (value as readonly [number, number]) : spec.default;
    return (
      <fieldset className="pair-field" title={spec.help}>
        <legend>{spec.label}</legend>
        {spec.labels.map((label, i) => (
          <SliderNumber
            key={label}
            label={label}
            value={pair[i] ?? 0}
            min={spec.min}
            max={spec.max}
            scale={spec.scale}
            onChange={(v) => onChange(i === 0 ? [v, pair[1]] : [pair[0], v])}
          />
        ))}
      </fieldset>
    );
  }
  const number = typeof value === 'number' ? value : spec.default;
  return (
    <SliderNumber
      label={spec.label}
      value={number}
      min={spec.min}
      max={spec.max}
      scale={spec.scale}
      integer={spec.integer}
      help={spec.help}
      sliderMax={spec.key === 'lr' ? Math.min(spec.max, 2) : undefined}
      onChange={onChange}
      testId={`hp-${spec.key}`}
    />
  );
}
