/**
 * Canvases that can redraw themselves at another resolution (the 3-D view's WebGL canvas) register a
 * snapshot function here; image and video export ask for it instead of upscaling the on-screen pixels.
 */
export type Snapshot = (scale: number) => HTMLCanvasElement;

const snapshots = new WeakMap<HTMLCanvasElement, Snapshot>();

/** Registers a canvas's snapshot; returns the unregister function. */
export function registerSnapshot(canvas: HTMLCanvasElement, snapshot: Snapshot): () => void {
  snapshots.set(canvas, snapshot);
  return () => {
    if (snapshots.get(canvas) === snapshot) snapshots.delete(canvas);
  };
}

/** The canvas drawn at `scale` (its own snapshot when it has one, else the canvas as it is). */
export function canvasAt(canvas: HTMLCanvasElement, scale: number): CanvasImageSource {
  return snapshots.get(canvas)?.(scale) ?? canvas;
}

/** The 3-D view's canvas, when it is on screen: what a 3-D animation records. */
export function surface3dCanvas(root: ParentNode = document): HTMLCanvasElement | null {
  return root.querySelector<HTMLCanvasElement>('canvas[data-testid="surface3d-canvas"]');
}
