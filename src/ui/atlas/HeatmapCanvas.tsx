/**
 * A grid of colored cells on a canvas (one pixel per cell, scaled up without smoothing), with hover and
 * click reported as cell indices. Row 0 is drawn at the bottom, so w2 (or a y hyperparameter) grows upward.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface HeatmapCanvasProps {
  readonly columns: number;
  readonly rows: number;
  /** columns × rows × RGBA, row-major from the bottom row. */
  readonly rgba: Uint8ClampedArray | null;
  readonly size: number;
  readonly label: string;
  readonly onHover?: (cell: { column: number; row: number } | null) => void;
  readonly onPick?: (cell: { column: number; row: number }) => void;
  /** SVG drawn over the map in the same size×size box (a hovered trajectory). */
  readonly overlay?: ReactNode;
}

export function HeatmapCanvas({
  columns,
  rows,
  rgba,
  size,
  label,
  onHover,
  onPick,
  overlay,
}: HeatmapCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    if (!rgba || rgba.length !== columns * rows * 4) {
      context.clearRect(0, 0, element.width, element.height);
      return;
    }
    // Flip vertically: data row 0 is the bottom of the figure.
    const flipped = new Uint8ClampedArray(rgba.length);
    const stride = columns * 4;
    for (let r = 0; r < rows; r++)
      flipped.set(rgba.subarray(r * stride, (r + 1) * stride), (rows - 1 - r) * stride);
    context.putImageData(new ImageData(flipped, columns, rows), 0, 0);
  }, [rgba, columns, rows]);

  const cellAt = (event: React.MouseEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.floor(((event.clientX - box.left) / box.width) * columns);
    const row = rows - 1 - Math.floor(((event.clientY - box.top) / box.height) * rows);
    if (column < 0 || row < 0 || column >= columns || row >= rows) return null;
    return { column, row };
  };

  return (
    <div
      style={{ position: 'relative', width: size, height: size, cursor: onPick ? 'crosshair' : 'default' }}
      onMouseMove={(event) => onHover?.(cellAt(event))}
      onMouseLeave={() => onHover?.(null)}
      onClick={(event) => {
        const cell = cellAt(event);
        if (cell) onPick?.(cell);
      }}
    >
      <canvas
        ref={canvas}
        width={columns}
        height={rows}
        role="img"
        aria-label={label}
        data-testid="heatmap"
        data-drawn={rgba && rgba.length === columns * rows * 4 ? 'true' : 'false'}
        style={{ width: size, height: size, imageRendering: 'pixelated', display: 'block' }}
      />
      {overlay ? (
        <svg width={size} height={size} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
          {overlay}
        </svg>
      ) : null}
    </div>
  );
}
