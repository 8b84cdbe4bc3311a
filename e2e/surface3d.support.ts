/**
 * Shared by e2e/surface3d*.spec.ts: open the 3-D panel, read its canvas back (toDataURL, decoded in the
 * page), count the pixels of the legend's colors, and compare two frames.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions from the moment it is called. */
function guardConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Turns the panel on (unless the link already has it) and waits for a drawn frame with its trajectories. */
async function open3d(page: Page, { toggle = true } = {}): Promise<Locator> {
  await expect(page.getByTestId('legend-entry').first()).toBeAttached();
  if (toggle) await page.getByRole('checkbox', { name: '3-D surface' }).check();
  const canvas = page.getByTestId('surface3d-canvas');
  await expect(canvas).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect.poll(async () => Number(await canvas.getAttribute('data-frames'))).toBeGreaterThan(0);
  // In the middle of the window: clear of the sticky header, so the mouse lands on it.
  await canvas.evaluate((c) => c.scrollIntoView({ block: 'center' }));
  // Let the last queued frame (size, runs, camera) land.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return canvas;
}

/** Stops playback if it runs (the opening animation plays where motion is not reduced). */
async function pause(page: Page): Promise<void> {
  const button = page.getByTestId('play-pause');
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
}

/** The canvas's pixels as the page would export them (a PNG data URL). */
async function canvasImage(page: Page): Promise<string> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page
    .getByTestId('surface3d-canvas')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL('image/png'));
}

/** Decodes data URLs in the page and returns the fraction of pixels that differ by more than 8 in a channel. */
async function differingFraction(page: Page, a: string, b: string): Promise<number> {
  if (a === b) return 0;
  return page.evaluate(
    async ([x, y]) => {
      const decode = async (url: string) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [p, q] = [await decode(x!), await decode(y!)];
      if (p.length !== q.length) return 1;
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (
          Math.abs(p[i]! - q[i]!) > 8 ||
          Math.abs(p[i + 1]! - q[i + 1]!) > 8 ||
          Math.abs(p[i + 2]! - q[i + 2]!) > 8
        )
          differing++;
      }
      return differing / (p.length / 4);
    },
    [a, b],
  );
}

/** The legend's colors (#rrggbb), read from each entry's swatch line. */
async function legendColors(page: Page): Promise<string[]> {
  return page
    .getByTestId('legend-entry')
    .locator('.run-swatch line')
    .evaluateAll((lines) => lines.map((line) => (line.getAttribute('stroke') ?? '').toLowerCase()));
}

/** How many canvas pixels are within 12 per channel of each color. */
async function colorCounts(page: Page, colors: readonly string[]): Promise<number[]> {
  return page.getByTestId('surface3d-canvas').evaluate(async (c, hexes) => {
    const image = new Image();
    image.src = (c as HTMLCanvasElement).toDataURL('image/png');
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const targets = hexes.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const counts = targets.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      for (const [k, [r, g, b]] of targets.entries()) {
        if (
          Math.abs(data[i]! - r!) <= 12 &&
          Math.abs(data[i + 1]! - g!) <= 12 &&
          Math.abs(data[i + 2]! - b!) <= 12
        )
          counts[k]!++;
      }
    }
    return counts;
  }, colors);
}

async function downloadBytes(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** Width and height from a PNG's IHDR. */
async function pngSize(download: Download): Promise<{ width: number; height: number }> {
  const bytes = await readFile((await download.path())!);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export const surface3d = {
  guardConsole,
  open3d,
  pause,
  canvasImage,
  differingFraction,
  legendColors,
  colorCounts,
  pngSize,
  downloadBytes,
};
