/**
 * Typed input a lecturer pastes (issue 20): a function longer than the limit is refused whole with the
 * limit in the message, not cut by the browser into a parse error somewhere in the middle.
 */
import { expect, test } from '@playwright/test';
import { MAX_EXPRESSION_LENGTH } from '../src/core/expr';

test.use({ reducedMotion: 'reduce' });

test('an over-long function is refused with the limit message, not truncated', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('expression-open').click();
  const input = page.getByTestId('expression-input');
  const long = Array.from({ length: 90 }, (_, k) => `${k + 1}*x^2`).join(' + ');
  expect(long.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
  await input.fill(long);
  await expect(input).toHaveValue(long);
  await input.press('Enter');
  await expect(page.getByTestId('expression-error-message')).toContainText(
    `the limit is ${MAX_EXPRESSION_LENGTH}`,
  );
});

test('the plot does not trap the wheel: the page scrolls until the plot is clicked, then it zooms', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  const plot = page.getByTestId('plot-background');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(page.getByTestId('reset-view')).toBeDisabled();
  await expect(page.getByTestId('zoom-hint')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const again = (await plot.boundingBox())!;
  await page.mouse.click(again.x + again.width / 2, again.y + again.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(page.getByTestId('reset-view')).toBeEnabled();
});

test('a start picked with the pointer is rounded to what the view shows, in the link too', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  const plot = page.getByTestId('plot-background');
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3137, box.y + box.height * 0.7071);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]w=[^&]+/);
  const w = (await page.evaluate(() => location.hash)).match(/[#&]w=([^&]+)/)![1]!;
  for (const part of decodeURIComponent(w).split(',')) expect(part).toMatch(/^-?\d+(\.\d{1,3})?$/);
});
