/** One numeric setting: a slider (log-spaced for log-scale parameters) AND a validated number input. */
import { useId } from 'react';
import { NumberField } from './NumberField';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  scale: 'log' | 'linear';
  integer?: boolean;
  help?: string;
  /** Slider range when narrower than what the number input accepts. */
  sliderMax?: number;
  onChange(value: number): void;
  testId?: string;
}

const SLIDER_STEPS = 400;

export function SliderNumber({
  label,
  value,
  min,
  max,
  scale,
  integer,
  help,
  sliderMax,
  onChange,
  testId,
}: Props) {
  const id = useId();
  const top = Math.min(max, sliderMax ?? max);
  const low = scale === 'log' ? (min > 0 ? min : top * 1e-12) : min;
  const toSlider = (v: number) =>
    scale === 'log'
      ? ((Math.log10(Math.max(v, low)) - Math.log10(low)) / (Math.log10(top) - Math.log10(low))) *
        SLIDER_STEPS
      : ((Math.min(v, top) - low) / (top - low)) * SLIDER_STEPS;
  const fromSlider = (s: number) => {
    const t = s / SLIDER_STEPS;
    const v =
      scale === 'log'
        ? Math.pow(10, Math.log10(low) + t * (Math.log10(top) - Math.log10(low)))
        : low + t * (top - low);
    if (integer) return Math.round(v);
    // Three significant digits: sliders give tidy values.
    return Number(v.toPrecision(3));
  };
  return (
    <div className="slider-number" title={help}>
      <div className="slider-number-row">
        <NumberField
          label={label}
          value={value}
          min={min}
          max={max}
          integer={integer}
          onChange={onChange}
          testId={testId}
        />
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={toSlider(value)}
        aria-label={`${label} slider${scale === 'log' ? ' (log scale)' : ''}`}
        aria-valuetext={String(value)}
        onChange={(event) => onChange(fromSlider(Number(event.currentTarget.value)))}
      />
    </div>
  );
}
