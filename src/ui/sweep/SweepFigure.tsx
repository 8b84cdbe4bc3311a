/** One sweep map: axes, the heatmap, a hover trajectory readout, and a caption with its shares. */
import { HeatmapCanvas } from '../atlas/HeatmapCanvas';
import { formatValue } from '../../analysis/hyperparameterText';
import { MapFrame } from '../atlas/MapFrame';
import { outcomeShares } from '../atlas/outcomes';
import { columnSymbol, frameAxis } from '../../analysis/sweepAxes';
import type { SweepPlan } from '../../analysis/sweepRequests';

export interface Cell {
  readonly column: number;
  readonly row: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function SweepFigure({
  plan,
  side,
  size,
  rgba,
  summary,
  current,
  onHover,
  onPick,
}: {
  readonly plan: SweepPlan;
  readonly side: number;
  readonly size: number;
  readonly rgba: Uint8ClampedArray | null;
  readonly summary: Float64Array | null;
  /** The optimizer's present (x, y), marked on the map. */
  readonly current: readonly [number, number];
  readonly onHover: (cell: Cell | null) => void;
  readonly onPick: (cell: Cell) => void;
}) {
  const xAxis = frameAxis(plan.x);
  const yAxis = frameAxis(plan.y);
  const shares = summary ? outcomeShares(summary, side * side) : null;
  const type = plan.config.type;
  // Where the optimizer's present setting sits, in the map's pixels (axes are monotone in t).
  const position = (axis: typeof plan.x, value: number) => {
    const t =
      axis.spacing === 'linear'
        ? (value - axis.min) / (axis.max - axis.min)
        : axis.spacing === 'log'
          ? Math.log(value / axis.min) / Math.log(axis.max / axis.min)
          : Math.log((1 - value) / (1 - axis.min)) / Math.log((1 - axis.max) / (1 - axis.min));
    return Number.isFinite(t) && t >= 0 && t <= 1 ? t : null;
  };
  const cx = position(plan.x, current[0]);
  const cy = position(plan.y, current[1]);
  return (
    <figure style={{ margin: 0 }} data-testid="sweep-figure" data-optimizer={type}>
      <figcaption style={{ fontSize: '0.85em', marginLeft: 46, marginBottom: 4 }}>
        <strong>{plan.config.label}</strong>: {columnSymbol(type, plan.x.column)} ×{' '}
        {columnSymbol(type, plan.y.column)}
        {shares ? (
          <span data-testid="sweep-shares" style={{ display: 'block', opacity: 0.8 }}>
            reaches the tolerance in {percent(shares.reached)} of the plane · diverges in{' '}
            {percent(shares.diverged)}
          </span>
        ) : (
          <span style={{ display: 'block', opacity: 0.6 }}>computing…</span>
        )}
      </figcaption>
      <MapFrame size={size} x={xAxis} y={yAxis}>
        <HeatmapCanvas
          columns={side}
          rows={side}
          rgba={rgba}
          size={size}
          label={`${plan.config.label}: ${plan.x.label} × ${plan.y.label}`}
          onHover={onHover}
          onPick={onPick}
          overlay={
            cx !== null && cy !== null ? (
              <g transform={`translate(${cx * size},${(1 - cy) * size})`} data-testid="sweep-current">
                <title>
                  present setting: {columnSymbol(type, plan.x.column)}={formatValue(current[0])},{' '}
                  {columnSymbol(type, plan.y.column)}={formatValue(current[1])}
                </title>
                <circle r={6} fill="none" stroke="white" strokeWidth={3.5} />
                <circle r={6} fill="none" stroke="black" strokeWidth={1.5} />
              </g>
            ) : null
          }
        />
      </MapFrame>
    </figure>
  );
}
