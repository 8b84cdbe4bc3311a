/**
 * A small line chart for the network view: several series over a shared x axis (steps, or t of an
 * interpolation), log-scaled y when every value is positive. NaN values leave gaps.
 */
import { scaleLinear, scaleLog } from 'd3';
import { runStyle } from '../theme/palette';

export interface SmallSeries {
  readonly id: string;
  readonly label: string;
  readonly slot: number;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Drawn thin and translucent (mini-batch losses behind full-data losses). */
  readonly faint?: boolean;
}

interface Props {
  series: readonly SmallSeries[];
  xDomain: readonly [number, number];
  xLabel: string;
  yLabel: string;
  title: string;
  dark: boolean;
  testId: string;
  width?: number;
  height?: number;
  marks?: readonly { x: number; label: string }[];
}

const M = { top: 8, right: 10, bottom: 30, left: 50 };

export function SmallChart({
  series,
  xDomain,
  xLabel,
  yLabel,
  title,
  dark,
  testId,
  width: outerWidth = 420,
  height: outerHeight = 200,
  marks = [],
}: Props) {
  const width = outerWidth - M.left - M.right;
  const height = outerHeight - M.top - M.bottom;
  let low = Infinity;
  let high = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const v = s.y[i]!;
      if (!Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (!Number.isFinite(low)) [low, high] = [0, 1];
  const logScale = low > 0 && high / low > 20;
  const y = logScale
    ? scaleLog().domain([low, high]).range([height, 0]).nice()
    : scaleLinear()
        .domain([Math.min(0, low), high === low ? low + 1 : high])
        .range([height, 0])
        .nice();
  const x = scaleLinear().domain(xDomain).range([0, width]);
  const pathOf = (s: SmallSeries) => {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.y.length; i++) {
      const v = s.y[i]!;
      if (!Number.isFinite(v) || (logScale && v <= 0)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(s.x[i]!).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  // Tiny log-scale ticks as 1e-6, which fits the margin where 0.000001 does not.
  const format = y.tickFormat(4, logScale ? (low < 1e-3 ? '.0e' : '.2~g') : '.3~g');
  return (
    <svg
      width={outerWidth}
      height={outerHeight}
      viewBox={`0 0 ${outerWidth} ${outerHeight}`}
      className="nn-chart"
      data-testid={testId}
      data-scale={logScale ? 'log' : 'linear'}
      role="img"
      aria-label={`${title}: ${series.length} lines`}
    >
      <g transform={`translate(${M.left},${M.top})`}>
        {y.ticks(4).map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`} className="nn-grid">
            <line x2={width} />
            <text x={-5} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {marks.map((mark) => (
          <g key={mark.label} transform={`translate(${x(mark.x)},0)`} className="nn-mark">
            <line y2={height} />
            <text y={10} x={3}>
              {mark.label}
            </text>
          </g>
        ))}
        {series.map((s) => {
          const style = runStyle(s.slot, dark);
          return (
            <path
              key={s.id}
              d={pathOf(s)}
              fill="none"
              stroke={style.color}
              strokeWidth={s.faint ? 0.8 : 1.8}
              opacity={s.faint ? 0.35 : 1}
              strokeDasharray={s.faint ? undefined : style.dash || undefined}
              data-testid="chart-line"
            />
          );
        })}
        <g transform={`translate(0,${height})`} className="nn-axis">
          <line x2={width} />
          {x.ticks(5).map((t) => (
            <text key={t} x={x(t)} y={14} textAnchor="middle">
              {t}
            </text>
          ))}
          <text x={width} y={26} textAnchor="end">
            {xLabel}
          </text>
        </g>
        <text className="nn-axis" transform={`translate(-40,${height / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
    </svg>
  );
}
