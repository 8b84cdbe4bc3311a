/**
 * Lecture 003's activation-statistics figure in the network view: each initialization lesson computes
 * its 10 × 500 net on 1,000 inputs in a worker and captions what a person sees; the settings live in the
 * permalink, a damaged one opens with warnings, an over-large net gets a message and a run can be cancelled.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

test.use({ reducedMotion: 'reduce' });

const shots = process.env.SHOTS_DIR;
const settings = (page: Page) => page.getByRole('group', { name: 'Activation statistics settings' });
const status = (page: Page) => page.getByRole('progressbar', { name: 'Statistics progress' });
const caption = (page: Page) => page.getByTestId('network-lesson-caption');

async function openStats(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.getByRole('tab', { name: /Initialization/ }).click();
  await expect(page.getByTestId('activation-stats')).toBeVisible();
}

async function lesson(page: Page, title: RegExp) {
  await settings(page)
    .getByRole('combobox', { name: /^Lesson/ })
    .selectOption({ label: (await optionLabel(page, title))! });
  // The caption is written only once the run of exactly the lesson's settings is complete.
  await expect(caption(page)).not.toHaveText(/computing/, { timeout: 90_000 });
  await expect(status(page)).toHaveAttribute('data-phase', 'done');
}

async function optionLabel(page: Page, title: RegExp) {
  const labels = await settings(page)
    .getByRole('combobox', { name: /^Lesson/ })
    .locator('option')
    .allTextContents();
  return labels.find((l) => title.test(l));
}

/** A number the caption states (the table shows 4 decimals, the caption 3: they agree within 0.005). */
async function captionNumber(page: Page, pattern: RegExp): Promise<number> {
  const text = (await caption(page).textContent()) ?? '';
  const match = pattern.exec(text);
  expect(match, `caption ${text} has ${pattern}`).not.toBeNull();
  return Number(match![1]);
}

const stdOf = async (page: Page, layer: number) =>
  Number(
    await page
      .getByTestId('stats-table')
      .locator('tbody tr')
      .nth(layer - 1)
      .locator('td')
      .nth(2)
      .textContent({ timeout: 5000 }),
  );

test('each initialization lesson shows its figure and a caption true of it', async ({ page }) => {
  test.setTimeout(400_000);
  await openStats(page);

  await lesson(page, /collapse/);
  await expect(page.getByTestId('stats-histogram')).toHaveCount(10);
  await expect(page.getByTestId('stats-std')).toHaveAttribute('data-scale', 'log');
  await page.getByText('Per-layer numbers').click();
  const first = await stdOf(page, 1);
  expect(first).toBeGreaterThan(0.2);
  expect(first).toBeLessThan(0.23);
  expect(await captionNumber(page, /falls from ([\d.]+) in layer 1/)).toBeCloseTo(first, 2);
  expect(await stdOf(page, 10)).toBeLessThan(1e-5);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/stats-collapse.png`, fullPage: true });
  }

  await lesson(page, /1\.0·randn/);
  await expect(caption(page)).toContainText('within 1% of −1 or +1');
  expect(await stdOf(page, 10)).toBeGreaterThan(0.97);

  await lesson(page, /^Xavier: a reasonable/);
  expect(await stdOf(page, 1)).toBeCloseTo(0.63, 1);
  expect(await stdOf(page, 10)).toBeGreaterThan(0.2);
  expect(await captionNumber(page, /goes from ([\d.]+) in layer 1/)).toBeCloseTo(await stdOf(page, 1), 2);

  await lesson(page, /Xavier with ReLU/);
  const relu10 = await stdOf(page, 10);
  expect(relu10).toBeLessThan(0.05);
  expect(await captionNumber(page, /to ([\d.]+)\. Each layer/)).toBeCloseTo(relu10, 2);

  await lesson(page, /He initialization/);
  expect(await stdOf(page, 10)).toBeGreaterThan(0.5);
  await expect(caption(page)).toContainText('over all 10 layers');

  await lesson(page, /gradients vanish/);
  await expect(page.getByTestId('stats-gradients')).toHaveAttribute('data-scale', 'log');
  await expect(caption(page)).toContainText('at layer 10 but');
  const ratio = await captionNumber(page, /at layer 1, ([\d.e+-]+) times as much/);
  expect(ratio).toBeGreaterThan(0);
  expect(ratio).toBeLessThan(1e-3);
  await expect(page.getByTestId('stats-gradients').getByTestId('chart-line')).toHaveCount(1);
  if (shots) await page.screenshot({ path: `${shots}/stats-vanishing.png`, fullPage: true });

  await lesson(page, /Batch norm/);
  await expect(settings(page).getByRole('combobox', { name: /^Normalization/ })).toHaveValue('batch');
  expect(await stdOf(page, 10)).toBeGreaterThan(0.5);
  await expect(caption(page)).toContainText('no vanishing');
  await expect(page.getByTestId('activation-stats')).toContainText('H = f(BN(X·W))');

  await lesson(page, /W = 0/);
  await expect(caption(page)).toContainText('outputs 0.500 on every input');
  await expect(caption(page)).toContainText('between two units of one layer is 0.');
  const spreads = await page.getByTestId('stats-table').locator('tbody tr td:nth-child(6)').allTextContents();
  expect(spreads).toEqual(new Array(10).fill('0'));
  if (shots) await page.screenshot({ path: `${shots}/stats-zero.png`, fullPage: true });

  // Editing a setting leaves the lesson (its caption describes its own settings only) and reruns live.
  await settings(page)
    .getByRole('combobox', { name: /^Initialization/ })
    .selectOption('xavier');
  await expect(page.getByTestId('network-lesson')).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  expect(await stdOf(page, 1)).toBeGreaterThan(0.1);
});

test('the settings and lesson are in the link; a damaged link opens with warnings', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);
  await openStats(page);
  await lesson(page, /collapse/);
  await settings(page).getByLabel('Units per layer').fill('200');
  await settings(page).getByLabel('Gain (× the initialization)').fill('3');
  await expect
    .poll(() => page.url())
    .toContain('nstats=depth:10,width:200,activation:tanh,init:small,gain:3,');
  expect(page.url()).toContain('ntab=stats');
  await expect(status(page)).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await page.getByText('Per-layer numbers').click();
  const here = await stdOf(page, 4);

  const second = await browser.newPage();
  await second.goto(page.url());
  await expect(second.getByTestId('activation-stats')).toBeVisible();
  await expect(settings(second).getByLabel('Gain (× the initialization)')).toHaveValue('3');
  await expect(status(second)).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await second.getByText('Per-layer numbers').click();
  expect(await stdOf(second, 4)).toBe(here);
  await expect(second.getByTestId('link-warnings')).toHaveCount(0);

  const damaged =
    page.url().replace(/nstats=[^&]*/, 'nstats=depth:99,width:abc,activation:swish') + '&nlesson=nope';
  await second.goto('about:blank');
  await second.goto(damaged);
  await expect(second.getByTestId('link-warnings')).toContainText('network statistics depth: 99 is outside');
  await expect(second.getByTestId('link-warnings')).toContainText("'swish' is not one of");
  await expect(second.getByTestId('activation-stats')).toContainText(
    "a lesson 'nope' this version does not have",
  );
  await expect(settings(second).getByLabel('Hidden layers')).toHaveValue('20');
  await second.close();
});

test('a net beyond the limit gets a message; a long run can be cancelled', async ({ page }) => {
  test.setTimeout(200_000);
  await openStats(page);
  await settings(page).getByLabel('Hidden layers').fill('20');
  await settings(page).getByLabel('Units per layer').fill('1000');
  await settings(page).getByLabel('Inputs in the batch').fill('2000');
  await expect(page.getByTestId('activation-stats')).toContainText(
    '20 layers × 1000 units on 2000 inputs is 40.0 billion multiply-adds',
  );
  await expect(status(page)).toHaveAttribute('data-phase', 'too-large');

  await settings(page).getByLabel('Inputs in the batch').fill('300');
  await expect(status(page)).toHaveAttribute('data-phase', 'running', { timeout: 10_000 });
  // Layers arrive one by one from the worker; cancel mid-run keeps those and stops the rest.
  await expect(page.getByTestId('stats-status')).toContainText(/layer [1-9]\d*\/20/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveAttribute('data-phase', 'cancelled');
  await expect(page.getByTestId('stats-status')).toContainText(/cancelled at layer [1-9]\d*\/20/);
  const shown = await page.getByTestId('stats-histogram').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(20);
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('stats-histogram')).toHaveCount(shown);
});
