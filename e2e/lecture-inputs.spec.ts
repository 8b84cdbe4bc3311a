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
