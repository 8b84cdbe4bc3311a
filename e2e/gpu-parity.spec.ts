/**
 * GPU parity in a real browser: headless Chromium with --enable-unsafe-webgpu offers SwiftShader's
 * software adapter, so the WGSL kernels really run. The harness page (bench/page) is built and served
 * by the test itself; it is not part of the app bundle.
 */
import { expect, test } from '@playwright/test';
import { serveHarness, type HarnessServer } from '../bench/buildPage';
import type { Harness } from '../bench/page/main';
import type { ParityRow } from '../src/gpu/parity';

let server: HarnessServer;

test.beforeAll(async () => {
  server = await serveHarness('gpu-parity');
});

test.afterAll(async () => {
  await server?.close();
});

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test('every optimizer × built-in surface and typed expressions: WebGPU (float32) follows the CPU (float64)', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const adapter = await page.evaluate(() =>
    (window as unknown as { __optiscope: Harness }).__optiscope.adapter(),
  );
  test.skip(adapter === null, 'no WebGPU adapter in this browser');
  const rows = (await page.evaluate(() =>
    (window as unknown as { __optiscope: Harness }).__optiscope.gpuParity(),
  )) as ParityRow[];
  const failures = rows.filter((row) => !row.ok);
  expect(failures, JSON.stringify(failures, null, 1)).toEqual([]);
  expect(rows.filter((row) => !row.chaotic).length).toBeGreaterThan(0.9 * rows.length);
});

test('the engine the views get is WebGPU here, and runs a batch', async ({ page }) => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const smoke = await page.evaluate(() =>
    (window as unknown as { __optiscope: Harness }).__optiscope.engineSmoke(),
  );
  expect(smoke.kind).toBe('webgpu');
  expect(smoke.name).toMatch(/^WebGPU · /);
  expect(smoke.finalLoss).toBeLessThan(1e-3);
});
