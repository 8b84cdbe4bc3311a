import { expect, test, type Page } from './fixtures';

/**
 * An optimizer added to the registry reaches the explorer with no UI change: Lion (a sign method) is
 * picked from the optimizer menu, runs, walks its lattice and shows its equations in "Inside the step".
 */
test.use({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });

const SHOTS = process.env.NEWOPT_SHOTS;

async function addLion(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await page.getByTestId('add-optimizer-type').selectOption('Lion');
  await page.getByTestId('add-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
}

test('Lion from the menu: its trajectory walks a lattice and its equations render', async ({ page }) => {
  await addLion(page);
  await expect(page.getByTestId('legend-entry').last()).toContainText('Lion');
  await expect(page.getByTestId('optimizer-card').last()).toContainText('Lion');

  // Every step of a sign method moves each coordinate by the same ±η: in screen pixels, one |Δx| and one
  // |Δy| for the whole path (up to the path's rounding to 0.1 px).
  const d = (await page.getByTestId('trajectory-path').last().getAttribute('d'))!;
  const points = d
    .split(/[ML]/)
    .filter(Boolean)
    .map((p) => p.split(',').map(Number) as [number, number]);
  expect(points.length).toBeGreaterThan(20);
  const dx = points.slice(1).map((p, k) => Math.abs(p[0] - points[k]![0]));
  const dy = points.slice(1).map((p, k) => Math.abs(p[1] - points[k]![1]));
  for (const steps of [dx, dy]) {
    expect(Math.min(...steps)).toBeGreaterThan(0.5);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(0.15);
  }

  await page.getByTestId('focus-select').selectOption({ label: 'Lion' });
  const rule = page.getByTestId('update-rule');
  await expect(rule).toHaveAttribute('aria-label', 'Lion update rule');
  await expect(rule.locator('.katex')).toHaveCount(3);
  await expect(rule).toContainText('sign');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lion-1024.png`, fullPage: true });
});
