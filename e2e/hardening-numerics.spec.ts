/**
 * Issue 8, numerics at the UI level: scenes with every optimizer type at the edges of what the controls
 * accept (lr 10 or 1e-6, ε = 0, momentum/ρ/α 0.9999, 200 steps) on every surface, started at the edges
 * of the plot and at the surface's own start points. No NaN/Infinity may reach an SVG path, a tick label,
 * an aria value or the URL, and nothing may log an error. The app has no store hook for tests (by design),
 * so the scene is built through the controls a person would use.
 */
import { expect, test, type Page } from '@playwright/test';
import { OPTIMIZERS, SURFACES } from '../src/core';
import { guard, nonFiniteLeaks } from './hardening.support';

test.use({ reducedMotion: 'reduce' });

const DECAYS = ['momentum', 'alpha', 'rho'];

/**
 * Adds one optimizer of every type (the six of the default scene removed first: with them the registry
 * no longer fits under the scene's 24-optimizer limit), then sets each card's settings to the edges of
 * their ranges.
 */
async function buildExtremeScene(page: Page) {
  for (let i = 0; i < 6; i++) await page.getByTestId('remove-optimizer').first().click();
  await expect(page.getByTestId('optimizer-card')).toHaveCount(0);
  for (const spec of OPTIMIZERS) {
    await page.getByTestId('add-optimizer-type').selectOption(spec.type);
    await page.getByTestId('add-optimizer').click();
  }
  const cards = page.getByTestId('optimizer-card');
  const count = await cards.count();
  expect(count).toBe(OPTIMIZERS.length);
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    await card.locator('.optimizer-title').click();
    // Alternate the two ends of the learning rate, so both meet every surface in one pass.
    await card.getByTestId('hp-lr').fill(i % 2 === 0 ? '10' : '1e-6');
    if ((await card.getByTestId('hp-eps').count()) > 0) await card.getByTestId('hp-eps').fill('0');
    for (const key of DECAYS)
      if ((await card.getByTestId(`hp-${key}`).count()) > 0)
        await card.getByTestId(`hp-${key}`).fill('0.9999');
    await card.locator('.optimizer-title').click();
  }
  await page.getByTestId('steps-input').fill('200');
  await page.getByTestId('steps-input').blur();
}

async function expectNoLeaks(page: Page, where: string) {
  await expect(page.getByTestId('trajectory').first()).toBeAttached();
  expect(await nonFiniteLeaks(page), where).toEqual([]);
}

test('every optimizer at lr 10 / 1e-6, ε 0, momentum 0.9999, on every surface and edge start', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const g = await guard(page);
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await buildExtremeScene(page);
  await expect(page.getByTestId('trajectory')).toHaveCount(OPTIMIZERS.length);
  for (const surface of SURFACES) {
    await page.getByTestId('surface-select').selectOption(surface.id);
    await expectNoLeaks(page, `${surface.id}, default start`);
    // The plot's corners: the edge of the view box.
    const box = (await page.getByTestId('plot-background').boundingBox())!;
    for (const [fx, fy] of [
      [0.01, 0.01],
      [0.99, 0.99],
    ] as const) {
      // Through the locator, so Playwright scrolls the corner out from under the sticky header first.
      await page
        .getByTestId('plot-background')
        .click({ position: { x: box.width * fx, y: box.height * fy } });
      await expectNoLeaks(page, `${surface.id}, start at a corner (${fx}, ${fy})`);
    }
    // The surface's first instructive start (often a minimum or a saddle) is one click.
    const startButton = page.locator('.start-buttons button').nth(1);
    if ((await startButton.count()) > 0) {
      await startButton.click();
      await expectNoLeaks(page, `${surface.id}, ${await startButton.innerText()}`);
    }
    // Step 1: markers, arrows and the inside-the-step panel at the first update.
    await page.getByTestId('timeline').fill('1');
    await expectNoLeaks(page, `${surface.id}, step 1`);
    await page.getByTestId('timeline').fill('200');
  }
  await g.expectClean();
});
