import { expect, test, type Page } from '@playwright/test';
import { pickLesson } from './lecture-layout.support';

/** Screenshots for the README and for reviewing the look; motion reduced so the full trajectories show. */
test.use({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });

async function open(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
}

test('default scene', async ({ page }) => {
  await open(page);
  await page.screenshot({ path: 'docs/screenshots/default-scene.png' });
});

test('default scene, dark theme', async ({ page }) => {
  await open(page);
  await page.getByTestId('theme-toggle').click();
  await page.screenshot({ path: 'docs/screenshots/default-scene-dark.png' });
});

for (const id of ['saddle', 'adagrad-diagonal', 'clipping-cliff']) {
  test(`lesson ${id}`, async ({ page }) => {
    await open(page);
    await pickLesson(page, id);
    await expect(page.getByTestId('lesson-caption')).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/lesson-${id}.png` });
  });
}

test('projector 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page);
  await page.screenshot({ path: 'docs/screenshots/projector-1024.png' });
});

test('inside the step, every optimizer', async ({ page }) => {
  await open(page);
  await pickLesson(page, 'adagrad-diagonal');
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.getByTestId('timeline').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/inside-the-step.png' });
});
