/**
 * The network view: choose a data set and a network, train, and see the slice's contours with the
 * optimizers' trajectories. Assumes a top-level view switcher entry named "Network" (button or tab).
 */
import { expect, test, type Page } from '@playwright/test';

const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );

async function openNetworkView(page: Page) {
  await page.goto('/');
  const tab = page
    .getByRole('tab', { name: 'Network' })
    .or(page.getByRole('button', { name: 'Network', exact: true }));
  if ((await tab.count()) > 0) {
    // The default analytic scene loads neither the network view's code nor tfjs.
    expect(
      (await scriptsLoaded(page)).filter((name) => /\/(NetworkView|engine)-[^/]*\.js$/.test(name)),
    ).toEqual([]);
    await tab.first().click();
  }
  await expect(page.getByTestId('network-view')).toBeVisible();
}

test('tfjs is not loaded until the user trains', async ({ page }) => {
  await openNetworkView(page);
  expect((await scriptsLoaded(page)).filter((name) => /\/engine-[^/]*\.js$/.test(name))).toEqual([]);
  await expect(page.getByTestId('network-backend')).toContainText('—');
});

test('train a network and see its loss slice with trajectories', async ({ page }) => {
  test.setTimeout(120_000);
  await openNetworkView(page);
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByLabel('Dataset').selectOption('circles');
  await controls.getByLabel('Points').fill('120');
  await controls.getByLabel('Hidden layers').fill('8');
  await controls.getByLabel('Activation').selectOption('relu');
  await controls.getByLabel('Initialization').selectOption('he');
  await controls.getByLabel('Steps').fill('120');
  await controls.getByLabel('Batch size').fill('20');
  await controls.getByLabel('Resolution').selectOption('64');
  await page.getByRole('button', { name: /^Train/ }).click();

  const progress = page.getByRole('progressbar', { name: 'Progress' });
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 100_000 });
  await expect(page.getByTestId('network-backend')).toHaveText(/backend: (webgpu|webgl|cpu)/);

  const slice = page.getByTestId('network-slice');
  await expect(slice).toBeVisible();
  expect(await slice.getByTestId('slice-contour').count()).toBeGreaterThan(5);
  await expect(slice.getByTestId('slice-trajectory')).toHaveCount(3);
  await expect(slice.getByTestId('projected-trajectory')).toHaveCount(3);
  await expect(page.getByTestId('decision-regions')).toBeVisible();
  await expect(page.getByTestId('network-loss').getByTestId('chart-line')).toHaveCount(6); // full + mini-batch per optimizer
  await expect(page.getByTestId('network-interpolation')).toBeVisible();

  // Every optimizer lowered the loss.
  const rows = page.getByTestId('network-results').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (let k = 0; k < 3; k++) {
    const before = Number(await rows.nth(k).locator('td').nth(1).innerText());
    const after = Number(await rows.nth(k).locator('td').nth(2).innerText());
    expect(after).toBeLessThan(before);
  }

  // Hovering the slice shows the network at that point of the plane.
  const caption = page.getByTestId('network-data').locator('figcaption');
  const box = (await slice.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect(caption).not.toContainText('α = 0.00, β = 0.00');

  // The scene is plain JSON (for links) and training again with another seed leaks no tensors.
  const json = JSON.parse((await page.getByTestId('network-scene-json').textContent()) ?? '{}');
  expect(json).toMatchObject({
    dataset: 'circles',
    size: 120,
    layers: [8],
    activation: 'relu',
    init: 'he',
    steps: 120,
    batchSize: 20,
  });
  const tensors = await page.getByTestId('network-tensors').innerText();
  await controls.getByLabel('Seed', { exact: true }).fill('2');
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(progress).toHaveAttribute('data-phase', 'training');
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 100_000 });
  await expect(page.getByTestId('network-tensors')).toHaveText(tensors);
});

test('PCA directions put the reference trajectory on the plane', async ({ page }) => {
  test.setTimeout(120_000);
  await openNetworkView(page);
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByLabel('Dataset').selectOption('sine');
  await controls.getByLabel('Steps').fill('80');
  await controls.getByLabel('Directions').selectOption('pca');
  await controls.getByLabel('Resolution').selectOption('32');
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('data-phase', 'done', {
    timeout: 100_000,
  });
  await expect(page.getByText(/PCA explains/)).toBeVisible();
  await expect(page.getByTestId('regression-fit')).toBeVisible();
});

test('the trained slice opens in the explorer, with its loss and effective-rate panels', async ({ page }) => {
  test.setTimeout(120_000);
  await openNetworkView(page);
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByLabel('Steps').fill('60');
  await controls.getByLabel('Resolution').selectOption('32');
  await page.getByRole('button', { name: /^Train/ }).click();
  const progress = page.getByRole('progressbar', { name: 'Progress' });
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 100_000 });

  await page.getByRole('button', { name: 'Open slice in explorer' }).click();
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  // The explorer's optimizers run on the slice: contours, one path per optimizer, finite losses.
  expect(Number(await page.getByTestId('contours').getAttribute('data-levels'))).toBeGreaterThan(3);
  const paths = page.getByTestId('trajectory-path');
  expect(await paths.count()).toBeGreaterThan(0);
  const d = (await paths.first().getAttribute('d')) ?? '';
  expect(d).toMatch(/^M[\d.-]+,[\d.-]+L/);
  expect(d).not.toMatch(/NaN|Infinity/);
  await expect(page.getByText(/Effective learning rate/).first()).toBeVisible();
});
