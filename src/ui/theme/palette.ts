/**
 * Optimizer identity: a color AND a marker shape AND a dash pattern per slot, so no run is told apart by
 * color alone. Each optimizer type has its own slot (typeSlot), so AdaGrad is the same hue in every scene.
 * Thirteen colors, every one at least 3:1 against the plot's light and dark backgrounds (palette.test.ts
 * computes it; Okabe–Ito's yellow and sky blue were ~2.2:1 on white).
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

export const RUN_COLORS = [
  '#0072B2', // SGD: blue
  '#D55E00', // SGD + momentum: vermillion
  '#00805C', // Nesterov: green
  '#B8458F', // AdaGrad: reddish purple
  '#9A6700', // RMSprop: ochre
  '#0E8FA8', // Adam: teal
  '#1A1A1A', // Newton: black
  '#6A3D9A', // AdamW: violet
  '#8C564B', // NAdam: brown
  '#4D7A00', // Adamax: olive
  '#5A5AC8', // Adadelta: indigo
  '#6E6E6E', // L-BFGS: grey
  '#B03060', // random search: crimson
] as const;
/** Dark theme: the same hues, lifted for contrast on a dark background. */
export const RUN_COLORS_DARK = [
  '#4BA3E3',
  '#FF7A2F',
  '#2CC295',
  '#E59ACB',
  '#F5B83D',
  '#5FD3E8',
  '#F2F2F2',
  '#B89AE8',
  '#D39A86',
  '#A6D65A',
  '#9A9AF0',
  '#B0B0B0',
  '#F07AA0',
] as const;

/** The slot an optimizer type prefers (its color, shape and dash), momentum and Nesterov as SGD variants. */
export function preferredSlot(type: string, hyperparameters: Readonly<Record<string, unknown>>): number {
  if (type === 'SGD') {
    if (hyperparameters.nesterov === true) return 2;
    return typeof hyperparameters.momentum === 'number' && hyperparameters.momentum > 0 ? 1 : 0;
  }
  const order = [
    'Adagrad',
    'RMSprop',
    'Adam',
    'Newton',
    'AdamW',
    'NAdam',
    'Adamax',
    'Adadelta',
    'LBFGS',
    'RandomSearch',
  ];
  const k = order.indexOf(type);
  return k >= 0 ? k + 3 : 0;
}

/**
 * Styling slots for a scene's entries: each takes its type's slot if no earlier entry has it, else the
 * first free one — two Adams get two colors, and a list of up to thirteen runs has thirteen distinct hues.
 */
export function typeSlots(
  entries: readonly { readonly type: string; readonly hyperparameters: Readonly<Record<string, unknown>> }[],
): number[] {
  const taken = new Set<number>();
  return entries.map((entry) => {
    let slot = preferredSlot(entry.type, entry.hyperparameters);
    while (taken.has(slot)) slot = (slot + 1) % Math.max(RUN_COLORS.length, entries.length);
    // More entries than colors: later slots repeat hues but differ in shape and dash.
    taken.add(slot);
    return slot;
  });
}

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
  const colors = dark ? RUN_COLORS_DARK : RUN_COLORS;
  const color = colors[slot % colors.length]!;
  const shape = SHAPES[slot % SHAPES.length]!;
  // Past seven runs the dash changes too, so (color, shape, dash) stays unique for a long list.
  const dash = DASHES[(slot + Math.floor(slot / colors.length)) % DASHES.length]!;
  return { color, dash, shape: shape.name, markerPath: (size = 64) => symbol(shape.type, size)() ?? '' };
}
