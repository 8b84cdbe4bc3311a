/**
 * Issue 8, no WebGPU: Chromium launched WITHOUT --enable-unsafe-webgpu (navigator.gpu exists, the adapter
 * is null). The app works and says which engine runs: the explorer "CPU · float64", the network view a
 * non-WebGPU tfjs backend after training, and every other view in the header (the GPU views, when they
 * land) must name the CPU.
 */
import { expect, test } from '@playwright/test';
import { guard, openView, viewNames } from './hardening.support';

test.use({
  reducedMotion: 'reduce',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  },
});

test('without a WebGPU adapter every view works and names a CPU engine', async ({ page }) => {
  test.setTimeout(120_000);
  const g = await guard(page);
  await page.goto('/');
  const gpu = await page.evaluate(async () => ({
    api: 'gpu' in navigator,
    adapter: (await navigator.gpu?.requestAdapter()) ?? null,
  }));
  expect(gpu).toEqual({ api: true, adapter: null });

  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await expect(page.getByTestId('engine')).toHaveText('CPU · float64');
  for (const d of await page
    .getByTestId('trajectory-path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d'))))
    expect(d).toMatch(/^M[-\d.]+,[-\d.]+L/);

  const gpuViews = (await viewNames(page)).filter((v) => v !== 'Explorer' && v !== 'Network');
  for (const name of gpuViews) {
    // A GPU view (outcome map, sweep, compare) runs on the CPU workers and its engine strip says so.
    await openView(page, name);
    const engineName = page.getByTestId('engine-name').first();
    await expect(engineName).toContainText('CPU', { timeout: 30_000 });
    await expect(engineName).not.toContainText('WebGPU');
  }
  await openView(page, 'Network');
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByLabel('Points').fill('60');
  await controls.getByLabel('Steps').fill('15');
  await controls.getByLabel('Resolution').selectOption('32');
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('data-phase', 'done', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('network-backend')).toHaveText(/backend: (webgl|cpu)/);
  await expect(page.getByTestId('network-slice')).toBeVisible();
  await g.expectClean();
});
