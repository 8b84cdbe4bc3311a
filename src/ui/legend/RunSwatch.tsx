/** A run's identity in miniature: its dash pattern and marker shape in its color. */
import { runStyle } from '../theme/palette';

export function RunSwatch({ slot, dark, muted = false }: { slot: number; dark: boolean; muted?: boolean }) {
  const style = runStyle(slot, dark);
  return (
    <svg className="run-swatch" width={34} height={14} aria-hidden="true" data-shape={style.shape}>
      <line
        x1={1}
        x2={33}
        y1={7}
        y2={7}
        stroke={style.color}
        strokeWidth={2.5}
        strokeDasharray={style.dash || undefined}
        opacity={muted ? 0.4 : 1}
      />
      <path
        d={style.markerPath(50)}
        transform="translate(17,7)"
        fill={style.color}
        stroke="var(--plot-bg)"
        strokeWidth={1}
        opacity={muted ? 0.4 : 1}
      />
    </svg>
  );
}
