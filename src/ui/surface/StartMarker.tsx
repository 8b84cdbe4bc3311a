/**
 * The draggable start point. Dragging recomputes every trajectory live (coalesced to one simulate per
 * animation frame); arrow keys nudge it for keyboard users.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Vec2 } from '../../core';
import { useOptiscope } from '../../state';
import { useRafCoalesced } from '../hooks/useRafCoalesced';
import { clampPx, pickedPoint, type Scales } from './geometry';

export function StartMarker({
  start,
  scales,
  plot,
}: {
  start: Vec2;
  scales: Scales;
  plot: SVGGElement | null;
}) {
  const setStart = useOptiscope((s) => s.setStart);
  const schedule = useRafCoalesced<Vec2>(setStart);
  const dragging = useRef(false);
  const { x, y, width, height } = scales;
  const px = clampPx(x(start[0]), width);
  const py = clampPx(y(start[1]), height);

  const toWorld = (event: PointerEvent): Vec2 | null => {
    const matrix = plot?.getScreenCTM();
    if (!matrix) return null;
    const local = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return pickedPoint(scales, local.x, local.y);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const stepX = (x.invert(width) - x.invert(0)) / 100;
    const stepY = (y.invert(0) - y.invert(height)) / 100;
    const moves: Record<string, Vec2> = {
      ArrowLeft: [-stepX, 0],
      ArrowRight: [stepX, 0],
      ArrowUp: [0, stepY],
      ArrowDown: [0, -stepY],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    const factor = event.shiftKey ? 10 : 1;
    setStart([start[0] + move[0] * factor, start[1] + move[1] * factor]);
  };

  return (
    <g
      className="start-marker"
      data-testid="start-marker"
      data-no-zoom=""
      data-w1={start[0]}
      data-w2={start[1]}
      transform={`translate(${px},${py})`}
      tabIndex={0}
      role="button"
      aria-label={`Start point (${start[0].toFixed(3)}, ${start[1].toFixed(3)}). Drag it, or use the arrow keys, to move it.`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.preventDefault();
        event.stopPropagation();
        (event.currentTarget as Element).setPointerCapture(event.pointerId);
        dragging.current = true;
      }}
      onPointerMove={(event) => {
        if (!dragging.current) return;
        const world = toWorld(event);
        if (world) schedule(world);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        (event.currentTarget as Element).releasePointerCapture(event.pointerId);
      }}
    >
      <circle r={16} className="start-hit" />
      <circle r={7} className="start-ring" />
      <circle r={2.5} className="start-dot" />
    </g>
  );
}
