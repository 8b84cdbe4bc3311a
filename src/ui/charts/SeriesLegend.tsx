/** A legend for chart series that are not runs (averages, thresholds): a line sample in its color and dash. */
import type { ChartSeries } from './LineChart';

export function SeriesLegend({ series, testId }: { series: readonly ChartSeries[]; testId: string }) {
  return (
    <ul className="series-legend" data-testid={testId}>
      {series.map((s) => (
        <li key={s.id}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              x2="21"
              y1="4"
              y2="4"
              stroke={s.color}
              strokeWidth="2.5"
              strokeDasharray={s.dash || undefined}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
