/**
 * Issue 8, device loss: the WebGPU device is destroyed (device.destroy(), as a driver reset or a lost
 * context would) while a 512×512 outcome map computes on it. The particles already read back are kept, the
 * rest run on the CPU workers, the view says so, and the finished map equals a map computed on the CPU
 * alone at the same settings — no blank band where the GPU stopped. The next run stays on the CPU (the
 * engine does not request a new device in this session). No test hook in the app: the init script of
 * countResources keeps the device the app requested.
 */
import { expect, test, type Page } from '@playwright/test';
import { countResources, guard, liveResources, loseGpuDevice } from './hardening.support';

test.use({ reducedMotion: 'reduce' });

const section = (page: Page) => page.getByRole('region', { name: 'Outcome map' });
const progress = (page: Page) =>
  section(page)
    .getByRole('progressbar')
    .evaluate((p) => (p as HTMLProgressElement).value)
    .catch(() => -1);

declare global {
  interface Window {
    __mapPixels?: Uint8ClampedArray;
  }
}

/** Keeps the map's pixels in the page (1 MB; only their comparison comes back). */
const keepPixels = (page: Page) =>
  page.getByTestId('heatmap').evaluate((element) => {
    const c = element as HTMLCanvasElement;
    window.__mapPixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let unwritten = 0;
    for (let i = 3; i < window.__mapPixels.length; i += 4) if (window.__mapPixels[i] !== 255) unwritten++;
    return { width: c.width, unwritten };
  });

test('a device lost mid-map: the rest runs on the CPU, nothing is lost, the user is told', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const g = await guard(page);
  await countResources(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Outcome map', exact: true }).click();
  await expect(page.getByTestId('engine-name')).toContainText('WebGPU', { timeout: 15_000 });
  await expect(page.getByTestId('engine')).toContainText('WebGPU');
  await page.getByLabel('optimizer', { exact: true }).selectOption('0');
  await page.getByRole('spinbutton', { name: 'steps T' }).fill('1000');
  await expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  // 262,144 starts × 1,000 steps: about 4 s on SwiftShader. Lose the device a third of the way in.
  await page.getByLabel('grid', { exact: true }).selectOption('512');
  await expect(section(page)).toHaveAttribute('data-status', 'running');
  await expect.poll(() => progress(page), { intervals: [25], timeout: 30_000 }).toBeGreaterThan(0.3);
  const lostAt = await progress(page);
  expect(lostAt, 'the device is lost mid-run, not after it').toBeLessThan(0.9);
  expect(await loseGpuDevice(page)).toBe(1);

  const notice = page.getByTestId('engine-notice');
  await expect(notice).toContainText(/WebGPU device lost .*continuing on the CPU/);
  await expect(page.getByTestId('engine-name')).toContainText(/CPU · \d+ workers?/);
  await expect(page.getByTestId('engine')).toContainText(/CPU · \d+ workers?/);
  // Progress goes on from where the GPU stopped (never back to 0) to the end.
  const resumedAt = await progress(page);
  expect(resumedAt === -1 || resumedAt >= lostAt - 1e-9, `progress ${lostAt} → ${resumedAt}`).toBe(true);
  await expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(section(page).getByRole('status')).toContainText(/done in [\d.]+ s/);
  await expect(section(page).getByRole('alert')).toHaveCount(0);
  const hybrid = await keepPixels(page);
  expect(hybrid).toEqual({ width: 512, unwritten: 0 });

  // The same map again: the engine stays on the CPU for the rest of the session.
  await page.getByRole('spinbutton', { name: 'steps T' }).fill('999');
  await page.getByRole('spinbutton', { name: 'steps T' }).fill('1000');
  await expect(section(page)).toHaveAttribute('data-status', 'running');
  await expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('engine-name')).toContainText(/CPU · \d+ workers?/);
  const comparison = await page.getByTestId('heatmap').evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const cpu = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const hybrid = window.__mapPixels!;
    let differing = 0;
    let worstRow = 0;
    for (let y = 0; y < c.height; y++) {
      let row = 0;
      for (let x = 0; x < c.width; x++) {
        const i = 4 * (y * c.width + x);
        const far = [0, 1, 2, 3].some((k) => Math.abs(cpu[i + k]! - hybrid[i + k]!) > 8);
        if (far) row++;
      }
      differing += row;
      worstRow = Math.max(worstRow, row / c.width);
    }
    return { differing: differing / (c.width * c.height), worstRow };
  });
  console.log(`device lost at ${(lostAt * 100).toFixed(0)}%; hybrid vs CPU-only map:`, comparison);
  // float32 (GPU part) and float64 (CPU) may differ at basin edges; a lost chunk would be a band of rows.
  expect(comparison.differing).toBeLessThan(0.02);
  expect(comparison.worstRow).toBeLessThan(0.25);
  expect((await liveResources(page)).gpuDevices).toBe(0);
  await g.expectClean();
});
