import { docsScreenshot, expect, test, type Page } from './fixtures';
import { pickLesson } from './lecture-layout.support';

/**
 * Screenshots for the README and for reviewing the look (`npm run screenshots`; not part of `npm test`,
 * which must leave the tree clean); motion reduced so the full trajectories show.
 */
test.use({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });

async function open(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
}

test('default scene', async ({ page }) => {
  await open(page);
  await docsScreenshot(page, 'default-scene.png');
});

test('default scene, dark theme', async ({ page }) => {
  await open(page);
  await page.getByTestId('theme-toggle').click();
  await docsScreenshot(page, 'default-scene-dark.png');
});

for (const id of ['saddle', 'adagrad-diagonal', 'clipping-cliff']) {
  test(`lesson ${id}`, async ({ page }) => {
    await open(page);
    await pickLesson(page, id);
    await expect(page.getByTestId('lesson-caption')).toBeVisible();
    await docsScreenshot(page, `lesson-${id}.png`);
  });
}

test('projector 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page);
  await docsScreenshot(page, 'projector-1024.png');
});

test('inside the step, every optimizer', async ({ page }) => {
  await open(page);
  await pickLesson(page, 'adagrad-diagonal');
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.getByTestId('timeline').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await docsScreenshot(page, 'inside-the-step.png');
});
