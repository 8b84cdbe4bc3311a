/** The hyperparameter sweep: a small grid on WebGPU, hover for a cell's run, click to apply it. */
import { expect, test, type Page } from '@playwright/test';

let consoleErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Sweep', exact: true }).click();
  await page.getByLabel('grid', { exact: true }).selectOption('32');
});
test.afterEach(() => {
  expect(consoleErrors, 'console errors').toEqual([]);
});

const section = (page: Page) => page.getByRole('region', { name: 'Hyperparameter sweep' });
const waitDone = (page: Page) =>
  expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

test('sweeps SGD lr × momentum on WebGPU; hover shows the run; click applies it', async ({ page }) => {
  await expect(page.getByTestId('engine-name')).toContainText('WebGPU', { timeout: 15_000 });
  await waitDone(page);
  await expect(page.getByRole('status')).toContainText('1,024 settings × 1 optimizer × 150 steps');
  const map = page.getByTestId('heatmap');
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await expect(map).toHaveAttribute('width', '32');
  await expect(page.getByTestId('sweep-shares')).toContainText(/diverges in [1-9]\d*%/);
  await expect(page.getByTestId('map-legend')).toContainText('diverged');

  // Left third of the lr axis (1e-4 … 10, log): a small rate; middle of μ ∈ [0, 0.99].
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const hover = page.getByTestId('sweep-hover');
  await expect(hover).toContainText(/SGD η = 0\.00\d+, μ = 0\.[45]\d+/);
  await expect(hover).toContainText(/final loss|diverged/);
  await expect(page.getByTestId('thumb-trajectory').locator('path').last()).toHaveAttribute(
    'd',
    /^M[-\d.]+,[-\d.]+L/,
  );

  // Far right: lr ≈ 10 diverges; click applies it to the explorer's SGD and switches there.
  await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.5);
  await expect(hover).toContainText('diverged at step');
  await page.mouse.click(box.x + box.width * 0.97, box.y + box.height * 0.5);
  await expect(page.getByRole('button', { name: 'Explorer', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByTestId('legend-entry').first()).toContainText(/η=[5-9]\.\d+ · μ=0\.[45]\d/);
});

test('the lecture-002 preset puts SGD and Adam side by side with a computed caption', async ({ page }) => {
  await waitDone(page);
  await page.getByLabel('preset', { exact: true }).selectOption('robustness');
  await waitDone(page);
  await expect(page.getByTestId('sweep-figure')).toHaveCount(2);
  await expect(page.getByTestId('sweep-figure').nth(1)).toHaveAttribute('data-optimizer', 'Adam');
  const caption = page.getByTestId('robustness-caption');
  await expect(caption).toContainText('Adam is robust to its hyperparameters');
  const [sgd, adam] = (await caption.locator('strong').allInnerTexts()).map((t) =>
    Number(t.replace('%', '')),
  );
  expect(adam).toBeGreaterThan(sgd!);
  for (const map of await page.getByTestId('heatmap').all())
    await expect(map).toHaveAttribute('data-drawn', 'true');
});
