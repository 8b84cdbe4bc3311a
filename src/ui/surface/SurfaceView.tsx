/**
 * The loss surface: filled contours (cached per surface + box + size), axes, critical points, every
 * trajectory, the step arrows and the draggable start. Click sets the start; wheel/drag zooms and pans.
 */
import { scaleLinear } from 'd3';
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ViewBox } from '../../core';
import { useOptiscope } from '../../state';
import { useElementSize } from '../hooks/useElementSize';
import { useSimulation } from '../simulation/SimulationContext';
import { CONTOUR_STRENGTH, PLOT_BACKGROUND } from '../theme/colors';
import { useIsDark } from '../theme/useTheme';
import { UndefinedRegion } from '../expression';
import { Axes } from './Axes';
import { ColorLegend } from './ColorLegend';
import { computeContours } from './contours';
import { CriticalPoints } from './CriticalPoints';
import { fitBox, MARGIN, pickedPoint, plotHeightLimit, type Scales } from './geometry';
import { StartMarker } from './StartMarker';
import { StepArrows } from './StepArrows';
import { StabilityOverlay } from '../stability/StabilityOverlay';
import { LectureIterates } from './LectureIterates';
import { MethodGeometry } from './MethodGeometry';
import { Trajectories } from './Trajectories';
import { useSurfaceZoom } from './useSurfaceZoom';
import { useWindowHeight } from '../hooks/useWindowHeight';
import { useDocumentTop } from '../hooks/useDocumentTop';

export function SurfaceView() {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [plot, setPlot] = useState<SVGGElement | null>(null);
  const plotRef = useRef<SVGGElement | null>(null);
  const { width: outerWidth } = useElementSize(wrapRef);
  const windowHeight = useWindowHeight();
  const top = useDocumentTop(wrapRef);
  const simulation = useSimulation();
  const surfaceRef = useOptiscope((s) => s.scene.surface);
  const storedBox = useOptiscope((s) => s.view.viewBox);
  const step = useOptiscope((s) => s.view.step);
  const view = useOptiscope((s) => s.view);
  const setViewBox = useOptiscope((s) => s.setViewBox);
  const setStart = useOptiscope((s) => s.setStart);
  const dark = useIsDark();

  const requested = storedBox ?? simulation.sceneBox;
  const width = Math.max(200, outerWidth - MARGIN.left - MARGIN.right);
  const ratio = (requested.w2[1] - requested.w2[0]) / (requested.w1[1] - requested.w1[0]);
  const maxHeight = plotHeightLimit(windowHeight, top, outerWidth);
  const height = Math.round(Math.max(Math.min(260, maxHeight), Math.min(maxHeight, width * ratio)));
  const box = fitBox(requested, width, height);
  const boxKey = `${box.w1.join()},${box.w2.join()}`;
  const baseX = useMemo(() => scaleLinear().domain(box.w1).range([0, width]), [boxKey, width]); // eslint-disable-line react-hooks/exhaustive-deps
  const baseY = useMemo(() => scaleLinear().domain(box.w2).range([height, 0]), [boxKey, height]); // eslint-disable-line react-hooks/exhaustive-deps
  const onCommit = useCallback((next: ViewBox) => setViewBox(next), [setViewBox]);
  const { transform, hint: zoomHint } = useSurfaceZoom(plotRef, baseX, baseY, onCommit);

  const surface = simulation.surface;
  const surfaceKey = typeof surfaceRef === 'string' ? surfaceRef : JSON.stringify(surfaceRef);
  // Contours depend on the surface, the committed box, the size and the theme — never on the start or step.
  const measured = outerWidth > 0;
  const layer = useMemo(
    () =>
      surface && measured
        ? computeContours(
            surface,
            box,
            width,
            height,
            dark ? PLOT_BACKGROUND.dark : PLOT_BACKGROUND.light,
            dark ? CONTOUR_STRENGTH.dark : CONTOUR_STRENGTH.light,
          )
        : null,
    [surfaceKey, boxKey, width, height, dark, measured], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const x = transform.rescaleX(baseX);
  const y = transform.rescaleY(baseY);
  const scales: Scales = { x, y, width, height };
  const visible: ViewBox = { w1: [x.invert(0), x.invert(width)], w2: [y.invert(height), y.invert(0)] };
  const setPlotElement = useCallback((element: SVGGElement | null) => {
    plotRef.current = element;
    setPlot(element);
  }, []);

  const onClick = (event: MouseEvent<SVGRectElement>) => {
    const matrix = plotRef.current?.getScreenCTM();
    if (!matrix) return;
    const local = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    setStart(pickedPoint(scales, local.x, local.y));
  };
  const focusRun =
    simulation.runs.find((r) => r.entry.id === (view.focus ?? simulation.runs[0]?.entry.id)) ?? null;
  const arrowRuns = view.arrowsForAll
    ? simulation.runs
    : simulation.runs.filter((r) => r.entry.id === (view.focus ?? simulation.runs[0]?.entry.id));
  const label = surface
    ? `Contour plot of ${surface.name}: ${simulation.runs.length} trajectories. Click to set the start point; Ctrl + scroll (or scroll after a click) to zoom; drag to pan.`
    : 'No surface';

  return (
    <div className="surface-view" ref={wrapRef}>
      <svg
        className="surface-svg"
        data-testid="surface-plot"
        width={width + MARGIN.left + MARGIN.right}
        height={height + MARGIN.top + MARGIN.bottom}
        role="img"
        aria-label={label}
      >
        <defs>
          <clipPath id="plot-clip">
            <rect width={width} height={height} />
          </clipPath>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g ref={setPlotElement} className="plot-area">
            <rect
              className="plot-background"
              width={width}
              height={height}
              fill={layer?.base ?? 'transparent'}
              onClick={onClick}
              data-testid="plot-background"
            />
            <g clipPath="url(#plot-clip)" pointerEvents="none">
              <g
                data-testid="contours"
                data-levels={layer?.levels.length ?? 0}
                transform={transform.toString()}
              >
                {layer?.bands.map((band, i) => (
                  <path key={i} className="contour" d={band.path} fill={band.color} />
                ))}
                {surface && measured && (
                  <UndefinedRegion surface={surface} box={box} width={width} height={height} />
                )}
              </g>
              {surface && <CriticalPoints points={surface.criticalPoints} scales={scales} />}
              <Trajectories runs={simulation.runs} scales={scales} box={visible} step={step} dark={dark} />
              {view.panels.stability && (
                <StabilityOverlay run={focusRun} scales={scales} box={visible} step={step} />
              )}
              <MethodGeometry runs={simulation.runs} scales={scales} step={step} dark={dark} />
              <LectureIterates
                run={view.showArrows ? focusRun : null}
                scales={scales}
                step={step}
                dark={dark}
              />
              {view.showArrows && (
                <StepArrows
                  runs={arrowRuns}
                  scales={scales}
                  step={step}
                  phase={view.explain ? view.phase : 3}
                  labelled={arrowRuns.length === 1 ? (arrowRuns[0]?.entry.id ?? null) : null}
                  dark={dark}
                />
              )}
            </g>
            <StartMarker start={simulation.start} scales={scales} plot={plot} />
          </g>
          <Axes scales={scales} />
        </g>
      </svg>
      {zoomHint && (
        <p className="zoom-hint" role="status" data-testid="zoom-hint">
          Hold Ctrl (⌘ on a Mac) and scroll to zoom, or click the plot first.
        </p>
      )}
      {layer && <ColorLegend layer={layer} />}
    </div>
  );
}
