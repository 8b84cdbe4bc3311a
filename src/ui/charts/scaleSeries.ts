/**
 * Which series set a chart's y axis: the runs that stayed in the box. One run that left it (diverged, or ran
 * off to −∞) would otherwise stretch the loss axis to 1e46–1e62 and flatten every other curve; it is still
 * drawn, leaving the frame, with a mark where it leaves (exitIndex). When every run left, all of them count.
 */
export interface ScaledSeries {
  readonly length: number;
  value(i: number): number;
  /** Set for a run that left the box: it does not set the axis. */
  readonly left?: { readonly label: string };
}

export function seriesForScale<S extends ScaledSeries>(series: readonly S[]): readonly S[] {
  const stayed = series.filter((s) => !s.left);
  return stayed.length > 0 ? stayed : series;
}

/**
 * The first index whose value maps outside [0, height] px (NaN counts as outside), else the last index:
 * where a run that left the box leaves the chart.
 */
export function exitIndex(series: ScaledSeries, y: (value: number) => number, height: number): number {
  for (let i = 0; i < series.length; i++) {
    const py = y(series.value(i));
    if (!Number.isFinite(py) || py < -0.5 || py > height + 0.5) return i;
  }
  return series.length - 1;
}
