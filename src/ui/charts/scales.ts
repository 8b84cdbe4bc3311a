/**
 * Y scales for the panels: log where every value is positive (zeros drawn at a floor), symlog where values
 * go negative (the saddle's loss, a momentum buffer), linear as a fallback. NaN is never plotted.
 */
import { format, scaleLinear, scaleLog, scaleSymlog } from 'd3';

export type ScaleKind = 'log' | 'symlog' | 'linear';

export interface YScale {
  readonly kind: ScaleKind;
  /** Maps a value to pixels; NaN for values that are not drawn. */
  (value: number): number;
  readonly ticks: readonly number[];
  readonly format: (value: number) => string;
  invert(px: number): number;
}

const sci = format('.0e');
const short = format('~g');
const tickText = (v: number) =>
  v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? short(v) : sci(v).replace('e+', 'e');

function powersOfTen(low: number, high: number, maxCount: number): number[] {
  const from = Math.floor(Math.log10(low));
  const to = Math.ceil(Math.log10(high));
  const stride = Math.max(1, Math.ceil((to - from + 1) / maxCount));
  const out: number[] = [];
  for (let e = to; e >= from; e -= stride) out.push(Math.pow(10, e));
  return out.filter((v) => v >= low * 0.999 && v <= high * 1.001);
}

export function buildYScale(
  values: Iterable<number>,
  height: number,
  prefer: ScaleKind | 'auto' = 'auto',
): YScale {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  let maxAbs = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v > 0) minPositive = Math.min(minPositive, v);
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  const kind: ScaleKind = prefer !== 'auto' ? prefer : min < 0 ? 'symlog' : max > 0 ? 'log' : 'linear';
  const range: [number, number] = [height, 0];
  if (kind === 'log') {
    const top = max > 0 ? max : 1;
    const floor = Math.max(Number.isFinite(minPositive) ? minPositive : top * 1e-6, top * 1e-15);
    const low = floor === top ? top / 10 : floor;
    const scale = scaleLog().domain([low, top]).range(range).nice();
    const [d0, d1] = scale.domain() as [number, number];
    const mapped = (v: number) => (Number.isFinite(v) ? scale(Math.max(v, d0)) : Number.NaN);
    return Object.assign(mapped, {
      kind,
      ticks: powersOfTen(d0, d1, 5),
      format: tickText,
      invert: (px: number) => scale.invert(px),
    });
  }
  if (kind === 'symlog') {
    const constant = Math.max(
      maxAbs * 1e-6,
      Number.isFinite(minPositive) ? Math.min(minPositive, 1) : 1e-3,
      1e-12,
    );
    const scale = scaleSymlog()
      .constant(constant)
      .domain([Math.min(min, 0), Math.max(max, 0)])
      .range(range);
    const big = powersOfTen(Math.max(constant, maxAbs * 1e-6), Math.max(maxAbs, constant * 10), 3);
    const ticks = [
      ...big.filter((v) => v <= max).reverse(),
      0,
      ...big.filter((v) => -v >= min).map((v) => -v),
    ];
    const mapped = (v: number) => (Number.isFinite(v) ? scale(v) : Number.NaN);
    return Object.assign(mapped, { kind, ticks, format: tickText, invert: (px: number) => scale.invert(px) });
  }
  const scale = scaleLinear()
    .domain([min, max === min ? min + 1 : max])
    .range(range)
    .nice();
  const mapped = (v: number) => (Number.isFinite(v) ? scale(v) : Number.NaN);
  return Object.assign(mapped, {
    kind,
    ticks: scale.ticks(5),
    format: tickText,
    invert: (px: number) => scale.invert(px),
  });
}
