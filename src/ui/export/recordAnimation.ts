/**
 * The trajectories as a video, frame-exact: frame k is the plot at step k, whatever the machine's speed.
 * The contours are drawn once into a static layer; each frame draws the moving layers over it into a
 * canvas that is never shown, and WebCodecs (through mediabunny) encodes it — WebM (VP9/VP8) or MP4
 * (H.264). Where WebCodecs is missing, frames are quantized and written as a GIF (gifenc).
 */
import { flushSync } from 'react-dom';
import { useOptiscope } from '../../state';
import { backgroundOf, serializeSvg } from './svgExport';
import { canvasAt } from './canvasSnapshots';
import { exportSize, loadSvgImage } from './rasterize';

export type VideoFormat = 'webm' | 'mp4' | 'gif';

export interface RecordOptions {
  /** The 2-D plot, or the 3-D view's canvas (redrawn at the export scale for every frame). */
  readonly svg: SVGSVGElement | HTMLCanvasElement;
  readonly format: VideoFormat;
  readonly scale: number;
  readonly fps: number;
  /** Record every `stride`-th step (long runs make short videos). */
  readonly stride: number;
  readonly onProgress: (done: number, total: number) => void;
  readonly signal: AbortSignal;
}

export interface Recording {
  readonly blob: Blob;
  readonly format: VideoFormat;
  readonly fileExtension: string;
}

export function webCodecsAvailable(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The frames' steps: 0, stride, 2·stride, …, always ending on the last step. */
export function frameSteps(steps: number, stride: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < steps; k += Math.max(1, stride)) out.push(k);
  out.push(steps);
  return out;
}

interface FrameSink {
  add(canvas: HTMLCanvasElement, index: number): Promise<void>;
  finish(): Promise<Recording>;
  cancel(): Promise<void>;
}

async function webCodecsSink(
  canvas: HTMLCanvasElement,
  format: 'webm' | 'mp4',
  fps: number,
): Promise<FrameSink> {
  const mb = await import('mediabunny');
  const outputFormat =
    format === 'mp4' ? new mb.Mp4OutputFormat({ fastStart: 'in-memory' }) : new mb.WebMOutputFormat();
  const candidates = (format === 'mp4' ? ['avc', 'vp9', 'av1'] : ['vp9', 'vp8', 'av1']) as (
    'avc' | 'vp9' | 'vp8' | 'av1'
  )[];
  const codec = await mb.getFirstEncodableVideoCodec(
    candidates.filter((c) => outputFormat.getSupportedVideoCodecs().includes(c)),
    { width: canvas.width, height: canvas.height },
  );
  if (!codec) throw new Error(`this browser cannot encode ${format.toUpperCase()} video`);
  const target = new mb.BufferTarget();
  const output = new mb.Output({ format: outputFormat, target });
  const source = new mb.CanvasSource(canvas, { codec, quality: mb.QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    add: (_canvas, index) => source.add(index / fps, 1 / fps),
    async finish() {
      await output.finalize();
      if (!target.buffer) throw new Error('the video is empty');
      return {
        blob: new Blob([target.buffer], { type: outputFormat.mimeType }),
        format,
        fileExtension: outputFormat.fileExtension,
      };
    },
    cancel: () => output.cancel(),
  };
}

async function gifSink(fps: number): Promise<FrameSink> {
  const { GIFEncoder, quantize, applyPalette } = await import('gifenc');
  const gif = GIFEncoder();
  return {
    async add(canvas) {
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), canvas.width, canvas.height, {
        palette,
        delay: Math.round(1000 / fps),
      });
    },
    async finish() {
      gif.finish();
      return {
        blob: new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' }),
        format: 'gif',
        fileExtension: '.gif',
      };
    },
    cancel: async () => {},
  };
}

/** The 3-D view's frames: each step set synchronously, then the view redrawn at the export size. */
async function recordCanvas(
  source: HTMLCanvasElement,
  sink: FrameSink,
  context: CanvasRenderingContext2D,
  options: RecordOptions,
): Promise<Recording | null> {
  const { width, height } = context.canvas;
  const steps = frameSteps(useOptiscope.getState().scene.steps, options.stride);
  for (const [index, step] of steps.entries()) {
    if (options.signal.aborted) {
      await sink.cancel();
      return null;
    }
    flushSync(() => useOptiscope.getState().setStep(step));
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.drawImage(canvasAt(source, options.scale), 0, 0, width, height);
    await sink.add(context.canvas, index);
    options.onProgress(index + 1, steps.length);
    await nextFrame();
  }
  return sink.finish();
}

/** Records the animation; restores the step the user was on afterwards, also when cancelled or failing. */
export async function recordAnimation(options: RecordOptions): Promise<Recording | null> {
  const { svg, scale, fps, signal, onProgress } = options;
  const store = useOptiscope.getState();
  const { step: originalStep, playing } = store.view;
  store.setPlaying(false);
  const { width, height } = exportSize(svg, scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: options.format === 'gif' })!;
  const format = options.format !== 'gif' && !webCodecsAvailable() ? 'gif' : options.format;
  const sink = format === 'gif' ? await gifSink(fps) : await webCodecsSink(canvas, format, fps);
  const background = backgroundOf(svg);
  try {
    if (svg instanceof HTMLCanvasElement) return await recordCanvas(svg, sink, context, options);
    // The static layer: the contours (and the rest as it is now), drawn once.
    const contoursOnly = await loadSvgImage(
      serializeSvg(svg, {
        background,
        edit: (clone) => {
          // Keep the contours, drop what shares their clipped layer (trajectories, arrows, critical points).
          const contours = clone.querySelector('[data-testid="contours"]');
          for (const sibling of Array.from(contours?.parentElement?.children ?? []))
            if (sibling !== contours) sibling.remove();
        },
      }),
    );
    const steps = frameSteps(useOptiscope.getState().scene.steps, options.stride);
    for (const [index, step] of steps.entries()) {
      if (signal.aborted) {
        await sink.cancel();
        return null;
      }
      flushSync(() => useOptiscope.getState().setStep(step));
      await nextFrame();
      const moving = await loadSvgImage(
        serializeSvg(svg, {
          edit: (clone) => {
            clone.querySelector('[data-testid="contours"]')?.remove();
            clone.querySelector('[data-testid="plot-background"]')?.setAttribute('style', 'fill:none');
          },
        }),
      );
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.drawImage(contoursOnly, 0, 0, width, height);
      context.drawImage(moving, 0, 0, width, height);
      await sink.add(canvas, index);
      onProgress(index + 1, steps.length);
    }
    return await sink.finish();
  } catch (error) {
    await sink.cancel().catch(() => {});
    throw error;
  } finally {
    const restore = useOptiscope.getState();
    restore.setStep(originalStep);
    if (playing) restore.setPlaying(true);
  }
}
