/** A straight arrow in pixel space with a drawn (not marker-based) head, so it takes any color. */
interface Props {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width?: number;
  dash?: string;
  label?: string;
  testId?: string;
}

export function Arrow({ x1, y1, x2, y2, color, width = 2, dash, label, testId }: Props) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (!Number.isFinite(length) || length < 0.5) return null;
  const ux = dx / length;
  const uy = dy / length;
  const head = Math.min(10, Math.max(5, length * 0.35)) + width;
  const bx = x2 - ux * head;
  const by = y2 - uy * head;
  const half = head * 0.45;
  const points = `${x2},${y2} ${bx - uy * half},${by + ux * half} ${bx + uy * half},${by - ux * half}`;
  return (
    <g className="arrow" data-testid={testId}>
      <line x1={x1} y1={y1} x2={bx} y2={by} stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <polygon points={points} fill={color} />
      {label && (
        <text
          x={x2 + ux * 8}
          y={y2 + uy * 8 + 4}
          textAnchor={ux < -0.3 ? 'end' : ux > 0.3 ? 'start' : 'middle'}
          fill={color}
        >
          {label}
        </text>
      )}
    </g>
  );
}
