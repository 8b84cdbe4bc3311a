/**
 * The 3-D view's costs in the browser (issue 18): building the surface mesh (256² vertices), laying
 * trajectories on it, and one frame of the default scene and of the largest scene (24 optimizers ×
 * 10,000 steps), drawn with WebGL 2 into an 800×600 canvas. A frame is timed up to a 1-pixel readback,
 * so the GPU (SwiftShader here) has really finished it.
 */
import { resolveSurface } from '../../src/core/resolveSurface';
import { simulate } from '../../src/core/simulate';
import type { SceneInput } from '../../src/core/scene';
import { DEFAULT_SCENE } from '../../src/state/defaultScene';
import { LIMITS } from '../../src/core/limits';
import {
  buildSurfaceMesh,
  MESH_RESOLUTION,
  surfacePoint,
  trajectoryGeometry,
} from '../../src/ui/surface3d/mesh';
import { CONTEXT_ATTRIBUTES, SurfaceScene, type SceneRun } from '../../src/ui/surface3d/SurfaceScene';
import { runStyle } from '../../src/ui/theme/palette';
import type { BenchRow } from './benchmarks';

const PALETTE = { background: '#ffffff', strength: 0.4 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

export function surface3dBench(): BenchRow[] {
  const rows: BenchRow[] = [];
  const resolved = resolveSurface('quadratic');
  if (!resolved.ok) throw new Error(resolved.error);
  const surface = resolved.value;
  const box = surface.viewBox;

  buildSurfaceMesh(surface, box, 256, PALETTE);
  const meshTimes = Array.from({ length: 7 }, () =>
    timed(() => buildSurfaceMesh(surface, box, 256, PALETTE)),
  );
  rows.push({
    name: '3-D view: surface mesh build, 256² vertices (median of 7)',
    size: 256 * 256,
    steps: 0,
    ms: median(meshTimes),
    rate: 0,
  });

  const canvas = document.createElement('canvas');
  canvas.style.width = '800px';
  canvas.style.height = '600px';
  document.body.append(canvas);
  const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES);
  if (!gl) return rows;
  const scene = new SurfaceScene(canvas, gl, { onCameraEnd() {}, onStartMove() {} });
  scene.setSize(800, 600, 1);
  const mesh = buildSurfaceMesh(surface, box, MESH_RESOLUTION, PALETTE);
  scene.setSurface(mesh);
  const pixel = new Uint8Array(4);

  const frame = (label: string, input: SceneInput) => {
    const simulation = simulate(input);
    let runs: SceneRun[] = [];
    const build = timed(() => {
      runs = simulation.trajectories.map((t, slot) => {
        const style = runStyle(slot, false);
        return {
          id: `o${slot + 1}`,
          color: style.color,
          dash: style.dash,
          shape: style.shape,
          steps: t.steps,
          geometry: trajectoryGeometry(mesh, t.path, t.loss, t.steps),
        };
      });
    });
    scene.setRuns(runs);
    scene.setStep(simulation.trajectories[0]?.steps ?? 0);
    const start = simulation.trajectories[0]?.path ?? [0, 0];
    scene.setStart(surfacePoint(surface, mesh, start[0]!, start[1]!, 0.03));
    const draw = () => {
      scene.render();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    };
    for (let i = 0; i < 5; i++) draw();
    const frames = Array.from({ length: 30 }, () => timed(draw));
    const steps = simulation.trajectories.reduce((sum, t) => sum + t.steps, 0);
    rows.push({
      name: `3-D view: trajectories laid on the surface, ${label}`,
      size: runs.length,
      steps,
      ms: build,
      rate: 0,
    });
    rows.push({
      name: `3-D view: one frame, ${label}, 800×600 (median of 30)`,
      size: runs.length,
      steps,
      ms: median(frames),
      rate: 0,
    });
  };

  frame(
    `default scene (${DEFAULT_SCENE.optimizers.length} optimizers × ${DEFAULT_SCENE.steps} steps, ${MESH_RESOLUTION}² mesh)`,
    DEFAULT_SCENE,
  );
  const many = Array.from({ length: LIMITS.maxOptimizers }, (_, i) => ({
    type: 'SGD',
    lr: 0.001 + 0.0005 * i,
  }));
  frame(`${LIMITS.maxOptimizers} optimizers × ${LIMITS.maxSteps} steps`, {
    surface: 'quadratic',
    start: [-1.4, 1],
    steps: LIMITS.maxSteps,
    optimizers: many,
  });
  scene.dispose();
  canvas.remove();
  return rows;
}
