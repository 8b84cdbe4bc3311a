/**
 * The CPU engine's two ways of working with its workers give the same bits: sharing memory (the app is
 * served cross-origin isolated, so workers write the result in place) and moving chunks as transferable
 * buffers (a host without the isolation headers). Both are compared with the engine run inline.
 */
import { expect, test } from '@playwright/test';
import { serveHarness, type HarnessServer } from '../bench/buildPage';
import type { Harness } from '../bench/page/main';

let server: HarnessServer;

test.beforeAll(async () => {
  server = await serveHarness('cpu-memory');
});

test.afterAll(async () => {
  await server?.close();
});

test('workers sharing memory and workers moving chunks both equal the inline run, bit for bit', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const paths = await page.evaluate(() =>
    (window as unknown as { __optiscope: Harness }).__optiscope.cpuPaths(),
  );
  expect(paths.isolated).toBe(true);
  // The batch is not trivial: most runs end finite, the NaN start and the largest rates do not.
  expect(paths.finite).toBeGreaterThan(0.5 * paths.count);
  expect(paths.finite).toBeLessThan(paths.count);
  expect(paths.sharedDiffers).toBe(0);
  expect(paths.movedDiffers).toBe(0);
});

test('the app is served cross-origin isolated, so its CPU engine may share memory', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Outcome map', exact: true })).toBeVisible();
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
});
