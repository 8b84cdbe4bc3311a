/**
 * The data and what the network makes of it at the parameters being looked at: the decision regions
 * (class probabilities on a grid of inputs, drawn as an image) with the points, or for regression the
 * fitted curve through the points. Prediction is the float64 evaluator, synchronous and cheap.
 */
import { line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import { createEvaluator, type Architecture, type Dataset } from '../../nn';

interface Props {
  data: Dataset;
  arch: Architecture;
  theta: Float64Array | null;
  caption: string;
}

const SIZE = 280;
const CELLS = 64;
const CLASS_COLORS: readonly (readonly [number, number, number])[] = [
  [0, 114, 178],
  [213, 94, 0],
  [0, 158, 115],
];
const hex = ([r, g, b]: readonly [number, number, number]) => `rgb(${r},${g},${b})`;

function regionImage(arch: Architecture, data: Dataset, theta: Float64Array): string | null {
  if (typeof document === 'undefined') return null;
  const evaluator = createEvaluator(arch, data);
  const [x0, x1] = data.domain.x;
  const [y0, y1] = data.domain.y;
  const inputs = new Float64Array(CELLS * CELLS * 2);
  for (let j = 0; j < CELLS; j++) {
    for (let i = 0; i < CELLS; i++) {
      const n = j * CELLS + i;
      inputs[2 * n] = x0 + ((i + 0.5) / CELLS) * (x1 - x0);
      inputs[2 * n + 1] = y1 - ((j + 0.5) / CELLS) * (y1 - y0);
    }
  }
  const out = evaluator.predict(theta, inputs, CELLS * CELLS);
  const canvas = document.createElement('canvas');
  canvas.width = CELLS;
  canvas.height = CELLS;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const image = context.createImageData(CELLS, CELLS);
  const k = data.outputDim;
  for (let n = 0; n < CELLS * CELLS; n++) {
    const weights =
      k === 1
        ? [1 - Math.min(1, Math.max(0, out[n]!)), Math.min(1, Math.max(0, out[n]!))]
        : Array.from({ length: k }, (_, c) => out[n * k + c]!);
    const confidence = Math.max(...weights);
    const mix = [0, 1, 2].map((channel) =>
      weights.reduce((sum, w, c) => sum + w * CLASS_COLORS[c]![channel]!, 0),
    );
    // Fade towards white where the network is unsure, so the boundary reads as a light band.
    const strength = 0.25 + 0.45 * Math.max(0, (confidence - 1 / weights.length) / (1 - 1 / weights.length));
    for (let channel = 0; channel < 3; channel++)
      image.data[4 * n + channel] = Math.round(255 + strength * (mix[channel]! - 255));
    image.data[4 * n + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

export function DataPanel({ data, arch, theta, caption }: Props) {
  const x = scaleLinear().domain(data.domain.x).range([0, SIZE]);
  const y = scaleLinear().domain(data.domain.y).range([SIZE, 0]);
  const image = useMemo(
    () => (theta && data.inputDim === 2 ? regionImage(arch, data, theta) : null),
    [arch, data, theta],
  );
  const fit = useMemo(() => {
    if (!theta || data.inputDim !== 1) return null;
    const count = 160;
    const inputs = Float64Array.from(
      { length: count },
      (_, i) => data.domain.x[0] + ((data.domain.x[1] - data.domain.x[0]) * i) / (count - 1),
    );
    const out = createEvaluator(arch, data).predict(theta, inputs, count);
    return line<number>()
      .x((i) => x(inputs[i]!))
      .y((i) => y(out[i]!))(Array.from({ length: count }, (_, i) => i));
  }, [arch, data, theta, x, y]);
  const points = Array.from({ length: data.size }, (_, i) => i);
  return (
    <figure className="nn-figure" data-testid="network-data">
      <svg
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`${data.id} data (${data.size} points) and the network's ${data.task === 'regression' ? 'fit' : 'decision regions'}`}
      >
        <rect width={SIZE} height={SIZE} className="nn-plot-bg" />
        {image && (
          <image
            href={image}
            width={SIZE}
            height={SIZE}
            preserveAspectRatio="none"
            data-testid="decision-regions"
          />
        )}
        {data.inputDim === 2
          ? points.map((i) => (
              <circle
                key={i}
                cx={x(data.x[2 * i]!)}
                cy={y(data.x[2 * i + 1]!)}
                r={2.6}
                fill={hex(CLASS_COLORS[data.labels[i]!] ?? CLASS_COLORS[0]!)}
                stroke="white"
                strokeWidth={0.6}
              />
            ))
          : points.map((i) => (
              <circle key={i} cx={x(data.x[i]!)} cy={y(data.y[i]!)} r={2.2} className="nn-point" />
            ))}
        {fit && <path d={fit} className="nn-fit" data-testid="regression-fit" />}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
