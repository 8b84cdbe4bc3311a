/**
 * The preprocessing experiment's figure: for raw, zero-centred, standardized and whitened inputs, the
 * data cloud (equal axis scales, so a round cloud looks round) and the loss surface of the 2-parameter
 * model over (w₁, w₂) with gradient descent's path from w = 0 (equal scales too: a ravine looks like one).
 */
import { contours, geoPath, geoTransform, interpolateViridis, scaleLinear } from 'd3';
import { useMemo } from 'react';
import { lossAt, PREPROCESSING_LABELS, type PreprocessingRun } from '../../nn/preprocessing';
import { runStyle } from '../theme/palette';

const SIZE = 170;
const PAD = 22;
const GRID = 64;
const LEVELS = 14;

/** A square window around the given points, padded. */
function squareAround(xs: ArrayLike<number>, ys: ArrayLike<number>, pad = 0.12) {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < xs.length; i++) {
    x0 = Math.min(x0, xs[i]!);
    x1 = Math.max(x1, xs[i]!);
    y0 = Math.min(y0, ys[i]!);
    y1 = Math.max(y1, ys[i]!);
  }
  const half = Math.max(x1 - x0, y1 - y0, 1e-9) * (0.5 + pad);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return { x: [cx - half, cx + half] as const, y: [cy - half, cy + half] as const };
}

function Axes({
  x,
  y,
  xLabel,
  yLabel,
}: {
  x: (v: number) => number;
  y: (v: number) => number;
  xLabel: string;
  yLabel: string;
}) {
  return (
    <g className="nn-axis">
      {x(0) >= PAD && x(0) <= SIZE && <line x1={x(0)} x2={x(0)} y1={0} y2={SIZE - PAD} opacity={0.4} />}
      {y(0) >= 0 && y(0) <= SIZE - PAD && <line x1={PAD} x2={SIZE} y1={y(0)} y2={y(0)} opacity={0.4} />}
      <rect
        x={PAD}
        y={0}
        width={SIZE - PAD}
        height={SIZE - PAD}
        fill="none"
        stroke="currentColor"
        opacity={0.35}
      />
      <text x={SIZE} y={SIZE - 6} textAnchor="end">
        {xLabel}
      </text>
      <text transform={`translate(12,${(SIZE - PAD) / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

function DataCloud({ run, dark }: { run: PreprocessingRun; dark: boolean }) {
  const n = run.data.t.length;
  const xs = Float64Array.from({ length: n }, (_, i) => run.data.x[2 * i]!);
  const ys = Float64Array.from({ length: n }, (_, i) => run.data.x[2 * i + 1]!);
  // Include the origin: where the cloud sits relative to 0 is the point of centring.
  const box = squareAround([...xs, 0], [...ys, 0]);
  const x = scaleLinear().domain(box.x).range([PAD, SIZE]);
  const y = scaleLinear()
    .domain(box.y)
    .range([SIZE - PAD, 0]);
  const color = runStyle(0, dark).color;
  return (
    <svg
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`${PREPROCESSING_LABELS[run.kind]} data`}
      data-testid="prep-cloud"
    >
      <Axes x={x} y={y} xLabel="x₁" yLabel="x₂" />
      {Array.from(xs, (v, i) => (
        <circle key={i} cx={x(v)} cy={y(ys[i]!)} r={1.6} fill={color} opacity={0.6} />
      ))}
    </svg>
  );
}

function LossSurface({ run, dark }: { run: PreprocessingRun; dark: boolean }) {
  const { box, paths, levels } = useMemo(() => {
    const wx = Float64Array.from({ length: run.path.length / 2 }, (_, i) => run.path[2 * i]!);
    const wy = Float64Array.from({ length: run.path.length / 2 }, (_, i) => run.path[2 * i + 1]!);
    const box = squareAround([...wx, run.loss.minimizer[0]], [...wy, run.loss.minimizer[1]], 0.25);
    const values = new Float64Array(GRID * GRID);
    for (let j = 0; j < GRID; j++)
      for (let i = 0; i < GRID; i++) {
        const w1 = box.x[0] + ((i + 0.5) / GRID) * (box.x[1] - box.x[0]);
        const w2 = box.y[1] - ((j + 0.5) / GRID) * (box.y[1] - box.y[0]);
        values[j * GRID + i] = Math.log(Math.max(lossAt(run.loss, w1, w2) - run.loss.minimum, 1e-300));
      }
    let [low, high] = [Infinity, -Infinity];
    for (const v of values) [low, high] = [Math.min(low, v), Math.max(high, v)];
    const levels = Array.from({ length: LEVELS }, (_, k) => low + ((k + 0.5) * (high - low)) / LEVELS);
    const paths = contours().size([GRID, GRID]).thresholds(levels)(Array.from(values));
    return { box, paths, levels };
  }, [run]);
  const x = scaleLinear().domain(box.x).range([PAD, SIZE]);
  const y = scaleLinear()
    .domain(box.y)
    .range([SIZE - PAD, 0]);
  const scale = (SIZE - PAD) / GRID;
  const project = geoPath(
    geoTransform({
      point(px, py) {
        this.stream.point(PAD + px * scale, py * scale);
      },
    }),
  );
  let d = '';
  for (let i = 0; i < run.path.length; i += 2)
    d += `${i === 0 ? 'M' : 'L'}${x(run.path[i]!).toFixed(1)},${y(run.path[i + 1]!).toFixed(1)}`;
  const path = runStyle(1, dark).color;
  return (
    <svg
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`${PREPROCESSING_LABELS[run.kind]} loss surface`}
      data-testid="prep-surface"
    >
      <clipPath id={`prep-clip-${run.kind}`}>
        <rect x={PAD} y={0} width={SIZE - PAD} height={SIZE - PAD} />
      </clipPath>
      <g clipPath={`url(#prep-clip-${run.kind})`}>
        {paths.map((p, k) => (
          <path
            key={k}
            d={project(p) ?? ''}
            fill="none"
            stroke={interpolateViridis(k / Math.max(1, levels.length - 1))}
            strokeWidth={0.9}
          />
        ))}
        <path d={d} fill="none" stroke={path} strokeWidth={1.4} />
        <circle
          cx={x(run.loss.minimizer[0])}
          cy={y(run.loss.minimizer[1])}
          r={3}
          fill="none"
          stroke={path}
          strokeWidth={1.5}
        />
      </g>
      <Axes x={x} y={y} xLabel="w₁" yLabel="w₂" />
    </svg>
  );
}

export function PreprocessingFigure({ runs, dark }: { runs: readonly PreprocessingRun[]; dark: boolean }) {
  return (
    <div className="nn-prep-grid" data-testid="prep-figure">
      {runs.map((run) => (
        <figure key={run.kind} className="nn-prep-case" data-kind={run.kind}>
          <figcaption>
            <strong>{PREPROCESSING_LABELS[run.kind]}</strong> · κ ={' '}
            <span data-testid="prep-condition">
              {run.loss.condition < 100 ? run.loss.condition.toFixed(2) : run.loss.condition.toFixed(0)}
            </span>{' '}
            · <span data-testid="prep-steps">{run.stepsToTolerance ?? '> 5000'}</span>{' '}
            {run.stepsToTolerance === 1 ? 'step' : 'steps'}
          </figcaption>
          <div className="nn-prep-pair">
            <DataCloud run={run} dark={dark} />
            <LossSurface run={run} dark={dark} />
          </div>
        </figure>
      ))}
    </div>
  );
}
