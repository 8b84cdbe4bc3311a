/** Without --enable-unsafe-webgpu Chromium offers no adapter: the views' engine must be the CPU workers. */
import { expect, test } from '@playwright/test';
import { serveHarness, type HarnessServer } from '../bench/buildPage';
import type { Harness } from '../bench/page/main';

test.use({
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
});

let server: HarnessServer;

test.beforeAll(async () => {
  server = await serveHarness('gpu-fallback');
});

test.afterAll(async () => {
  await server?.close();
});

test('without WebGPU the batch engine falls back to CPU workers and says so', async ({ page }) => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const smoke = await page.evaluate(() =>
    (window as unknown as { __optiscope: Harness }).__optiscope.engineSmoke(),
  );
  expect(smoke.kind).toBe('cpu');
  expect(smoke.name).toMatch(/^CPU · \d+ workers?$/);
  expect(smoke.notice).toMatch(/not available/);
  expect(smoke.finalLoss).toBeLessThan(1e-3);
});
