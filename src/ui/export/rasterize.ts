/**
 * Draws a panel into a canvas at a chosen scale: every SVG in it (serialized, so vectors are re-rendered at
 * the target resolution, not upscaled) and every canvas, at their places in the panel.
 */
import { canvasAt } from './canvasSnapshots';
import { htmlToSvg } from './htmlExport';
import { backgroundOf, serializeSvg, type SvgExportOptions } from './svgExport';

/**
 * Decodes an SVG into an image. A blob: URL is fast; an SVG with a <foreignObject> must come from a data:
 * URL instead, because Chrome taints a canvas that drew a <foreignObject> image loaded from a blob.
 */
export function loadSvgImage(svgText: string, source: 'blob' | 'data' = 'blob'): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url =
      source === 'data'
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
        : URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const done = () => {
      if (source === 'blob') URL.revokeObjectURL(url);
    };
    const image = new Image();
    image.onload = () => {
      done();
      resolve(image);
    };
    image.onerror = () => {
      done();
      reject(new Error('the SVG could not be drawn'));
    };
    image.src = url;
  });
}

/** Pixel size of a panel at a scale; even numbers, as video codecs require. */
export function exportSize(element: Element, scale: number): { width: number; height: number } {
  const rect = element.getBoundingClientRect();
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(rect.width), height: even(rect.height) };
}

export async function drawPanel(
  element: Element,
  canvas: HTMLCanvasElement | OffscreenCanvas,
  scale: number,
  options: SvgExportOptions = {},
): Promise<void> {
  const context = canvas.getContext('2d') as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new Error('no 2D canvas context');
  const origin = element.getBoundingClientRect();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = backgroundOf(element);
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  const layers = element.matches('svg, canvas')
    ? [element]
    : Array.from(element.querySelectorAll('svg, canvas'));
  for (const layer of layers) {
    // Nested SVGs are drawn with their outermost SVG.
    if (layer instanceof SVGSVGElement && layer.parentElement?.closest('svg')) continue;
    const rect = layer.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const x = rect.left - origin.left;
    const y = rect.top - origin.top;
    if (layer instanceof HTMLCanvasElement) {
      context.drawImage(canvasAt(layer, scale), x, y, rect.width, rect.height);
    } else if (layer instanceof SVGSVGElement) {
      const image = await loadSvgImage(serializeSvg(layer, options));
      context.drawImage(image, x, y, rect.width, rect.height);
    }
  }
}

/** A PNG of an SVG drawing, a panel of layers (SVG + canvas), or — with `html` — a panel of HTML text. */
export async function panelToPng(element: Element, scale: number, html = false): Promise<Blob> {
  const { width, height } = exportSize(element, scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  if (html && element instanceof HTMLElement) {
    const context = canvas.getContext('2d')!;
    const image = await loadSvgImage(htmlToSvg(element, backgroundOf(element)), 'data');
    context.drawImage(image, 0, 0, width, height);
  } else {
    await drawPanel(element, canvas, width / element.getBoundingClientRect().width);
  }
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    } catch (error) {
      // A tainted canvas throws here rather than calling back.
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
