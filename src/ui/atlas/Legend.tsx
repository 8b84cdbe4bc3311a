/** Swatches for categorical colorings, a gradient bar for continuous ones. */
import type { Coloring } from './outcomes';

export function Legend({ coloring }: { readonly coloring: Coloring }) {
  const ramp = coloring.ramp;
  const format = (v: number) =>
    ramp?.integer
      ? Math.round(v).toLocaleString()
      : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0)
        ? v.toExponential(1)
        : v.toFixed(2);
  return (
    <div
      className="atlas-legend"
      data-testid="map-legend"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em 1em', fontSize: '0.8em', alignItems: 'center' }}
    >
      {ramp ? (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.4em' }}>
          {ramp.label}: {format(ramp.domain[0])}
          <span
            style={{
              display: 'inline-block',
              width: 120,
              height: 10,
              background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => ramp.interpolate(t)).join(', ')})`,
            }}
          />
          {format(ramp.domain[1])}
          {ramp.log ? ' (log scale)' : ''}
        </span>
      ) : null}
      {coloring.legend.map((entry) => (
        <span key={entry.label} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.3em' }}>
          <span style={{ width: 10, height: 10, background: entry.color, display: 'inline-block' }} />
          {entry.label}
        </span>
      ))}
    </div>
  );
}
