/**
 * The training experiments tab (lectures 003 and 002): preprocessing's four data clouds and loss surfaces
 * with GD's steps counted, batch norm against the plain net under three init scales, and per-layer
 * gradient norms during training; each caption is checked against what the page shows, the settings live
 * in the permalink, and a damaged link opens with warnings.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

test.use({ reducedMotion: 'reduce' });

const shots = process.env.SHOTS_DIR;
const settings = (page: Page) => page.getByRole('group', { name: 'Training experiment settings' });
const status = (page: Page) => page.getByRole('progressbar', { name: 'Experiment progress' });
const caption = (page: Page) => page.getByTestId('experiment-caption');

async function openExperiments(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.getByRole('tab', { name: /Preprocessing, batch norm/ }).click();
  await expect(page.getByTestId('training-experiments')).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test('preprocessing: four clouds and surfaces; the caption states the κ and steps each panel shows', async ({
  page,
}) => {
  await openExperiments(page);
  const cases = page.locator('.nn-prep-case');
  await expect(cases).toHaveCount(4);
  await expect(page.getByTestId('prep-cloud')).toHaveCount(4);
  await expect(page.getByTestId('prep-surface')).toHaveCount(4);
  const steps = (await page.getByTestId('prep-steps').allTextContents()).map(Number);
  const kappas = (await page.getByTestId('prep-condition').allTextContents()).map(Number);
  // Each step of preprocessing rounds the bowl and GD needs fewer steps; whitened takes one.
  for (let k = 1; k < 4; k++) {
    expect(kappas[k]!).toBeLessThan(kappas[k - 1]!);
    expect(steps[k]!).toBeLessThan(steps[k - 1]!);
  }
  expect(kappas[3]).toBe(1);
  expect(steps[3]).toBe(1);
  const text = (await caption(page).textContent()) ?? '';
  expect(text).toContain(`needs ${steps[0]} steps`);
  expect(text).toContain(`GD needs ${steps[2]} steps, fewer`);
  expect(text).toMatch(/one step of gradient descent lands on the minimum/);
  await shot(page, 'preprocessing-1400');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'preprocessing-1024-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'preprocessing-390');
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1400, height: 900 });
  // A setting goes into the link; without offset the raw case is as round as the centred one.
  await settings(page)
    .getByRole('spinbutton', { name: /Feature means/ })
    .fill('0');
  await expect(page).toHaveURL(/nexp=kind:preprocessing,offset:0,/);
  await expect(caption(page)).toContainText('Zero-centred: κ');
});

test('batch norm: trains at every init scale where the plain net does not; the caption says so', async ({
  page,
}) => {
  await openExperiments(page);
  await settings(page).getByRole('combobox', { name: 'Experiment' }).selectOption('batchnorm');
  await expect(page).toHaveURL(/nexp=kind:batchnorm/);
  await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('bn-scale')).toHaveCount(3);
  await expect(page.getByTestId('bn-loss').first().locator('[data-testid="chart-line"]')).toHaveCount(2);
  await expect(caption(page)).toContainText('with batch norm 3 of 3 init scales reach a loss below 0.1');
  await expect(caption(page)).toContainText(/Without it [0-2] of 3 do/);
  await expect(caption(page)).toContainText('batch norm is less sensitive');
  await shot(page, 'batchnorm-1400');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'batchnorm-390');
});

test('gradient norms: sigmoid vanishes, ReLU/He and BN do not; a log axis; the link reopens it', async ({
  page,
}) => {
  await openExperiments(page);
  await settings(page).getByRole('combobox', { name: 'Experiment' }).selectOption('gradients');
  await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('grad-ratio')).toHaveAttribute('data-scale', 'log');
  await expect(page.getByTestId('grad-ratio').locator('[data-testid="chart-line"]')).toHaveCount(4);
  await expect(caption(page)).toContainText(/Sigmoid, Xavier: .* it vanishes/);
  await expect(caption(page)).toContainText(/ReLU, He: .* it does not vanish/);
  await expect(caption(page)).toContainText(/Sigmoid \+ BN: .* it does not vanish/);
  const url = page.url();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'gradients-1024-dark');
  await page.goto(url);
  await expect(page.getByTestId('training-experiments')).toBeVisible();
  await expect(settings(page).getByRole('combobox', { name: 'Experiment' })).toHaveValue('gradients');
});

test('a damaged experiments link opens with warnings and the nearest valid settings', async ({ page }) => {
  await openExperiments(page);
  await settings(page)
    .getByRole('spinbutton', { name: /Points/ })
    .fill('150');
  await expect(page).toHaveURL(/nexp=[^&]*points:150/);
  const damaged = page
    .url()
    .replace(/nexp=[^&]*/, 'nexp=kind:preprocessing,ratio:abc,correlation:7,offset:2');
  await page.goto('about:blank');
  await page.goto(damaged);
  const warnings = page.getByTestId('link-warnings');
  await expect(warnings).toContainText("network experiments ratio: 'abc' is not a number");
  await expect(warnings).toContainText('network experiments correlation: 7 is outside');
  await expect(page.getByTestId('training-experiments')).toBeVisible();
  await expect(settings(page).getByRole('spinbutton', { name: /Correlation/ })).toHaveValue('0.99');
  await expect(settings(page).getByRole('spinbutton', { name: /Feature means/ })).toHaveValue('2');
  await expect(page.locator('.nn-prep-case')).toHaveCount(4);
});

test('a long run can be cancelled; nets beyond the work cap get a message, not a frozen tab', async ({
  page,
}) => {
  await openExperiments(page);
  await settings(page).getByRole('combobox', { name: 'Experiment' }).selectOption('batchnorm');
  await settings(page).getByRole('spinbutton', { name: 'Steps' }).fill('1000');
  await expect(status(page)).toHaveAttribute('data-phase', 'running');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveAttribute('data-phase', 'cancelled');
  await expect(page.getByText('cancelled: the nets trained so far are shown')).toBeVisible();
  await settings(page).getByRole('spinbutton', { name: 'Hidden layers' }).fill('16');
  await settings(page).getByRole('spinbutton', { name: 'Units per layer' }).fill('64');
  await expect(status(page)).toHaveAttribute('data-phase', 'too-large');
  await expect(
    page.getByText(/billion multiply-adds, more than the 4 billion this page trains/),
  ).toBeVisible();
  // The page still answers: a smaller net trains.
  await settings(page).getByRole('spinbutton', { name: 'Steps' }).fill('20');
  await settings(page).getByRole('spinbutton', { name: 'Units per layer' }).fill('8');
  await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
});

test('the training tab trains with the SVM hinge loss and an L1 penalty, both in the link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByRole('combobox', { name: 'Loss', exact: true }).selectOption('hinge');
  await controls.getByLabel('L1 λ').fill('0.001');
  await controls.getByLabel('Steps').fill('60');
  await controls.getByLabel('Resolution').selectOption('32');
  await expect(page).toHaveURL(/net=[^&]*loss:hinge,l2:0,l1:0\.001,/);
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('data-phase', 'done', {
    timeout: 100_000,
  });
  const rows = page.getByTestId('network-results').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // Every optimizer lowers the hinge loss from the shared start.
  for (let k = 0; k < 3; k++) {
    const [start, end] = (await rows.nth(k).locator('td').allTextContents()).slice(1, 3).map(Number);
    expect(end!).toBeLessThan(start!);
  }
  await expect(page.getByTestId('network-scene-json')).toContainText('"loss": "hinge"');
});
