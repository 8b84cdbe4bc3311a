/**
 * Issue 18 without WebGPU: Chromium launched WITHOUT --enable-unsafe-webgpu (no adapter). The 3-D view
 * draws on WebGL 2 all the same, every trajectory in its color, with no console error.
 */
import { expect, test } from '@playwright/test';
import { surface3d } from './surface3d.support';

test.use({
  reducedMotion: 'reduce',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  },
});

test('without a WebGPU adapter the 3-D view draws on WebGL 2, with no console error', async ({ page }) => {
  const errors = surface3d.guardConsole(page);
  await page.goto('/');
  expect(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) ?? null)).toBeNull();
  await surface3d.open3d(page);
  await surface3d.pause(page);
  await page.keyboard.press('End');
  const colors = await surface3d.legendColors(page);
  expect(colors).toHaveLength(6);
  for (const [i, count] of (await surface3d.colorCounts(page, colors)).entries())
    expect(count, `pixels of trajectory ${i} (${colors[i]})`).toBeGreaterThan(15);
  expect(errors).toEqual([]);
});
