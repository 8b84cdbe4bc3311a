/**
 * Lecture-ready layout (issue 20): on a 1024×768 projector, a 390×844 phone and a projector at 200 % zoom
 * (its CSS viewport halves and the pixel ratio doubles, as the browser does) the page never scrolls
 * sideways, and the surface plot and its playback bar are in view together — on the first screen where
 * the window is tall enough, else once the plot is scrolled to.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/core/lessons';
import { pickLesson } from './lecture-layout.support';

const LAYOUTS = [
  { name: 'projector 1024×768', width: 1024, height: 768, scale: 1, firstScreen: true },
  { name: 'phone 390×844', width: 390, height: 844, scale: 3, firstScreen: true },
  { name: 'projector at 200 % zoom', width: 512, height: 384, scale: 2, firstScreen: false },
] as const;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The plot and the playback bar both lie inside the window (and below a sticky header, if any). */
async function expectPlotAndPlaybackInView(page: Page) {
  const box = await page.evaluate(() => {
    const rect = (id: string) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    const header = document.querySelector('.app-header')!;
    const sticky = getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    const plot = rect('surface-plot');
    const playback = rect('playback');
    return {
      top: plot.top,
      bottom: playback.bottom,
      sticky,
      height: window.innerHeight,
      plotBottom: plot.bottom,
    };
  });
  expect(box.top, 'plot top below the header').toBeGreaterThanOrEqual(box.sticky - 1);
  expect(box.bottom, 'playback bar bottom inside the window').toBeLessThanOrEqual(box.height + 1);
  expect(box.plotBottom - box.top, 'a plot worth looking at').toBeGreaterThan(150);
}

for (const layout of LAYOUTS) {
  test.describe(layout.name, () => {
    test.use({
      viewport: { width: layout.width, height: layout.height },
      deviceScaleFactor: layout.scale,
      reducedMotion: 'reduce',
    });

    test('no sideways scrolling; the plot and playback bar are in view, with or without a lesson', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page.getByTestId('trajectory')).toHaveCount(6);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      if (!layout.firstScreen) await page.getByTestId('surface-plot').evaluate((e) => e.scrollIntoView());
      await expectPlotAndPlaybackInView(page);

      await pickLesson(page, 'saddle');
      await expect(page.getByTestId('lesson-caption')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      if (!layout.firstScreen) await page.getByTestId('surface-plot').evaluate((e) => e.scrollIntoView());
      await expectPlotAndPlaybackInView(page);
    });

    test('every view opens from the header without sideways scrolling', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('trajectory')).toHaveCount(6);
      const toggle = page.getByTestId('menu-toggle');
      for (const label of ['Outcome map', 'Sweep', 'Compare', 'Crowds', 'Explorer']) {
        if (await toggle.isVisible()) await toggle.click();
        await page.getByRole('button', { name: label, exact: true }).click();
        await expect(page.locator('.view-tab[aria-current="page"]')).toHaveText(label);
        expect(await horizontalOverflow(page), label).toBeLessThanOrEqual(0);
      }
    });
  });
}

test.describe('a newcomer', () => {
  test.use({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });

  test('sees one clear first action and no engine jargon until asking for it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('trajectory')).toHaveCount(6);
    const header = page.locator('.app-header');
    await expect(header).not.toContainText(/CPU · float64|WebGPU|swiftshader/, { useInnerText: true });
    await expect(page.getByTestId('engine')).toBeHidden();
    await page.getByRole('button', { name: 'Engine details' }).or(page.getByLabel('Engine details')).click();
    await expect(page.getByTestId('engine')).toBeVisible();
    await expect(page.getByTestId('engine')).toHaveText('CPU · float64');

    const first = page.getByTestId('first-action');
    await expect(first).toHaveCount(1);
    await expect(first).toBeInViewport();
    await first.click();
    await expect(page.getByTestId('lesson-caption')).toBeVisible();
    await expect(page.getByTestId('lesson-picker')).toContainText(LESSONS[0]!.short);
    await expect(page.getByTestId('first-action')).toHaveCount(0);
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-picker')).toContainText(LESSONS[1]!.short);
  });
});
