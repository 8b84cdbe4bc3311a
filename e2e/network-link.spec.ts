/**
 * A permalink to a network scene reproduces the same network: the link carries the active view and the
 * network scene, and training is deterministic from the seed, so another browser gets the same losses
 * and the same slice contours.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

const networkTab = (page: Page) => page.getByRole('button', { name: 'Network', exact: true });
const controls = (page: Page) => page.getByRole('group', { name: 'Network scene' });

async function trainAndRead(page: Page) {
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('data-phase', 'done', {
    timeout: 100_000,
  });
  const rows = page.getByTestId('network-results').locator('tbody tr');
  const losses = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  const slice = page.getByTestId('network-slice');
  const contours = await slice
    .getByTestId('slice-contour')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
  const trajectories = await slice
    .getByTestId('slice-trajectory')
    .evaluateAll((groups) => groups.map((g) => g.innerHTML));
  return { losses, levels: await slice.getAttribute('data-levels'), contours, trajectories };
}

test('a network link opens the same view, data, network, and trains to the same losses and slice', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await networkTab(page).click();
  await expect(page.getByTestId('network-view')).toBeVisible();
  await expect.poll(() => page.url()).toContain('view=network&net=dataset:moons,');

  await controls(page).getByLabel('Dataset').selectOption('circles');
  await controls(page).getByLabel('Points').fill('120');
  await controls(page).getByLabel('Hidden layers').fill('6, 4');
  await controls(page).getByLabel('Activation').selectOption('relu');
  await controls(page).getByLabel('Steps').fill('60');
  await controls(page).getByLabel('Batch size').fill('24');
  await controls(page).getByLabel('Resolution').selectOption('32');
  await expect.poll(() => page.url()).toContain('nslice=directions:random,seed:7,range:1,resolution:32,');
  const first = await trainAndRead(page);
  expect(first.losses).toHaveLength(3);
  expect(first.contours.length).toBeGreaterThan(5);

  const link = page.url();
  expect(link).toContain(
    '&view=network&net=dataset:circles,size:120,noise:0.15,seed:1,layers:6-4,activation:relu,init:xavier,loss:cross-entropy,l2:0,steps:60,batchSize:24&nopt=',
  );
  // The share dialog offers the very same link.
  await page.getByTestId('share-button').click();
  expect(await page.getByTestId('share-link').inputValue()).toBe(link);
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();

  const other = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1400, height: 900 } });
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByTestId('network-view')).toBeVisible();
  await expect(second.getByTestId('link-warnings')).toHaveCount(0);
  await expect(networkTab(second)).toHaveAttribute('aria-current', 'page');
  await expect(controls(second).getByLabel('Dataset')).toHaveValue('circles');
  await expect(controls(second).getByLabel('Points')).toHaveValue('120');
  await expect(controls(second).getByLabel('Hidden layers')).toHaveValue('6, 4');
  await expect(controls(second).getByLabel('Activation')).toHaveValue('relu');
  await expect(controls(second).getByLabel('Steps')).toHaveValue('60');
  await expect(controls(second).getByLabel('Batch size')).toHaveValue('24');
  await expect(controls(second).getByLabel('Resolution')).toHaveValue('32');
  const again = await trainAndRead(second);
  expect(again.losses).toEqual(first.losses);
  expect(again.levels).toBe(first.levels);
  expect(again.contours).toEqual(first.contours);
  expect(again.trajectories).toEqual(first.trajectories);
  // Opening the link wrote nothing new: its URL is still the link.
  expect(second.url()).toBe(link);
  await other.close();
});

test('back and forward switch between the explorer and the network view', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await networkTab(page).click();
  await expect.poll(() => page.url()).toContain('view=network');
  await controls(page).getByLabel('Dataset').selectOption('xor');
  await expect.poll(() => page.url()).toContain('net=dataset:xor,');

  await page.goBack();
  await expect.poll(() => page.url()).toContain('net=dataset:moons,');
  await expect(controls(page).getByLabel('Dataset')).toHaveValue('moons');
  await page.goBack();
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await expect(page.getByTestId('network-view')).toHaveCount(0);
  expect(page.url()).not.toContain('view=');
  await page.goForward();
  await expect(page.getByTestId('network-view')).toBeVisible();
  await page.goForward();
  await expect(controls(page).getByLabel('Dataset')).toHaveValue('xor');
  await expect(page.getByTestId('link-warnings')).toHaveCount(0);
});
