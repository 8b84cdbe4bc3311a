/**
 * The outcome map, as a lecturer uses it: open it, watch it compute on WebGPU (SwiftShader under
 * --enable-unsafe-webgpu), hover a pixel for its run, click one to start the explorer there, cancel a
 * large grid.
 */
import { expect, test, type Locator, type Page, docsScreenshot } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Outcome map', exact: true }).click();
});

const section = (page: Page) => page.getByRole('region', { name: 'Outcome map' });

/** Distinct RGBA values of a canvas, counted in the page. */
const distinctColors = (canvas: Locator) =>
  canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4)
      seen.add((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!);
    return seen.size;
  });

async function waitDone(page: Page) {
  await expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
}

test('computes every map on WebGPU and draws non-uniform pixels', async ({ page }) => {
  await expect(page.getByTestId('engine-name')).toContainText('WebGPU', { timeout: 15_000 });
  await waitDone(page);
  await expect(section(page).getByRole('status')).toContainText(/done in [\d.]+ s/);
  const maps = page.getByTestId('heatmap');
  await expect(maps).toHaveCount(6);
  for (const map of await maps.all()) {
    await expect(map).toHaveAttribute('data-drawn', 'true');
    expect(await map.getAttribute('width')).toBe('128');
    expect(await distinctColors(map)).toBeGreaterThan(4);
  }
  await expect(page.getByTestId('map-legend')).toContainText('steps to tolerance');
  await expect(page.getByTestId('outcome-shares').first()).toContainText('reached the tolerance');
  await expect(page.getByTestId('engine-notice')).toHaveCount(0);
  await docsScreenshot(page, 'outcome-map.png', { fullPage: true });
});

test('hovering a pixel draws its trajectory; clicking starts the explorer there', async ({ page }) => {
  await waitDone(page);
  const map = page.getByTestId('heatmap').first();
  const box = (await map.boundingBox())!;
  // Quadratic ravine box: w1 ∈ [−1.5, 1.5], w2 ∈ [−1.2, 1.2]; (0.75, 0.25) of the map is w = (0.75, 0.6).
  const x = box.x + box.width * 0.75;
  const y = box.y + box.height * 0.25;
  await page.mouse.move(x, y);
  await expect(page.getByTestId('hover-readout')).toContainText(/From \(0\.7\d+, 0\.6\d+\): 500 steps/);
  const overlay = section(page).locator('svg path[stroke="black"]').first();
  await expect(overlay).toHaveAttribute('d', /^M[-\d.]+,[-\d.]+L/);
  await page.mouse.click(x, y);
  await expect(page.getByRole('button', { name: 'Explorer', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByTestId('start-readout')).toContainText(/\(0\.7\d*, 0\.6\d*\)/);
  const marker = page.getByTestId('start-marker');
  expect(Number(await marker.getAttribute('data-w1'))).toBeCloseTo(0.75, 1);
  expect(Number(await marker.getAttribute('data-w2'))).toBeCloseTo(0.6, 1);
});

test('side by side, a finer grid than the maps use is named, with how to get it', async ({ page }) => {
  await waitDone(page);
  await page.getByLabel('grid', { exact: true }).selectOption('256');
  await expect(page.getByRole('status')).toContainText(
    '16,384 starts × 6 optimizers × 500 steps (side by side each map is 128×128; choose one optimizer for 256×256)',
  );
});

test('cancel stops a 512×512 map', async ({ page }) => {
  await waitDone(page);
  await page.getByLabel('optimizer', { exact: true }).selectOption({ label: 'Adam' });
  await page.getByLabel('steps T', { exact: true }).fill('5000');
  await page.getByLabel('grid', { exact: true }).selectOption('512');
  await expect(section(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByRole('status')).toContainText('262,144 starts × 1 optimizer × 5000 steps');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(section(page)).toHaveAttribute('data-status', 'cancelled', { timeout: 10_000 });
  await expect(page.getByRole('status')).toContainText('cancelled');
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});
