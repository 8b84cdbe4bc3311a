/** Tick marks and labels for w1 (bottom) and w2 (left). */
import { format } from 'd3';
import type { Scales } from './geometry';

const tickFormat = format('~g');

export function Axes({ scales }: { scales: Scales }) {
  const { x, y, width, height } = scales;
  const xTicks = x.ticks(Math.max(3, Math.round(width / 90)));
  const yTicks = y.ticks(Math.max(3, Math.round(height / 70)));
  return (
    <g className="axes" aria-hidden="true">
      <g transform={`translate(0,${height})`}>
        <line x2={width} className="axis-line" />
        {xTicks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y2={5} className="axis-tick" />
            <text y={18} textAnchor="middle">
              {tickFormat(t)}
            </text>
          </g>
        ))}
        <text className="axis-title" x={width / 2} y={36} textAnchor="middle">
          w<tspan baselineShift="sub">1</tspan>
        </text>
      </g>
      <g>
        <line y2={height} className="axis-line" />
        {yTicks.map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x2={-5} className="axis-tick" />
            <text x={-8} dy="0.32em" textAnchor="end">
              {tickFormat(t)}
            </text>
          </g>
        ))}
        <text
          className="axis-title"
          transform={`translate(-40,${height / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          w<tspan baselineShift="sub">2</tspan>
        </text>
      </g>
    </g>
  );
}
