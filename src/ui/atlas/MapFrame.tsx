/**
 * Axes around a square map: tick labels on the left and bottom, each axis linear or log, and the axis
 * names. The map itself (a HeatmapCanvas) is the child, so outcome maps and sweeps share one frame.
 */
import * as d3 from 'd3';
import type { ReactNode } from 'react';
import type { MapAxis } from '../../analysis/sweepAxes';

export type { MapAxis };

const LEFT = 46;
const BOTTOM = 34;

function axisScale(axis: MapAxis, range: [number, number]) {
  return axis.scale === 'log' ? d3.scaleLog(axis.domain, range) : d3.scaleLinear(axis.domain, range);
}

function tickLabel(axis: MapAxis, value: number): string {
  if (axis.scale === 'log') {
    const exponent = Math.log10(value);
    if (!Number.isInteger(Math.round(exponent * 1e6) / 1e6)) return '';
    return axis.format ? axis.format(value) : d3.format('~g')(value);
  }
  if (axis.format) return axis.format(value);
  return d3.format('~g')(Number(value.toPrecision(4)));
}

export function MapFrame({
  size,
  x,
  y,
  children,
}: {
  readonly size: number;
  readonly x: MapAxis;
  readonly y: MapAxis;
  readonly children: ReactNode;
}) {
  const xs = axisScale(x, [0, size]);
  const ys = axisScale(y, [size, 0]);
  const count = size < 240 ? 4 : 6;
  const xTicks = xs.ticks(count).filter((t) => tickLabel(x, t) !== '');
  const yTicks = ys.ticks(count).filter((t) => tickLabel(y, t) !== '');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `${LEFT}px ${size}px`, width: LEFT + size }}>
      <svg width={LEFT} height={size} aria-hidden="true" style={{ overflow: 'visible', fontSize: 10 }}>
        <text
          transform={`translate(10,${size / 2}) rotate(-90)`}
          textAnchor="middle"
          fill="currentColor"
          fontSize={11}
        >
          {y.label}
        </text>
        {yTicks.map((t) => (
          <g key={t} transform={`translate(${LEFT},${ys(t)})`}>
            <line x2={-4} stroke="currentColor" />
            <text x={-6} dy="0.32em" textAnchor="end" fill="currentColor">
              {tickLabel(y, t)}
            </text>
          </g>
        ))}
      </svg>
      {children}
      <span />
      <svg width={size} height={BOTTOM} aria-hidden="true" style={{ overflow: 'visible', fontSize: 10 }}>
        {xTicks.map((t) => (
          <g key={t} transform={`translate(${xs(t)},0)`}>
            <line y2={4} stroke="currentColor" />
            <text y={14} textAnchor="middle" fill="currentColor">
              {tickLabel(x, t)}
            </text>
          </g>
        ))}
        <text x={size / 2} y={30} textAnchor="middle" fill="currentColor" fontSize={11}>
          {x.label}
        </text>
      </svg>
    </div>
  );
}
