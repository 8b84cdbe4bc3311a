/** Direct labels at the ends of trajectories, nudged apart vertically so they never overlap. */
export interface LabelInput {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
}

export interface PlacedLabel extends LabelInput {
  readonly lx: number;
  readonly ly: number;
  readonly anchor: 'start' | 'end';
}

const LINE = 16;

export function placeLabels(labels: readonly LabelInput[], width: number, height: number): PlacedLabel[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  const ys: number[] = [];
  for (const label of sorted) {
    const previous = ys[ys.length - 1];
    ys.push(previous === undefined ? Math.max(LINE, label.y) : Math.max(label.y, previous + LINE));
  }
  // Pull the stack back up if it ran off the bottom.
  const overflow = (ys[ys.length - 1] ?? 0) - (height - 6);
  if (overflow > 0)
    for (let i = ys.length - 1, floor = height - 6; i >= 0; i--, floor -= LINE)
      ys[i] = Math.min(ys[i]!, floor);
  return sorted.map((label, i) => {
    const anchor = label.x > width - 190 ? 'end' : 'start';
    return { ...label, lx: label.x + (anchor === 'start' ? 12 : -12), ly: ys[i]!, anchor };
  });
}
