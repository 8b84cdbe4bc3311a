/**
 * The README's projector (1024×768) and phone (390×844) figures of the lecture-ready layout: the default
 * scene, and the saddle lesson (outcome badges, the caption after the plot).
 */
import { expect, test, type Page } from '@playwright/test';
import { pickLesson } from '../../e2e/lecture-layout.support';

const LAYOUTS = [
  { name: 'projector-1024x768', width: 1024, height: 768, scale: 1 },
  { name: 'phone-390x844', width: 390, height: 844, scale: 2 },
] as const;

async function open(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
}

for (const layout of LAYOUTS) {
  test.describe(layout.name, () => {
    test.use({
      viewport: { width: layout.width, height: layout.height },
      deviceScaleFactor: layout.scale,
      reducedMotion: 'reduce',
    });
    test('default scene and the saddle lesson', async ({ page }) => {
      await open(page);
      await page.screenshot({ path: `docs/screenshots/lecture-${layout.name}.png` });
      await pickLesson(page, 'saddle');
      await expect(page.getByTestId('lesson-caption')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `docs/screenshots/lecture-${layout.name}-lesson.png` });
    });
  });
}
