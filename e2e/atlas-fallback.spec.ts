/** Without --enable-unsafe-webgpu Chromium offers no adapter: the outcome map runs on CPU workers and says so. */
import { expect, test } from '@playwright/test';

test.use({
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
});

test('the map is computed by CPU workers and the view says so', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Outcome map', exact: true }).click();
  await page.getByLabel('grid', { exact: true }).selectOption('64');
  await expect(page.getByTestId('engine-name')).toContainText(/CPU · \d+ workers?/, { timeout: 15_000 });
  await expect(page.getByTestId('engine-notice')).toContainText('WebGPU is not available');
  await expect(page.getByRole('region', { name: 'Outcome map' })).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
  const map = page.getByTestId('heatmap').first();
  await expect(map).toHaveAttribute('width', '64');
  const colors = await map.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return new Set(Array.from({ length: data.length / 4 }, (_, i) => data.slice(4 * i, 4 * i + 4).join()))
      .size;
  });
  expect(colors).toBeGreaterThan(4);
  expect(errors).toEqual([]);
});
