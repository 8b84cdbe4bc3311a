/**
 * What a crowd figure shows, and its numbers at the current step: the particle, diverged particles,
 * the mean and noise-free paths (noise ensemble), the minimum, how many reach the tolerance, the spread
 * around the mean and the engine. Beside a single figure as a key; under each small multiple as a line.
 */
import { formatValue } from '../../analysis/hyperparameterText';
import type { CrowdTally } from '../../analysis/crowdFrames';

export interface CrowdLegendProps {
  readonly color: string;
  readonly dark: boolean;
  readonly noise: boolean;
  readonly tally: CrowdTally;
  /** RMS distance from the mean at this step (noise ensemble), else null. */
  readonly spread: number | null;
  readonly tolerance: number;
  readonly engine: string;
  readonly compact: boolean;
  /** The optimizer step shown now. */
  readonly step: number;
}

function Swatch({ children }: { readonly children: React.ReactNode }) {
  return (
    <svg width={28} height={14} aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 6 }}>
      {children}
    </svg>
  );
}

export function CrowdLegend(props: CrowdLegendProps) {
  const { color, dark, noise, tally, spread, tolerance, engine, compact, step } = props;
  const numbers = (
    <>
      {tally.reached.toLocaleString()} of {tally.count.toLocaleString()} reach loss − min ≤ {tolerance} by the
      end, {tally.diverged.toLocaleString()} diverge
      {spread !== null && Number.isFinite(spread)
        ? ` · spread around the mean at step ${step}: ${formatValue(spread)}`
        : ''}
    </>
  );
  if (compact)
    return (
      <p data-testid="crowd-caption" style={{ margin: 0, fontSize: '0.85em' }}>
        {numbers} · computed on {engine}
      </p>
    );
  const ink = dark ? '#ffffff' : '#111827';
  const rows: [React.ReactNode, string][] = [
    [
      <circle key="p" cx={14} cy={7} r={4} fill={color} />,
      noise ? `one particle = one noise seed` : 'one particle = one start',
    ],
    [
      <circle
        key="d"
        cx={14}
        cy={7}
        r={4}
        fill="none"
        stroke={dark ? '#ff6b6b' : '#b91c1c'}
        strokeWidth={1.4}
      />,
      'diverged',
    ],
    ...(noise
      ? ([
          [<path key="m" d="M1,7H27" stroke={ink} strokeWidth={3} />, 'mean of the ensemble'],
          [
            <path key="r" d="M1,7H27" stroke={ink} strokeWidth={1.5} strokeDasharray="6 4" />,
            'without noise (σ = 0)',
          ],
        ] as [React.ReactNode, string][])
      : []),
    [
      <path key="s" d="M14,1l1.8,4 4.2,.4-3.2,2.8 1,4.2-3.8-2.2-3.8,2.2 1-4.2-3.2-2.8 4.2-.4z" fill={ink} />,
      'minimum',
    ],
  ];
  return (
    <aside
      data-testid="crowd-caption"
      aria-label="key"
      style={{ fontSize: '0.95em', maxWidth: '19em', display: 'grid', gap: '0.6em', alignContent: 'start' }}
    >
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.3em' }}>
        {rows.map(([swatch, label]) => (
          <li key={label}>
            <Swatch>{swatch}</Swatch>
            {label}
          </li>
        ))}
      </ul>
      <p style={{ margin: 0 }}>{numbers}.</p>
      <p style={{ margin: 0, opacity: 0.75, fontSize: '0.9em' }}>computed on {engine}</p>
    </aside>
  );
}
