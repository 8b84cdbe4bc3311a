/**
 * Objective against learning rate for one optimizer: a line per value of its second hyperparameter,
 * red ticks where a rate diverged, a green bar under the widest converging range, and the best setting
 * ringed. Axes are shared across optimizers so the small multiples compare at a glance.
 */
import * as d3 from 'd3';
import { DIVERGED_COLOR } from '../atlas/outcomes';
import { formatValue } from '../../analysis/hyperparameterText';
import { LR_RANGE, type CompareAnalysis, type ComparePlan } from '../../analysis/compareRuns';

const MARGIN = { top: 12, right: 10, bottom: 44, left: 48 };

export function curveColor(k: number, count: number): string {
  return d3.interpolateViridis(count <= 1 ? 0.2 : (0.85 * k) / (count - 1));
}

export function LrChart({
  plan,
  analysis,
  yDomain,
  yLog,
  yLabel,
  width = 320,
  height = 200,
}: {
  readonly plan: ComparePlan;
  readonly analysis: CompareAnalysis;
  readonly yDomain: readonly [number, number];
  readonly yLog: boolean;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
}) {
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  const x = d3.scaleLog(LR_RANGE, [0, w]);
  const y = (yLog ? d3.scaleLog(yDomain, [h, 0]) : d3.scaleLinear(yDomain, [h, 0])).clamp(true);
  const yTicks = yLog
    ? y.ticks(4).filter((t) => Number.isInteger(Math.round(Math.log10(t) * 1e6) / 1e6))
    : y.ticks(4);
  const spaced =
    yLog && yTicks.length > 5 ? yTicks.filter((_, i) => i % Math.ceil(yTicks.length / 5) === 0) : yTicks;
  const count = analysis.curves.length;
  return (
    <svg width={width} height={height} data-testid="lr-chart" style={{ overflow: 'visible', fontSize: 10 }}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <rect width={w} height={h} fill="none" stroke="currentColor" strokeOpacity={0.25} />
        {spaced.map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x2={-4} stroke="currentColor" />
            <line x2={w} stroke="currentColor" strokeOpacity={0.08} />
            <text x={-6} dy="0.32em" textAnchor="end" fill="currentColor">
              {formatValue(t)}
            </text>
          </g>
        ))}
        {x
          .ticks(6)
          .filter((t) => Number.isInteger(Math.round(Math.log10(t) * 1e6) / 1e6))
          .map((t) => (
            <g key={t} transform={`translate(${x(t)},${h})`}>
              <line y2={4} stroke="currentColor" />
              <text y={14} textAnchor="middle" fill="currentColor">
                {formatValue(t)}
              </text>
            </g>
          ))}
        <text x={w / 2} y={h + 40} textAnchor="middle" fill="currentColor" fontSize={11}>
          learning rate η (log)
        </text>
        <text
          transform={`translate(${-38},${h / 2}) rotate(-90)`}
          textAnchor="middle"
          fill="currentColor"
          fontSize={11}
        >
          {yLabel}
        </text>
        {analysis.curves.map((curve, k) => {
          const points: [number, number][] = [];
          plan.lrs.forEach((lr, i) => points.push([lr, curve.objective[i]!]));
          const line = d3
            .line<[number, number]>()
            .defined(([, v]) => Number.isFinite(v) && (!yLog || v > 0))
            .x(([lr]) => x(lr))
            .y(([, v]) => y(v));
          return (
            <g key={k} data-testid="lr-curve">
              <path d={line(points) ?? ''} fill="none" stroke={curveColor(k, count)} strokeWidth={1.6} />
              {Array.from(plan.lrs, (lr, i) =>
                curve.diverged[i] ? (
                  <line
                    key={i}
                    x1={x(lr)}
                    x2={x(lr)}
                    y1={-2 - 3 * k}
                    y2={-5 - 3 * k}
                    stroke={DIVERGED_COLOR}
                    strokeWidth={1.5}
                  />
                ) : null,
              )}
            </g>
          );
        })}
        {analysis.widest ? (
          <g data-testid="converging-range">
            <rect
              x={x(analysis.widest.lr[0])}
              width={Math.max(2, x(analysis.widest.lr[1]) - x(analysis.widest.lr[0]))}
              y={h + 22}
              height={5}
              fill="#16a34a"
            />
          </g>
        ) : null}
        {analysis.best && Number.isFinite(analysis.best.objective) ? (
          <circle
            cx={x(analysis.best.lr)}
            cy={y(analysis.best.objective)}
            r={5}
            fill="none"
            stroke="black"
            strokeWidth={1.5}
            data-testid="best-marker"
          />
        ) : null}
      </g>
    </svg>
  );
}
