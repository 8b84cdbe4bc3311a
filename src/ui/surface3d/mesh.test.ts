import { describe, expect, it } from 'vitest';
import { resolveSurface, type ResolvedSurface } from '../../core';
import {
  bandIndex,
  buildSurfaceMesh,
  fromWorldXY,
  HEIGHT,
  MESH_RESOLUTION,
  meshResolution,
  toWorldXY,
  trajectoryGeometry,
} from './mesh';

const PALETTE = { background: '#ffffff', strength: 0.4 };

function surface(ref: Parameters<typeof resolveSurface>[0]): ResolvedSurface {
  const resolved = resolveSurface(ref);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.value;
}

describe('3-D surface mesh', () => {
  it('samples the surface at every vertex and places vertices on the box', () => {
    const quadratic = surface('quadratic');
    const box = { w1: [-2, 2] as [number, number], w2: [-1, 1] as [number, number] };
    const mesh = buildSurfaceMesh(quadratic, box, 9, PALETTE);
    for (let j = 0; j < 9; j++) {
      for (let i = 0; i < 9; i++) {
        const w1 = -2 + (4 * i) / 8;
        const w2 = -1 + (2 * j) / 8;
        const k = j * 9 + i;
        expect(mesh.values[k]).toBe(w1 * w1 + 25 * w2 * w2);
        const [x, y] = fromWorldXY(mesh.frame, mesh.positions[3 * k]!, mesh.positions[3 * k + 1]!);
        expect(x).toBeCloseTo(w1, 6);
        expect(y).toBeCloseTo(w2, 6);
        expect(mesh.positions[3 * k + 2]).toBeCloseTo(HEIGHT * mesh.heights.unit(mesh.values[k]!), 6);
      }
    }
    // The longer side spans [-1, 1], the other keeps the aspect ratio.
    expect(toWorldXY(mesh.frame, 2, 1)).toEqual([1, 0.5]);
    expect(mesh.indices.length).toBe(8 * 8 * 2 * 3);
  });

  it('heights follow log(value − floor) on a log-scaled surface, so equal ratios are equal steps', () => {
    const rosenbrock = surface('rosenbrock');
    expect(rosenbrock.contourScale).toBe('log');
    const mesh = buildSurfaceMesh(rosenbrock, rosenbrock.viewBox, 64, PALETTE);
    const { unit, bottom } = mesh.heights;
    expect(bottom).toBe(0); // the minimum's value
    // Heights increase with the value and are spread: a linear scale would put 10 and 100 near the floor.
    expect(unit(1)).toBeLessThan(unit(10));
    expect(unit(10)).toBeLessThan(unit(100));
    expect(unit(100) - unit(10)).toBeCloseTo(unit(1000) - unit(100), 1);
    expect(unit(10)).toBeGreaterThan(0.2);
  });

  it('colors each vertex with the contour band of its value', () => {
    const quadratic = surface('quadratic');
    const mesh = buildSurfaceMesh(quadratic, quadratic.viewBox, 17, PALETTE);
    // Lowest vertex in the lowest band, highest in the highest band: different colors.
    let low = 0;
    let high = 0;
    mesh.values.forEach((v, k) => {
      if (v < mesh.values[low]!) low = k;
      if (v > mesh.values[high]!) high = k;
    });
    const color = (k: number) => Array.from(mesh.colors.slice(3 * k, 3 * k + 3));
    expect(color(low)).not.toEqual(color(high));
    expect(bandIndex(mesh.levels, mesh.values[low]!)).toBeLessThan(
      bandIndex(mesh.levels, mesh.values[high]!),
    );
    expect(bandIndex([1, 2, 3], 0)).toBe(0);
    expect(bandIndex([1, 2, 3], 2)).toBe(2);
    expect(bandIndex([1, 2, 3], 9)).toBe(3);
  });

  it('leaves holes where a typed function is undefined, and no vertex is a spike', () => {
    // log(w1) is undefined for w1 ≤ 0: the left half of the box.
    const typed = surface({ expression: 'log(w1) + w2^2' });
    const box = { w1: [-1, 1] as [number, number], w2: [-1, 1] as [number, number] };
    const n = 21;
    const mesh = buildSurfaceMesh(typed, box, n, PALETTE);
    for (let t = 0; t < mesh.indices.length; t++) {
      const k = mesh.indices[t]!;
      expect(Number.isFinite(mesh.values[k]!)).toBe(true);
    }
    for (let k = 0; k < n * n; k++) {
      const w1 = -1 + (2 * (k % n)) / (n - 1);
      expect(Number.isNaN(mesh.values[k]!)).toBe(w1 <= 0);
      expect(mesh.positions[3 * k + 2]).toBeGreaterThanOrEqual(0);
      expect(mesh.positions[3 * k + 2]).toBeLessThanOrEqual(HEIGHT);
    }
    // Cells right of w1 = 0 are complete; cells touching it or left of it are gone.
    const definedCells = 9 * (n - 1);
    expect(mesh.indices.length).toBe(definedCells * 6);
  });

  it('lays a trajectory on the surface and drops segments that leave the box', () => {
    const quadratic = surface('quadratic');
    const box = { w1: [-1, 1] as [number, number], w2: [-1, 1] as [number, number] };
    const mesh = buildSurfaceMesh(quadratic, box, 9, PALETTE);
    const path = [-0.5, 0.5, 0, 0, 3, 0, 0.5, 0.5];
    const loss = [0, 1, 2, 3].map((k) => quadratic.value(path[2 * k]!, path[2 * k + 1]!));
    const geometry = trajectoryGeometry(mesh, path, loss, 3);
    // Segments 0→1 kept; 1→2 and 2→3 leave the box.
    expect(geometry.segments.length).toBe(6);
    expect(Array.from(geometry.drawnBefore)).toEqual([0, 1, 1, 1]);
    const z = geometry.points[3 * 1 + 2]!;
    expect(z).toBeCloseTo(HEIGHT * mesh.heights.unit(0) + 0.012, 6);
    expect(geometry.points[3 * 0 + 2]!).toBeCloseTo(HEIGHT * mesh.heights.unit(0.25 + 25 * 0.25) + 0.012, 6);
  });

  it('merges sub-pixel steps into one segment, and the travelled part still ends at the current step', () => {
    const quadratic = surface('quadratic');
    const box = { w1: [-1, 1] as [number, number], w2: [-1, 1] as [number, number] };
    const mesh = buildSurfaceMesh(quadratic, box, 9, PALETTE);
    // Two big steps, then 100 tiny ones (1e-5 apart) near (0.5, 0): a converging run.
    const path = [-0.5, 0, 0, 0, 0.5, 0];
    for (let k = 1; k <= 100; k++) path.push(0.5 + 1e-5 * k, 0);
    const steps = path.length / 2 - 1;
    const loss = Array.from({ length: steps + 1 }, (_, k) => quadratic.value(path[2 * k]!, path[2 * k + 1]!));
    const geometry = trajectoryGeometry(mesh, path, loss, steps);
    // 0→1, 1→2, and the tiny steps as one segment 2→last.
    expect(geometry.segments.length / 6).toBe(3);
    expect(geometry.drawnBefore[1]).toBe(1);
    expect(geometry.drawnBefore[2]).toBe(2);
    expect(geometry.drawnBefore[50]).toBe(2);
    expect(geometry.drawnBefore[steps]).toBe(3);
    // The last segment ends exactly at the last point.
    expect(Array.from(geometry.segments.slice(15, 18))).toEqual(Array.from(geometry.points.slice(3 * steps)));
    // Without merging every step is its own segment.
    expect(trajectoryGeometry(mesh, path, loss, steps, 0).segments.length / 6).toBe(steps);
  });

  it('uses fewer vertices for a surface whose values are slow, never fewer than the minimum', () => {
    const quadratic = surface('quadratic');
    const box = quadratic.viewBox;
    let clock = 0;
    // A fake clock: each value costs 1 ms (a network slice's forward pass), or nothing.
    const slow = { ...quadratic, value: (a: number, b: number) => ((clock += 1), quadratic.value(a, b)) };
    expect(meshResolution(slow, box, { budgetMs: 400, now: () => clock })).toBe(40);
    expect(meshResolution(slow, box, { budgetMs: 10_000, now: () => clock })).toBe(100);
    expect(meshResolution(quadratic, box, { now: () => 0 })).toBe(MESH_RESOLUTION);
  });
});
