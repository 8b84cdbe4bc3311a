/**
 * Optimizer identity: an Okabe–Ito color AND a marker shape AND a dash pattern per slot, so no run is told
 * apart by color alone. Yellow is left out (unreadable on light backgrounds).
 */
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3';

const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#1A1A1A'] as const;
/** Dark theme: the same hues, lifted for contrast on a dark background. */
const OKABE_ITO_DARK = ['#4BA3E3', '#FF7A2F', '#2CC295', '#E59ACB', '#F5B83D', '#8FD0F5', '#F2F2F2'] as const;
const SHAPES: readonly { type: SymbolType; name: string }[] = [
  { type: symbolCircle, name: 'circle' },
  { type: symbolSquare, name: 'square' },
  { type: symbolTriangle, name: 'triangle' },
  { type: symbolDiamond, name: 'diamond' },
  { type: symbolStar, name: 'star' },
  { type: symbolWye, name: 'wye' },
  { type: symbolCross, name: 'cross' },
];
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2', '12 5'] as const;

export interface RunStyle {
  readonly color: string;
  readonly dash: string;
  readonly shape: string;
  /** Path `d` of the marker centred on the origin, area in px². */
  markerPath(size?: number): string;
}

export function runStyle(slot: number, dark: boolean): RunStyle {
  const colors = dark ? OKABE_ITO_DARK : OKABE_ITO;
  const color = colors[slot % colors.length]!;
  const shape = SHAPES[slot % SHAPES.length]!;
  // Past seven runs the dash changes too, so (color, shape, dash) stays unique for a long list.
  const dash = DASHES[(slot + Math.floor(slot / colors.length)) % DASHES.length]!;
  return { color, dash, shape: shape.name, markerPath: (size = 64) => symbol(shape.type, size)() ?? '' };
}
