/**
 * The 3-D view's three.js scene, imperative and framework-free: the lit surface mesh, every trajectory
 * (faint in full, bold up to the current step, dashed like the legend), the current-step markers, the
 * draggable start, an orbit camera (mouse, touch, keyboard) and rendering on demand. The React panel owns
 * one and feeds it; dispose() releases every GPU resource it made.
 */
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  ConeGeometry,
  DirectionalLight,
  DodecahedronGeometry,
  DoubleSide,
  Group,
  HemisphereLight,
  IcosahedronGeometry,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  OctahedronGeometry,
  PerspectiveCamera,
  Raycaster,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  TetrahedronGeometry,
  Vector2,
  Vector3,
  WebGLRenderer,
  type Material,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { OrbitCamera } from '../../core/link';
import { CAMERA_RANGES } from '../../core/link';
import { HEIGHT, type SurfaceMesh, type TrajectoryGeometry } from './mesh';

export const DEFAULT_CAMERA: OrbitCamera = {
  azimuth: -65,
  elevation: 48,
  distance: 3.9,
  target: [0, 0, HEIGHT / 2],
};

export interface SceneRun {
  readonly id: string;
  readonly color: string;
  /** The legend's SVG dash pattern ('' solid, '7 4'…), in pixels. */
  readonly dash: string;
  /** The legend's marker shape name (circle, square, triangle…). */
  readonly shape: string;
  readonly geometry: TrajectoryGeometry;
  readonly steps: number;
}

export interface SceneCallbacks {
  /** The user finished moving the camera (drag, wheel, pinch or key). */
  onCameraEnd(camera: OrbitCamera): void;
  /** The start was dragged (or double-clicked) to this world point on the surface. */
  onStartMove(x: number, y: number): void;
  /** A frame was drawn; `start` is where the start marker is on the canvas, in CSS pixels. */
  onRender?(start: readonly [number, number]): void;
}

/** The options the canvas's WebGL 2 context is made with (the panel makes it, to learn if it can). */
export const CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
  antialias: true,
  // The PNG export and the tests read the canvas back after a frame.
  preserveDrawingBuffer: true,
};

const DEG = Math.PI / 180;
/** World units per pixel of the legend's dash pattern (at the default distance, about one pixel). */
const DASH_UNIT = 0.0045;
const MARKER_SIZE = 0.042;

function markerGeometry(shape: string): BufferGeometry {
  const r = MARKER_SIZE;
  switch (shape) {
    case 'square':
      return new BoxGeometry(1.5 * r, 1.5 * r, 1.5 * r);
    case 'triangle':
      return new TetrahedronGeometry(1.3 * r);
    case 'diamond':
      return new OctahedronGeometry(1.3 * r);
    case 'star':
      return new IcosahedronGeometry(1.2 * r);
    case 'wye':
      return new ConeGeometry(r, 2 * r, 3).rotateX(Math.PI / 2);
    case 'cross':
      return new DodecahedronGeometry(1.15 * r);
    default:
      return new SphereGeometry(r, 16, 12);
  }
}

function dashSizes(dash: string): { dashSize: number; gapSize: number } | null {
  const parts = dash
    .split(/[\s,]+/)
    .map(Number)
    .filter((x) => x > 0);
  if (parts.length < 2) return null;
  // three's dashed line has one dash and one gap: the pattern's first pair (a dot-dash keeps its dash).
  return { dashSize: parts[0]! * DASH_UNIT, gapSize: parts[1]! * DASH_UNIT };
}

interface RunObjects {
  readonly full: LineSegments2;
  readonly travelled: LineSegments2;
  readonly marker: Mesh;
  readonly run: SceneRun;
}

export class SurfaceScene {
  readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(40, 1, 0.01, 100);
  private readonly controls: OrbitControls;
  private readonly raycaster = new Raycaster();
  private readonly runsGroup = new Group();
  private surfaceMesh: Mesh<BufferGeometry, MeshLambertMaterial> | null = null;
  private runs: RunObjects[] = [];
  private readonly markerGeometries = new Map<string, BufferGeometry>();
  private readonly start: Mesh<SphereGeometry, MeshBasicMaterial>;
  private readonly startHalo: Mesh<SphereGeometry, MeshBasicMaterial>;
  private step = 0;
  private frame = 0;
  private dragging = false;
  private disposed = false;
  private width = 1;
  private height = 1;
  private readonly listeners: [string, EventListener][] = [];

  constructor(
    readonly canvas: HTMLCanvasElement,
    context: WebGL2RenderingContext,
    private readonly callbacks: SceneCallbacks,
  ) {
    this.renderer = new WebGLRenderer({ canvas, context, ...CONTEXT_ATTRIBUTES });
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.camera.up.set(0, 0, 1);
    this.scene.add(new HemisphereLight(0xffffff, 0x8090a0, 2.2));
    const sun = new DirectionalLight(0xffffff, 1.6);
    sun.position.set(-1.5, -2, 3);
    this.scene.add(sun);
    this.scene.add(this.runsGroup);
    this.start = new Mesh(
      new SphereGeometry(0.04, 20, 14),
      // Transparent (though opaque) so it is drawn in the same pass as its halo, after it.
      new MeshBasicMaterial({ color: 0x111111, depthTest: false, transparent: true }),
    );
    this.startHalo = new Mesh(
      new SphereGeometry(0.058, 20, 14),
      new MeshBasicMaterial({
        color: 0xffffff,
        transparent: true,
        opacity: 0.85,
        depthWrite: false,
        depthTest: false,
      }),
    );
    this.startHalo.renderOrder = 4;
    this.start.renderOrder = 5;
    this.scene.add(this.startHalo, this.start);

    // The start's own pointer handling is registered before the controls', so a press on it wins.
    this.listen('pointerdown', (event) => this.onPointerDown(event as PointerEvent));
    this.listen('pointermove', (event) => this.onPointerMove(event as PointerEvent));
    this.listen('pointerup', (event) => this.onPointerUp(event as PointerEvent));
    this.listen('pointercancel', (event) => this.onPointerUp(event as PointerEvent));
    this.listen('dblclick', (event) => this.onDoubleClick(event as MouseEvent));
    this.listen('keydown', (event) => this.onKeyDown(event as KeyboardEvent));
    this.listen('webglcontextrestored', () => this.requestRender());

    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.minDistance = CAMERA_RANGES.distance.min;
    this.controls.maxDistance = CAMERA_RANGES.distance.max;
    this.controls.minPolarAngle = (90 - CAMERA_RANGES.elevation.max) * DEG;
    this.controls.maxPolarAngle = (90 - CAMERA_RANGES.elevation.min) * DEG;
    this.controls.zoomToCursor = true;
    this.controls.addEventListener('change', () => {
      this.clampTarget();
      this.requestRender();
    });
    this.controls.addEventListener('end', () => this.callbacks.onCameraEnd(this.getCamera()));
    this.setCamera(null);
  }

  private listen(type: string, listener: EventListener) {
    this.canvas.addEventListener(type, listener);
    this.listeners.push([type, listener]);
  }

  setSize(width: number, height: number, pixelRatio: number) {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.renderer.setPixelRatio(pixelRatio);
    this.renderer.setSize(this.width, this.height, false);
    this.camera.aspect = this.width / this.height;
    this.camera.updateProjectionMatrix();
    for (const { full, travelled } of this.runs) {
      full.material.resolution.set(this.width, this.height);
      travelled.material.resolution.set(this.width, this.height);
    }
    this.requestRender();
  }

  setBackground(color: string, startColor: string, haloColor: string) {
    this.renderer.setClearColor(new Color(color), 1);
    this.start.material.color.set(startColor);
    this.startHalo.material.color.set(haloColor);
    this.requestRender();
  }

  setSurface(mesh: SurfaceMesh) {
    if (this.surfaceMesh) {
      this.scene.remove(this.surfaceMesh);
      this.surfaceMesh.geometry.dispose();
      this.surfaceMesh.material.dispose();
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    // The palette's colors are sRGB; three lights in linear space and converts back on output.
    const linear = new Float32Array(mesh.colors.length);
    const color = new Color();
    for (let k = 0; k < mesh.colors.length; k += 3) {
      color.setRGB(mesh.colors[k]!, mesh.colors[k + 1]!, mesh.colors[k + 2]!, SRGBColorSpace);
      linear[k] = color.r;
      linear[k + 1] = color.g;
      linear[k + 2] = color.b;
    }
    geometry.setAttribute('color', new BufferAttribute(linear, 3));
    geometry.setIndex(new BufferAttribute(mesh.indices, 1));
    geometry.computeVertexNormals();
    const material = new MeshLambertMaterial({
      vertexColors: true,
      side: DoubleSide,
      // Lines lie just above the mesh; the offset keeps the mesh from poking through them.
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    });
    this.surfaceMesh = new Mesh(geometry, material);
    this.scene.add(this.surfaceMesh);
    this.requestRender();
  }

  setRuns(runs: readonly SceneRun[]) {
    this.clearRuns();
    for (const run of runs) {
      const dashes = dashSizes(run.dash);
      const make = (opacity: number, width: number) => {
        const geometry = new LineSegmentsGeometry();
        geometry.setPositions(run.geometry.segments);
        const material = new LineMaterial({
          color: new Color(run.color).getHex(),
          linewidth: width,
          transparent: opacity < 1,
          opacity,
          dashed: dashes !== null,
          ...(dashes ?? {}),
        });
        material.resolution.set(this.width, this.height);
        const line = new LineSegments2(geometry, material);
        if (dashes) line.computeLineDistances();
        this.runsGroup.add(line);
        return line;
      };
      const full = make(0.35, 1.5);
      const travelled = make(1, 3);
      let geometry = this.markerGeometries.get(run.shape);
      if (!geometry) {
        geometry = markerGeometry(run.shape);
        this.markerGeometries.set(run.shape, geometry);
      }
      // Markers are drawn over the surface, like the 2-D map's: where each run is now is never hidden.
      const marker = new Mesh(geometry, new MeshBasicMaterial({ color: run.color, depthTest: false }));
      marker.renderOrder = 3;
      this.runsGroup.add(marker);
      this.runs.push({ full, travelled, marker, run });
    }
    this.setStep(this.step);
  }

  /** Shows each run up to `step` (its last step when it stopped earlier) and puts its marker there. */
  setStep(step: number) {
    this.step = step;
    for (const { travelled, marker, run } of this.runs) {
      const current = Math.max(0, Math.min(step, run.steps));
      travelled.geometry.instanceCount = run.geometry.drawnBefore[current] ?? 0;
      const p = run.geometry.points;
      marker.position.set(p[3 * current]!, p[3 * current + 1]!, p[3 * current + 2]!);
    }
    this.requestRender();
  }

  setStart(position: readonly [number, number, number]) {
    this.start.position.set(position[0], position[1], position[2]);
    this.startHalo.position.copy(this.start.position);
    this.requestRender();
  }

  getCamera(): OrbitCamera {
    const offset = new Vector3().subVectors(this.camera.position, this.controls.target);
    const distance = offset.length();
    return {
      azimuth: Math.atan2(offset.y, offset.x) / DEG,
      elevation: Math.asin(Math.max(-1, Math.min(1, offset.z / distance))) / DEG,
      distance,
      target: [this.controls.target.x, this.controls.target.y, this.controls.target.z],
    };
  }

  /** Moves the camera (null: the default one) without reporting it back. */
  setCamera(orbit: OrbitCamera | null) {
    const { azimuth, elevation, distance, target } = orbit ?? DEFAULT_CAMERA;
    const a = azimuth * DEG;
    const e = elevation * DEG;
    this.controls.target.set(target[0], target[1], target[2]);
    this.camera.position.set(
      target[0] + distance * Math.cos(e) * Math.cos(a),
      target[1] + distance * Math.cos(e) * Math.sin(a),
      target[2] + distance * Math.sin(e),
    );
    this.camera.lookAt(this.controls.target);
    this.controls.update();
    this.requestRender();
  }

  private clampTarget() {
    const t = this.controls.target;
    const { min, max } = CAMERA_RANGES.target;
    const clamped = t.clone().clampScalar(min, max);
    if (!clamped.equals(t)) {
      this.camera.position.add(clamped.clone().sub(t));
      t.copy(clamped);
    }
  }

  requestRender() {
    if (this.frame || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render() {
    if (this.disposed || this.renderer.getContext().isContextLost()) return;
    this.renderer.render(this.scene, this.camera);
    const p = this.start.position.clone().project(this.camera);
    this.callbacks.onRender?.([((p.x + 1) / 2) * this.width, ((1 - p.y) / 2) * this.height]);
  }

  /** The view drawn at `scale` × its on-screen resolution, into a new 2-D canvas (PNG and video export). */
  snapshot(scale: number): HTMLCanvasElement {
    const ratio = this.renderer.getPixelRatio();
    const out = document.createElement('canvas');
    try {
      this.renderer.setPixelRatio(scale);
      this.renderer.setSize(this.width, this.height, false);
      for (const { full, travelled } of this.runs) {
        full.material.linewidth = 1.5 * scale;
        travelled.material.linewidth = 3 * scale;
      }
      this.render();
      out.width = this.canvas.width;
      out.height = this.canvas.height;
      out.getContext('2d')!.drawImage(this.canvas, 0, 0);
    } finally {
      for (const { full, travelled } of this.runs) {
        full.material.linewidth = 1.5;
        travelled.material.linewidth = 3;
      }
      this.renderer.setPixelRatio(ratio);
      this.renderer.setSize(this.width, this.height, false);
      this.render();
    }
    return out;
  }

  private pointer(event: MouseEvent): Vector2 {
    const rect = this.canvas.getBoundingClientRect();
    return new Vector2(
      ((event.clientX - rect.left) / rect.width) * 2 - 1,
      -((event.clientY - rect.top) / rect.height) * 2 + 1,
    );
  }

  private hitsStart(event: MouseEvent): boolean {
    this.raycaster.setFromCamera(this.pointer(event), this.camera);
    // The halo is the handle: a little larger than the dot, easier to catch.
    return this.raycaster.intersectObject(this.startHalo, false).length > 0;
  }

  private surfaceHit(event: MouseEvent): Vector3 | null {
    if (!this.surfaceMesh) return null;
    this.raycaster.setFromCamera(this.pointer(event), this.camera);
    return this.raycaster.intersectObject(this.surfaceMesh, false)[0]?.point ?? null;
  }

  private onPointerDown(event: PointerEvent) {
    if (event.button !== 0 || !this.hitsStart(event)) return;
    this.dragging = true;
    this.controls.enabled = false;
    this.canvas.setPointerCapture?.(event.pointerId);
    this.canvas.style.cursor = 'grabbing';
  }

  private onPointerMove(event: PointerEvent) {
    if (!this.dragging) {
      if (event.pointerType === 'mouse' && event.buttons === 0)
        this.canvas.style.cursor = this.hitsStart(event) ? 'grab' : '';
      return;
    }
    const hit = this.surfaceHit(event);
    if (hit) this.callbacks.onStartMove(hit.x, hit.y);
  }

  private onPointerUp(event: PointerEvent) {
    if (!this.dragging) return;
    this.dragging = false;
    this.controls.enabled = true;
    this.canvas.releasePointerCapture?.(event.pointerId);
    this.canvas.style.cursor = '';
  }

  private onDoubleClick(event: MouseEvent) {
    const hit = this.surfaceHit(event);
    if (hit) this.callbacks.onStartMove(hit.x, hit.y);
  }

  /** Arrows orbit (with Shift: pan), + and − zoom; the playback keys stay with the app elsewhere. */
  private onKeyDown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = 5 * DEG;
    const pan = 20;
    const c = this.controls;
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
        if (event.shiftKey) c.pan(pan, 0);
        else c.rotateLeft(-step);
        break;
      case 'ArrowRight':
        if (event.shiftKey) c.pan(-pan, 0);
        else c.rotateLeft(step);
        break;
      case 'ArrowUp':
        if (event.shiftKey) c.pan(0, pan);
        else c.rotateUp(step);
        break;
      case 'ArrowDown':
        if (event.shiftKey) c.pan(0, -pan);
        else c.rotateUp(-step);
        break;
      case '+':
      case '=':
        c.dollyOut(1.1);
        break;
      case '-':
      case '_':
        c.dollyIn(1.1);
        break;
      default:
        handled = false;
    }
    if (!handled) return;
    event.preventDefault();
    c.update();
    this.callbacks.onCameraEnd(this.getCamera());
  }

  private clearRuns() {
    for (const { full, travelled, marker } of this.runs) {
      for (const line of [full, travelled]) {
        line.geometry.dispose();
        line.material.dispose();
      }
      (marker.material as Material).dispose();
    }
    this.runsGroup.clear();
    this.runs = [];
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.clearRuns();
    for (const geometry of this.markerGeometries.values()) geometry.dispose();
    if (this.surfaceMesh) {
      this.surfaceMesh.geometry.dispose();
      this.surfaceMesh.material.dispose();
    }
    for (const mesh of [this.start, this.startHalo]) {
      mesh.geometry.dispose();
      mesh.material.dispose();
    }
    this.controls.dispose();
    for (const [type, listener] of this.listeners) this.canvas.removeEventListener(type, listener);
    this.renderer.dispose();
    // Browsers cap live WebGL contexts; give this one back now rather than at garbage collection.
    this.renderer.forceContextLoss();
  }
}
