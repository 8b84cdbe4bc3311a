/**
 * Real data in the network view: the UCI digits load when the tab opens, with their source credited; an
 * MLP trains on them in the page with the chosen optimizers and shows test accuracy well above chance;
 * the settings and optimizers live in the permalink, and a damaged one opens with warnings.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

test.use({ reducedMotion: 'reduce' });

const shots = process.env.SHOTS_DIR;
const settings = (page: Page) => page.getByRole('group', { name: 'Digits training settings' });
const panel = (page: Page) => page.getByTestId('digits-panel');

async function openDigits(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.getByRole('tab', { name: /Real data/ }).click();
  await expect(panel(page)).toBeVisible();
}

/** Test accuracy (%) per optimizer row of the results table. */
async function testAccuracies(page: Page): Promise<number[]> {
  const cells = await page
    .getByTestId('digits-results')
    .locator('tbody tr td:nth-child(5)')
    .allTextContents();
  return cells.map((text) => Number.parseFloat(text));
}

test('the digits load with their source, train with every optimizer chosen, and beat chance', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openDigits(page);
  const source = page.getByTestId('digits-source');
  await expect(source).toContainText('UCI ML repository');
  await expect(source).toContainText('Alpaydin & Kaynak 1998');
  await expect(source).toContainText('scikit-learn');
  await expect(source).toContainText('1,797 images of the digits 0–9; 1,437 train');
  await expect(source).toContainText('360 are held out');
  await expect(panel(page).getByRole('img', { name: /^digit \d$/ })).toHaveCount(10);

  await settings(page).getByLabel('Steps').fill('120');
  await settings(page).getByLabel('Add optimizer').selectOption('AdamW');
  await expect(settings(page).getByRole('combobox', { name: /^Optimizer \d/ })).toHaveCount(5);
  await panel(page).getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('digits-status')).toHaveText('trained 120 steps', { timeout: 180_000 });
  await expect(page.getByTestId('digits-batches')).toHaveText(
    'Mini-batches of 32: 44 steps per epoch, 2.7 epochs.',
  );
  const rows = page.getByTestId('digits-results').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(4)).toContainText('AdamW');
  // Ten balanced classes: chance is 10 %; each optimizer is far above it after 120 steps.
  for (const accuracy of await testAccuracies(page)) expect(accuracy).toBeGreaterThan(50);
  await expect(page.getByTestId('digits-loss')).toBeVisible();
  await expect(page.getByTestId('digits-accuracy')).toBeVisible();

  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${shots}/digits-1024.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/digits-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('theme-toggle').click();
    await page.screenshot({ path: `${shots}/digits-dark.png`, fullPage: true });
  }
});

test('the digits settings are in the link; a damaged link opens with warnings', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openDigits(page);
  await settings(page).getByLabel('Hidden widths').fill('48-16');
  await settings(page).getByLabel('Batch size').fill('2000');
  await settings(page).getByLabel('Learning rate 4').fill('0.003');
  await expect
    .poll(() => page.url())
    .toContain('ndigits=layers:48-16,activation:relu,init:he,steps:300,batchSize:2000');
  expect(page.url()).toMatch(/ndopt=[^&]*Adam:lr=0\.003/);
  expect(page.url()).toContain('ntab=digits');

  const second = await browser.newPage();
  await second.goto(page.url());
  await expect(panel(second)).toBeVisible();
  await expect(settings(second).getByLabel('Hidden widths')).toHaveValue('48-16');
  await expect(settings(second).getByLabel('Learning rate 4')).toHaveValue('0.003');
  await expect(second.getByTestId('link-warnings')).toHaveCount(0);
  // Full batch: one step is one epoch.
  await settings(second).getByLabel('Steps').fill('3');
  await panel(second).getByRole('button', { name: 'Train' }).click();
  await expect(second.getByTestId('digits-batches')).toHaveText(
    'Full batch: each step sees all 1,437 training images (3 epochs).',
    { timeout: 60_000 },
  );

  const damaged = page
    .url()
    .replace(/ndigits=[^&]*/, 'ndigits=layers:48-x,steps:99999,activation:swish')
    .replace(/ndopt=[^&]*/, 'ndopt=Newton;Adam:lr=0.01');
  await second.goto('about:blank');
  await second.goto(damaged);
  const warnings = second.getByTestId('link-warnings');
  await expect(warnings).toContainText("network digits layers: '48-x' is not widths");
  await expect(warnings).toContainText(
    'network digits steps: 99999 is outside integers [1, 2000]; using 2000',
  );
  await expect(warnings).toContainText('digits optimizer Newton dropped');
  await expect(panel(second)).toBeVisible();
  await expect(settings(second).getByLabel('Steps')).toHaveValue('2000');
  await expect(settings(second).getByRole('combobox', { name: /^Optimizer \d/ })).toHaveCount(1);
  await second.close();
});

test('mini-batch vs full batch: a noisy and a smooth loss, epochs counted, caption true of the run', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openDigits(page);
  await settings(page).getByLabel('Compare').selectOption('batch');
  await settings(page).getByLabel('Steps').fill('80');
  await expect.poll(() => page.url()).toMatch(/ndigits=[^&]*steps:80,[^&]*mode:batch/);
  await panel(page).getByRole('button', { name: 'Train' }).click();
  const caption = page.getByTestId('digits-batch-caption');
  await expect(caption).toBeVisible({ timeout: 150_000 });
  await expect(caption).toContainText('SGD, 80 updates each. With mini-batches of 32');
  await expect(caption).toContainText(
    'With the full batch of 1,437 images it never rose from one step to the next',
  );
  await expect(caption).toContainText(
    'passed over the data 1.8 times (epochs), the full batch 80 times, 44× the gradient work',
  );
  const rises = /rose from one step to the next (\d+) times in 79/.exec((await caption.textContent()) ?? '');
  expect(rises, 'the mini-batch loss rose at least once').not.toBeNull();
  expect(Number(rises![1])).toBeGreaterThan(10);
  const comparison = page.getByTestId('digits-batch-comparison');
  await expect(comparison.getByText('Mini-batches of 32', { exact: true })).toBeVisible();
  await expect(comparison.getByText('Full batch (1,437 images)', { exact: true })).toBeVisible();
  // Each chart draws its 80 losses as one line.
  await expect(page.getByTestId('digits-minibatch-loss')).toHaveAttribute('aria-label', /1 lines/);
  await expect(page.getByTestId('digits-fullbatch-loss')).toBeVisible();
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${shots}/digits-batch-1024.png`, fullPage: true });
    await page.getByTestId('theme-toggle').click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/digits-batch-dark-390.png`, fullPage: true });
  }
});

test('the SVM loss with elastic net: the equation in force is shown, trains, and is in the link', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openDigits(page);
  const equation = page.getByTestId('digits-equation');
  await expect(equation).toHaveText('L_i = −log(e^{s_y} / Σ_j e^{s_j});  L = (1/N) Σ_i L_i');
  await settings(page).getByRole('combobox', { name: /^Loss/ }).selectOption('hinge');
  await settings(page).getByLabel('Regularizer').selectOption('elastic');
  await settings(page).getByLabel('λ (strength)').fill('0.001');
  await settings(page).getByLabel('β (W² weight)').fill('0.5');
  await expect(equation).toHaveText(
    'L_i = Σ_{j≠y} max(0, s_j − s_y + 1);  L = (1/N) Σ_i L_i + 0.001·Σ (0.5·W² + |W|)',
  );
  await expect
    .poll(() => page.url())
    .toMatch(/ndigits=[^&]*loss:hinge,regularizer:elastic,lambda:0\.001,beta:0\.5/);
  await settings(page).getByLabel('Steps').fill('100');
  await panel(page).getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('digits-status')).toHaveText('trained 100 steps', { timeout: 150_000 });
  for (const accuracy of await testAccuracies(page)) expect(accuracy).toBeGreaterThan(50);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/digits-loss-390.png`, fullPage: true });
  }
});
