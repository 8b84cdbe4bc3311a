import { expect, test } from '@playwright/test';

/** The example deck (examples/reveal, built into dist/examples/reveal): the embeds render, the deck keeps its keys. */
test.use({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });

test('the deck embeds two scenes and its arrow keys still advance it', async ({ page }) => {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('request', (request) => {
    if (
      !request.url().startsWith('http://127.0.0.1') &&
      !request.url().startsWith('data:') &&
      !request.url().startsWith('blob:')
    )
      failed.push(`offsite: ${request.url()}`);
  });
  await page.goto('/examples/reveal/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-deck-ready', 'true');
  const indexOf = () => page.evaluate(() => Number(window.location.hash.match(/^#\/(\d+)/)?.[1] ?? 0));
  expect(await indexOf()).toBe(0);

  await page.keyboard.press('ArrowRight');
  await expect.poll(indexOf).toBe(1);
  const ravine = page.frameLocator('[data-testid="embed-ravine"]');
  await expect(ravine.getByTestId('surface-plot')).toBeVisible();
  expect(Number(await ravine.getByTestId('contours').getAttribute('data-levels'))).toBeGreaterThan(4);
  await expect(ravine.getByTestId('trajectory')).toHaveCount(2);
  await expect(ravine.getByTestId('panel-loss')).toBeVisible();

  // The presenter clicks the plot, then presses → : the deck advances, the embed did not steal the key.
  await ravine.getByTestId('plot-background').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(indexOf).toBe(2);
  const saddle = page.frameLocator('[data-testid="embed-saddle"]');
  await expect(saddle.getByTestId('surface-plot')).toBeVisible();
  await expect(saddle.getByTestId('trajectory')).toHaveCount(7);
  await expect(saddle.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.keyboard.press('ArrowLeft');
  await expect.poll(indexOf).toBe(1);
  expect(failed).toEqual([]);
});
