/**
 * One crowd figure: the explorer's filled contours, axes and critical points in SVG, the particles on a
 * canvas laid over the plot area. A click on the plot moves the crowd's center there.
 */
import { scaleLinear } from 'd3';
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { ViewBox } from '../../core/types';
import type { ResolvedSurface } from '../../core/resolveSurface';
import { Axes } from '../surface/Axes';
import { computeContours } from '../surface/contours';
import { CriticalPoints } from '../surface/CriticalPoints';
import { MARGIN, type Scales } from '../surface/geometry';
import { CONTOUR_STRENGTH, PLOT_BACKGROUND } from '../theme/colors';
import { drawCrowd, type CrowdFrame } from './drawCrowd';

export interface CrowdPanelProps {
  readonly surface: ResolvedSurface;
  /** Already fitted to width × height (equal aspect). */
  readonly box: ViewBox;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly optimizerType: string;
  readonly frame: CrowdFrame | null;
  readonly onPick: (w: [number, number]) => void;
}

export function CrowdPanel({
  surface,
  box,
  width,
  height,
  title,
  optimizerType,
  frame,
  onPick,
}: CrowdPanelProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dark = frame?.dark ?? false;
  const boxKey = `${box.w1.join()},${box.w2.join()}`;
  const layer = useMemo(
    () =>
      computeContours(
        surface,
        box,
        width,
        height,
        dark ? PLOT_BACKGROUND.dark : PLOT_BACKGROUND.light,
        dark ? CONTOUR_STRENGTH.dark : CONTOUR_STRENGTH.light,
      ),
    [surface, boxKey, width, height, dark], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const scales = useMemo((): Scales => {
    const x = scaleLinear().domain(box.w1).range([0, width]);
    const y = scaleLinear().domain(box.w2).range([height, 0]);
    return { x, y, width, height };
  }, [boxKey, width, height]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!frame) ctx.clearRect(0, 0, width, height);
    else drawCrowd(ctx, { width, height, x: scales.x, y: scales.y }, frame);
  }, [frame, scales, width, height]);

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onPick([scales.x.invert(event.clientX - rect.left), scales.y.invert(event.clientY - rect.top)]);
  };
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const outerWidth = width + MARGIN.left + MARGIN.right;
  const outerHeight = height + MARGIN.top + MARGIN.bottom;
  return (
    <figure
      className="crowd-panel"
      data-testid="crowd-panel"
      data-optimizer={optimizerType}
      style={{ margin: 0, display: 'grid', gap: '0.25em' }}
    >
      <figcaption style={{ fontWeight: 600, paddingLeft: MARGIN.left }}>{title}</figcaption>
      <div style={{ position: 'relative', width: outerWidth, height: outerHeight }}>
        <svg className="surface-svg" width={outerWidth} height={outerHeight} aria-hidden="true">
          <defs>
            <clipPath id={`crowd-clip-${optimizerType}`}>
              <rect width={width} height={height} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect width={width} height={height} fill={layer.base} />
            <g clipPath={`url(#crowd-clip-${optimizerType})`}>
              {layer.bands.map((band, i) => (
                <path key={i} className="contour" d={band.path} fill={band.color} />
              ))}
              <CriticalPoints points={surface.criticalPoints} scales={scales} />
            </g>
            <Axes scales={scales} />
          </g>
        </svg>
        <canvas
          ref={canvasRef}
          data-testid="crowd-canvas"
          width={Math.round(width * dpr)}
          height={Math.round(height * dpr)}
          onClick={onClick}
          role="img"
          aria-label={`${title}: particles on the contours of ${surface.name}. Click to move the center.`}
          style={{
            position: 'absolute',
            left: MARGIN.left,
            top: MARGIN.top,
            width,
            height,
            cursor: 'crosshair',
          }}
        />
      </div>
    </figure>
  );
}
