/**
 * A step-indexed line chart: one line per run (its color and dash), the current step as a rule, and a
 * hover tooltip listing every run's value at the hovered step. NaN values leave gaps; they are never drawn.
 */
import { format, scaleLinear } from 'd3';
import { useId, useRef, useState } from 'react';
import { useOptiscope } from '../../state';
import { useElementSize } from '../hooks/useElementSize';
import { runStyle } from '../theme/palette';
import { useIsDark } from '../theme/useTheme';
import { buildYScale, type ScaleKind } from './scales';
import { linePath } from './linePath';
import { exitIndex, seriesForScale } from './scaleSeries';

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly slot: number;
  readonly length: number;
  /** Value at index i (plotted at step i + offset). */
  value(i: number): number;
  readonly offset: number;
  /** Overrides the run style's color and dash (for series that are not runs, such as averages). */
  readonly color?: string;
  readonly dash?: string;
  /** A run that left the box (diverged, ran off to −∞): it does not set the y axis, and is marked where it leaves. */
  readonly left?: { readonly label: string };
}

interface Props {
  series: readonly ChartSeries[];
  steps: number;
  yLabel: string;
  title: string;
  height?: number;
  scale?: ScaleKind | 'auto';
  testId?: string;
}

const M = { top: 10, right: 14, bottom: 30, left: 56 };
const valueFormat = format('.4~g');

export function LineChart({ series, steps, yLabel, title, height = 190, scale = 'auto', testId }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const { width: outer } = useElementSize(wrapRef);
  const step = useOptiscope((s) => s.view.step);
  const dark = useIsDark();
  const [hover, setHover] = useState<number | null>(null);
  const clipId = `clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const width = Math.max(120, outer - M.left - M.right);
  const h = height - M.top - M.bottom;
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([0, width]);
  const scaled = seriesForScale(series);
  const values = function* () {
    for (const s of scaled) for (let i = 0; i < s.length; i++) yield s.value(i);
  };
  const y = buildYScale(values(), h, scale);
  const at = hover ?? step;
  const readings = series.map((s) => ({ s, v: s.value(at - s.offset) }));

  return (
    <div className="line-chart" ref={wrapRef} data-testid={testId} data-scale={y.kind}>
      <svg
        width={width + M.left + M.right}
        height={height}
        role="img"
        aria-label={`${title}: ${y.kind} scale, ${series.length} lines`}
        onMouseMove={(event) => {
          const rect = event.currentTarget.getBoundingClientRect();
          const k = Math.round(x.invert(event.clientX - rect.left - M.left));
          setHover(Math.max(0, Math.min(steps, k)));
        }}
        onMouseLeave={() => setHover(null)}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {y.ticks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`} className="chart-grid">
              <line x2={width} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {y.format(t)}
              </text>
            </g>
          ))}
          <g transform={`translate(0,${h})`} className="chart-axis">
            <line x2={width} />
            {x.ticks(Math.max(2, Math.round(width / 80))).map((t) => (
              <text key={t} x={x(t)} y={16} textAnchor="middle">
                {t}
              </text>
            ))}
            <text x={width} y={28} textAnchor="end" className="chart-axis-title">
              step
            </text>
          </g>
          <text
            className="chart-axis-title"
            transform={`translate(-46,${h / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
          <clipPath id={clipId}>
            <rect x={-4} y={-4} width={width + 8} height={h + 8} />
          </clipPath>
          <g clipPath={`url(#${clipId})`}>
            {series.map((s) => {
              const style = runStyle(s.slot, dark);
              return (
                <path
                  key={s.id}
                  className="chart-line"
                  data-testid="chart-line"
                  d={linePath(s, x, y)}
                  stroke={s.color ?? style.color}
                  strokeDasharray={(s.dash ?? style.dash) || undefined}
                />
              );
            })}
          </g>
          {series.map((s) => {
            if (!s.left) return null;
            const k = exitIndex(s, y, h);
            const py = y(s.value(k));
            const edge = Number.isFinite(py) ? Math.max(0, Math.min(h, py)) : 0;
            const color = s.color ?? runStyle(s.slot, dark).color;
            const up = edge <= h / 2;
            return (
              <g
                key={`exit-${s.id}`}
                className="chart-exit"
                data-testid="chart-exit"
                data-step={k + s.offset}
                transform={`translate(${x(k + s.offset)},${edge})`}
              >
                <title>{`${s.label}: ${s.left.label}`}</title>
                <path
                  d={up ? 'M-5,6 L0,-2 L5,6 Z' : 'M-5,-6 L0,2 L5,-6 Z'}
                  fill={color}
                  stroke="var(--plot-bg)"
                />
              </g>
            );
          })}
          <line className="chart-now" x1={x(at)} x2={x(at)} y2={h} data-testid="chart-now" data-step={at} />
          {readings.map(({ s, v }) =>
            Number.isFinite(v) ? (
              <path
                key={s.id}
                d={runStyle(s.slot, dark).markerPath(36)}
                transform={`translate(${x(at)},${y(v)})`}
                fill={s.color ?? runStyle(s.slot, dark).color}
                className="chart-dot"
              />
            ) : null,
          )}
        </g>
      </svg>
      {hover !== null && (
        <div
          className="chart-tooltip"
          role="status"
          style={{ left: Math.min(M.left + x(hover) + 12, width - 150) }}
        >
          <strong>step {hover}</strong>
          {readings.map(({ s, v }) => (
            <div key={s.id}>
              <span style={{ color: s.color ?? runStyle(s.slot, dark).color }}>■</span> {s.label}:{' '}
              {Number.isFinite(v) ? valueFormat(v) : '—'}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
