/**
 * The 3-D panel: the surface of the contour view as a lit mesh over the same box and colored with the
 * same scale, every trajectory on it, the markers at the current step and the draggable start. Loaded on
 * demand (./lazy.tsx) with three.js. Without WebGL 2 it says so; the contour map stays as it is.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { OrbitCamera } from '../../core/link';
import { useOptiscope } from '../../state';
import { NETWORK_SLICE_SURFACE } from '../../state/sliceSurface';
import { Panel } from '../charts/Panel';
import { registerSnapshot } from '../export/canvasSnapshots';
import { useElementSize } from '../hooks/useElementSize';
import { useRafCoalesced } from '../hooks/useRafCoalesced';
import { useSimulation } from '../simulation/SimulationContext';
import { CONTOUR_STRENGTH, PLOT_BACKGROUND } from '../theme/colors';
import { runStyle } from '../theme/palette';
import { useIsDark } from '../theme/useTheme';
import { buildSurfaceMesh, fromWorldXY, meshResolution, surfacePoint, trajectoryGeometry } from './mesh';
import { CONTEXT_ATTRIBUTES, SurfaceScene, type SceneRun } from './SurfaceScene';
import './surface3d.css';

type Status = 'starting' | 'ready' | 'unavailable' | 'lost';

const round = (x: number) => Math.round(x * 1000) / 1000 || 0;
const roundCamera = (c: OrbitCamera): OrbitCamera => ({
  azimuth: round(c.azimuth),
  elevation: round(c.elevation),
  distance: round(c.distance),
  target: [round(c.target[0]), round(c.target[1]), round(c.target[2])],
});
const sameCamera = (a: OrbitCamera, b: OrbitCamera) =>
  Math.abs(a.azimuth - b.azimuth) < 0.01 &&
  Math.abs(a.elevation - b.elevation) < 0.01 &&
  Math.abs(a.distance - b.distance) < 0.001 &&
  a.target.every((t, i) => Math.abs(t - b.target[i]!) < 0.001);

export function Surface3DPanel({ inCard = false }: { inCard?: boolean }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<SurfaceScene | null>(null);
  const [scene, setScene] = useState<SurfaceScene | null>(null);
  const [status, setStatus] = useState<Status>('starting');
  const { width } = useElementSize(wrapRef);
  const simulation = useSimulation();
  const surfaceRef = useOptiscope((s) => s.scene.surface);
  const storedBox = useOptiscope((s) => s.view.viewBox);
  const step = useOptiscope((s) => s.view.step);
  const camera = useOptiscope((s) => s.view.camera3d);
  const setStart = useOptiscope((s) => s.setStart);
  const setCamera3d = useOptiscope((s) => s.setCamera3d);
  const setInstead = useOptiscope((s) => s.setSurface3dInstead);
  const dark = useIsDark();

  const surface = simulation.surface;
  const box = storedBox ?? simulation.sceneBox;
  const boxKey = `${box.w1.join()},${box.w2.join()}`;
  const surfaceKey = typeof surfaceRef === 'string' ? surfaceRef : JSON.stringify(surfaceRef);
  // A typed function is compiled again with every scene change; only its text (the key) matters. The
  // network slice keeps its id across trainings: its object is what changes.
  const sliceIdentity = surfaceRef === NETWORK_SLICE_SURFACE ? surface : null;
  const mesh = useMemo(
    () =>
      surface
        ? buildSurfaceMesh(surface, box, meshResolution(surface, box), {
            background: dark ? PLOT_BACKGROUND.dark : PLOT_BACKGROUND.light,
            strength: dark ? CONTOUR_STRENGTH.dark : CONTOUR_STRENGTH.light,
          })
        : null,
    [surfaceKey, sliceIdentity, boxKey, dark], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const meshRef = useRef(mesh);
  useEffect(() => {
    meshRef.current = mesh;
  });

  const moveStart = useRafCoalesced((point: [number, number]) => {
    const current = meshRef.current;
    if (current) setStart(fromWorldXY(current.frame, point[0], point[1]));
  });

  // One scene per mounted canvas; everything it made is released on unmount.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES);
    if (!context) {
      setStatus('unavailable');
      return;
    }
    const created = new SurfaceScene(canvas, context, {
      onCameraEnd: (orbit) => {
        // Snapped to what the link carries, so a reopened link shows exactly this view.
        const rounded = roundCamera(orbit);
        created.setCamera(rounded);
        setCamera3d(rounded);
      },
      onStartMove: (x, y) => moveStart([x, y]),
      onRender: (start) => {
        // Frames drawn and the start's place on the canvas: what the e2e tests wait for and drag.
        canvas.dataset.frames = String(Number(canvas.dataset.frames ?? 0) + 1);
        canvas.dataset.startX = start[0].toFixed(1);
        canvas.dataset.startY = start[1].toFixed(1);
      },
    });
    const onLost = () => setStatus('lost');
    const onRestored = () => setStatus('ready');
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    const unregister = registerSnapshot(canvas, (scale) => created.snapshot(scale));
    sceneRef.current = created;
    setScene(created);
    setStatus('ready');
    return () => {
      unregister();
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      created.dispose();
      sceneRef.current = null;
      setScene(null);
    };
  }, [moveStart, setCamera3d]);

  const height = Math.round(Math.max(260, Math.min(620, width * 0.72)));
  useEffect(() => {
    if (scene && width > 0) scene.setSize(width, height, Math.min(window.devicePixelRatio || 1, 2));
  }, [scene, width, height]);

  useEffect(() => {
    scene?.setBackground(
      dark ? PLOT_BACKGROUND.dark : PLOT_BACKGROUND.light,
      dark ? '#f2f2f2' : '#111111',
      dark ? '#10151d' : '#ffffff',
    );
  }, [scene, dark]);

  useEffect(() => {
    if (scene && mesh) scene.setSurface(mesh);
  }, [scene, mesh]);

  const runs = useMemo<SceneRun[]>(() => {
    if (!surface || !mesh) return [];
    return simulation.runs.map((run) => {
      const style = runStyle(run.slot, dark);
      return {
        id: run.entry.id,
        color: style.color,
        dash: style.dash,
        shape: style.shape,
        steps: run.trajectory.steps,
        geometry: trajectoryGeometry(mesh, run.trajectory.path, run.trajectory.loss, run.trajectory.steps),
      };
    });
  }, [simulation.runs, surface, mesh, dark]);
  useEffect(() => {
    scene?.setRuns(runs);
  }, [scene, runs]);

  // A layout effect: the video export sets the step in flushSync and draws the frame right after.
  useLayoutEffect(() => {
    scene?.setStep(step);
  }, [scene, step, runs]);

  useEffect(() => {
    if (scene && surface && mesh)
      scene.setStart(surfacePoint(surface, mesh, simulation.start[0], simulation.start[1], 0.03));
  }, [scene, surface, mesh, simulation.start]);

  // The store's camera (a permalink, the reset button) moves the view; the view's own moves come back equal.
  useEffect(() => {
    if (!scene) return;
    if (camera === null || !sameCamera(camera, scene.getCamera())) scene.setCamera(camera);
  }, [scene, camera]);

  const label = surface
    ? `3-D view of ${surface.name} with ${simulation.runs.length} trajectories. Drag to orbit, right-drag or Shift+arrow keys to pan, scroll or pinch to zoom, arrow keys to orbit; drag the start marker (or double-click the surface) to move the start.`
    : 'No surface';

  const tools = (
    <>
      <button
        type="button"
        className="ghost-button"
        data-testid="surface3d-layout"
        aria-pressed={inCard}
        title={
          inCard
            ? 'Show the contour map again, with the 3-D view beside it'
            : 'Show the 3-D view in place of the contour map'
        }
        onClick={() => setInstead(!inCard)}
      >
        {inCard ? 'Show the map' : 'Instead of the map'}
      </button>
      <button
        type="button"
        className="ghost-button"
        data-testid="surface3d-reset"
        disabled={status !== 'ready' || camera === null}
        onClick={() => setCamera3d(null)}
      >
        Reset camera
      </button>
    </>
  );
  const view = (
    <div
      className="surface3d-wrap"
      ref={wrapRef}
      style={{ height: status === 'unavailable' ? 'auto' : height }}
    >
      {status === 'unavailable' ? (
        <p className="surface3d-message" role="status" data-testid="surface3d-unavailable">
          This browser cannot draw the 3-D view (WebGL 2 is not available).{' '}
          {inCard
            ? '“Show the map” brings the contour map back.'
            : 'The contour map shows the same surface and trajectories.'}
        </p>
      ) : (
        <canvas
          ref={canvasRef}
          className="surface3d-canvas"
          data-testid="surface3d-canvas"
          data-status={status}
          tabIndex={0}
          role="img"
          aria-label={label}
          style={{ width: '100%', height }}
        />
      )}
      {status === 'lost' && (
        <p className="surface3d-message surface3d-overlay" role="status" data-testid="surface3d-lost">
          The graphics context was lost; the 3-D view is redrawn when the browser restores it.
        </p>
      )}
    </div>
  );

  if (inCard)
    return (
      <div className="surface3d-in-card" data-testid="surface3d-in-card">
        <div className="surface3d-tools">{tools}</div>
        {view}
      </div>
    );
  return (
    <Panel
      id="surface3d"
      title="3-D surface"
      subtitle="drag to orbit · right-drag to pan · scroll to zoom · drag the start"
      className="surface3d-panel"
      tools={tools}
    >
      {view}
    </Panel>
  );
}
