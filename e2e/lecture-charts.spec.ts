/**
 * Charts with a diverging run (issue 20): the loss axis follows the runs that stayed in the box, and the
 * diverged run is marked where it leaves the chart, instead of one run stretching the axis to 1e14 and
 * flattening every other curve.
 */
import { expect, test } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

// SGD at lr 0.05 on w1² + 25 w2² grows |w2| by 1.5 per step and leaves the box near step 34.
const SCENE = '/#v=1&m=1&s=quadratic&w=-1,-1&n=100&o=SGD:lr=0.035;SGD:lr=0.05;Adam:lr=0.1';

test('one diverged run does not set the loss axis, and is marked where it leaves', async ({ page }) => {
  await page.goto(SCENE);
  await expect(page.getByTestId('trajectory')).toHaveCount(3);
  await expect(page.getByTestId('legend-status')).toContainText('diverged at step');
  const chart = page.getByTestId('loss-chart');
  const ticks = (await chart.locator('.chart-grid text').allTextContents()).map((t) =>
    Number(t.replace('−', '-')),
  );
  expect(ticks.length).toBeGreaterThan(1);
  // The start's loss is 26: the axis tops out within a decade or two of it.
  expect(Math.max(...ticks)).toBeLessThanOrEqual(1000);
  const exit = chart.getByTestId('chart-exit');
  await expect(exit).toHaveCount(1);
  const step = Number(await exit.getAttribute('data-step'));
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThan(34);
  await expect(exit.locator('title')).toHaveText(/diverged at step \d+/);
});

test.describe('legend chips at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('every optimizer name stays whole; a stopped run shows its status on a line of its own', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('lesson-picker').click();
    await page.getByTestId('lesson-saddle').click();
    await expect(page.getByTestId('legend-status').first()).toBeVisible();
    const names = page.getByTestId('legend-name');
    for (const name of await names.all()) {
      const clipped = await name.evaluate(
        (e) =>
          e.scrollWidth > e.clientWidth + 1 ||
          (getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth),
      );
      expect(clipped, (await name.textContent()) ?? '').toBe(false);
      await expect(name).not.toContainText('diverged');
    }
    await expect(names.filter({ hasText: 'SGD + momentum' })).toHaveCount(1);
    // The status is below the name, not beside it.
    const entry = page
      .getByTestId('legend-entry')
      .filter({ has: page.getByTestId('legend-status') })
      .first();
    const nameBox = (await entry.getByTestId('legend-name').boundingBox())!;
    const statusBox = (await entry.getByTestId('legend-status').boundingBox())!;
    expect(statusBox.y).toBeGreaterThanOrEqual(nameBox.y + nameBox.height - 1);
  });
});
