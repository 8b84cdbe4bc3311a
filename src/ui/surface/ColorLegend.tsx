/** The contour color key: one swatch per band with a few loss values under it. */
import { format } from 'd3';
import type { ContourLayer } from './contours';

const valueFormat = format('.2~g');

export function ColorLegend({ layer }: { layer: ContourLayer }) {
  const swatches = [layer.base, ...layer.colors];
  const every = Math.max(1, Math.ceil(layer.levels.length / 6));
  const scaleName = {
    log: 'log-spaced levels',
    symmetric: 'levels symmetric around 0',
    linear: 'linear levels',
  }[layer.scale];
  return (
    <figure className="color-legend" data-testid="color-legend" aria-label={`Loss color key, ${scaleName}`}>
      <figcaption>
        loss
        <br />
        <span className="muted">{scaleName}</span>
      </figcaption>
      <div className="color-legend-scale">
        <div className="color-legend-bar">
          {swatches.map((color, i) => (
            <span key={i} style={{ background: color }} />
          ))}
        </div>
        <div className="color-legend-ticks" aria-hidden="true">
          {layer.levels.map((level, i) =>
            i % every === 0 ? (
              <span key={i} style={{ left: `${((i + 1) / swatches.length) * 100}%` }}>
                {valueFormat(level)}
              </span>
            ) : null,
          )}
        </div>
      </div>
    </figure>
  );
}
