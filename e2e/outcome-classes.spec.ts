/**
 * Honest outcomes on the lectures' saddle w1³ + w2² (issue 20): the outcome map names what became of each
 * start — a minimum, stuck at the saddle, ran off to −∞, diverged, still moving — instead of counting
 * Adam's slide to loss −2.8e4 as "reached the tolerance" and momentum's escape as "diverged"; and its
 * legend explains every color on every map.
 */
import { expect, test, type Page } from '@playwright/test';
import { pickLesson } from './lecture-layout.support';

test.use({ reducedMotion: 'reduce' });

const section = (page: Page) => page.getByRole('region', { name: 'Outcome map' });

test('the saddle lesson mapped: classes, not "reached"/"diverged", and a legend for every color', async ({
  page,
}) => {
  await page.goto('/');
  await pickLesson(page, 'saddle');
  await page.getByRole('button', { name: 'Outcome map', exact: true }).click();
  await expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  const legend = page.getByTestId('map-legend');
  await expect(legend).toContainText('ran off to −∞');
  await expect(legend).toContainText('stuck at a saddle');
  const figures = page.getByTestId('outcome-figure');
  const adam = figures.filter({ hasText: 'Adam' }).first();
  // No listed minimum: "reached the tolerance" is not claimed; Adam's runs are still moving or ran off.
  await expect(adam.getByTestId('outcome-shares')).not.toContainText('reached the tolerance');
  await expect(adam.getByTestId('outcome-classes')).toContainText(/still moving|ran off to −∞/);
  await expect(adam.getByTestId('outcome-classes')).not.toContainText('minimum');
  const newton = figures.filter({ hasText: 'Newton' }).first();
  await expect(newton.getByTestId('outcome-classes')).toContainText('saddle');
  const momentum = figures.filter({ hasText: 'SGD + momentum' }).first();
  await expect(momentum.getByTestId('outcome-classes')).toContainText('ran off to −∞');

  // Every color drawn on any map has a legend entry.
  const legendColors = await legend
    .locator('span > span')
    .evaluateAll((swatches) =>
      swatches.map((s) => getComputedStyle(s).backgroundColor).filter((c) => c.startsWith('rgb')),
    );
  const drawn = await page.getByTestId('heatmap').evaluateAll((canvases) => {
    const seen = new Set<string>();
    for (const element of canvases) {
      const c = element as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 4) seen.add(`rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`);
    }
    return [...seen];
  });
  expect(drawn.length).toBeGreaterThan(1);
  for (const color of drawn) expect(legendColors, `legend entry for ${color}`).toContain(color);
});

test('Compare on the unbounded saddle says why the comparison does not apply', async ({ page }) => {
  await page.goto('/');
  await pickLesson(page, 'saddle');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const region = page.getByRole('region', { name: 'Fair comparison' });
  await expect(region).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const note = page.getByTestId('compare-does-not-apply');
  await expect(note).toBeVisible();
  await expect(note).toContainText('unbounded below');
  await expect(note).toContainText('ran off to −∞');
  await expect(page.getByTestId('compare-figure').first()).toBeHidden();
});

test('Compare on the ravine (a minimum) still ranks the settings', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const region = page.getByRole('region', { name: 'Fair comparison' });
  await expect(region).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('compare-does-not-apply')).toHaveCount(0);
  await expect(page.getByTestId('compare-figure').first()).toBeVisible();
});
