/** The fair comparison: every optimizer over 64 learning rates on WebGPU, the objective stated and switchable. */
import { expect, test, type Page } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
});

const section = (page: Page) => page.getByRole('region', { name: 'Fair comparison' });
const waitDone = (page: Page) =>
  expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

test('charts objective vs lr per optimizer with ranges, best runs and the objective stated', async ({
  page,
}) => {
  await expect(page.getByTestId('engine-name')).toContainText('WebGPU', { timeout: 15_000 });
  await waitDone(page);
  // SGD and SGD + momentum differ only in the swept momentum: one figure.
  const figures = page.getByTestId('compare-figure');
  await expect(figures).toHaveCount(5);
  await expect(figures.first()).toContainText('SGD / SGD + momentum');
  await expect(page.getByTestId('compare-objective')).toContainText('Objective: final loss after 150 steps');
  const adam = page.locator('[data-testid="compare-figure"][data-optimizer="Adam"]');
  await expect(adam.getByTestId('lr-curve')).toHaveCount(4);
  await expect(adam.getByTestId('compare-summary')).toContainText(/converges for η ∈ .* decades/);
  await expect(adam.getByTestId('converging-range')).toHaveCount(1);
  await expect(adam.getByTestId('thumb-trajectory').locator('path').last()).toHaveAttribute(
    'd',
    /^M[-\d.]+,[-\d.]+L/,
  );
  // Plain SGD diverges for large rates: red ticks on its chart.
  expect(await figures.first().locator('line[stroke="#e11d48"]').count()).toBeGreaterThan(5);

  await page.getByLabel('objective', { exact: true }).selectOption('steps');
  await expect(page.getByTestId('compare-objective')).toContainText('steps until loss − min ≤ 0.001');
  await page.getByLabel('objective', { exact: true }).selectOption('probe');
  await page.getByLabel('probe step k', { exact: true }).fill('20');
  await waitDone(page);
  await expect(page.getByTestId('compare-objective')).toContainText('loss at step 20 of 150');
  await expect(adam.getByTestId('compare-summary')).toContainText('loss at step 20');
});
