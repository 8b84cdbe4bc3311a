import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/core/lessons';
import { pickLesson } from './lecture-layout.support';

/** Permalinks, driven as a person would: copy a link, open it elsewhere, go back and forward. */
test.use({ reducedMotion: 'reduce' });

async function openApp(page: Page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('surface-plot')).toBeVisible();
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  return link;
}

/** The plot, photographed with the page scrolled to the top so the sticky header never overlaps it. */
async function surfaceShot(page: Page): Promise<Buffer> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.getByTestId('surface-plot').screenshot({ animations: 'disabled' });
}

/**
 * Fraction of pixels that differ between two PNG screenshots, decoded by the browser. Byte equality is too
 * strict (anti-aliasing of a contour edge may differ by one level between two renders of the same scene).
 */
async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string) => {
        // No fetch of a data: URL: the app's Content-Security-Policy (connect-src 'self') forbids it.
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([decode(first), decode(second)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const delta = Math.max(
          Math.abs(x.data[i]! - y.data[i]!),
          Math.abs(x.data[i + 1]! - y.data[i + 1]!),
          Math.abs(x.data[i + 2]! - y.data[i + 2]!),
        );
        if (delta > 24) differing++;
      }
      return differing / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

test('a copied link opens the identical scene in another browser context', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await pickLesson(page, 'saddle');
  await expect(page.getByTestId('lesson-caption')).toBeVisible();
  await page.getByTestId('timeline').fill('37');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-qr')).toBeVisible();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-dialog').getByRole('status')).toHaveText('Copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v=1&m=1&s=saddle&/);
  expect(link).toContain('k=37');
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();

  const other = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1400, height: 900 } });
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByTestId('surface-plot')).toBeVisible();
  await expect(second.getByTestId('link-warnings')).toHaveCount(0);
  expect(await second.getByTestId('timeline').inputValue()).toBe('37');
  expect(await shareLink(second)).toBe(link);
  const [original, reopened] = [await surfaceShot(page), await surfaceShot(second)];
  expect(await pixelDifference(second, original, reopened)).toBeLessThan(0.002);
  await other.close();
});

test('the default link is short enough for a QR code', async ({ page }) => {
  await openApp(page);
  const link = await shareLink(page);
  const hash = link.slice(link.indexOf('#'));
  expect(hash.length).toBeLessThan(300);
});

test('every lesson scene round-trips through its link', async ({ page, browser }) => {
  const other = await browser.newContext({ reducedMotion: 'reduce' });
  const second = await other.newPage();
  await openApp(page);
  for (const lesson of LESSONS) {
    await pickLesson(page, lesson.id);
    const link = await shareLink(page);
    expect(link, lesson.id).toContain(`l=${lesson.id}`);
    await second.goto('about:blank');
    await second.goto(link);
    await expect(second.getByTestId('surface-plot')).toBeVisible();
    await expect(second.getByTestId('link-warnings')).toHaveCount(0);
    expect(await shareLink(second), lesson.id).toBe(link);
  }
  await other.close();
});

test('a damaged link shows what was dropped and a working scene', async ({ page }) => {
  await openApp(page, '#v=1&s=teapot&n=1e9&o=Teapot:lr=1;SGD:lr=99,momentum=0.5;Adam:betas=0.5~');
  const warnings = page.getByTestId('link-warnings');
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText("unknown surface 'teapot'");
  await expect(warnings).toContainText("unknown type 'Teapot'");
  await expect(warnings).toContainText('using 10');
  await expect(page.getByTestId('trajectory')).toHaveCount(2);
  expect(Number(await page.getByTestId('contours').getAttribute('data-levels'))).toBeGreaterThan(0);
  await page.getByTestId('dismiss-link-warnings').click();
  await expect(warnings).toHaveCount(0);
});

test('a truncated or garbage link never gives a blank page', async ({ page }) => {
  for (const hash of [
    '#v=1&m=1&s=quadratic&w=-1,-',
    '#%%%&&&===',
    '#v=99&e=d:AAAA',
    `#o=${'SGD;'.repeat(500)}`,
  ]) {
    await openApp(page, hash);
    await expect(page.getByTestId('trajectory').first()).toBeVisible();
  }
});

test('back and forward move between scenes; scrubbing does not add history', async ({ page }) => {
  await openApp(page);
  await pickLesson(page, 'saddle');
  await expect.poll(() => page.url()).toContain('s=saddle');
  const saddleUrl = page.url();
  await page.getByTestId('timeline').fill('10');
  await page.getByTestId('timeline').fill('20');
  await expect.poll(() => page.url()).toContain('k=20');
  await pickLesson(page, LESSONS[0]!.id);
  await expect.poll(() => page.url()).toContain(`l=${LESSONS[0]!.id}`);
  await page.goBack();
  await expect.poll(() => page.url()).toContain('s=saddle');
  expect(await shareLink(page)).toContain('s=saddle');
  expect(await page.getByTestId('timeline').inputValue()).toBe('20');
  await page.goBack();
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await page.goForward();
  await expect.poll(() => page.url()).toContain('s=saddle');
  expect(saddleUrl.split('&k=')[0]).toBe(page.url().split('&k=')[0]);
});

test('a scene saved as JSON opens again', async ({ page }) => {
  await openApp(page);
  await pickLesson(page, 'saddle');
  await page.getByTestId('share-button').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('save-scene').click();
  const file = await (await download).path();
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
  expect(json.surface).toBe('saddle');
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await pickLesson(page, LESSONS[0]!.id);
  await page.getByTestId('share-button').click();
  await page.getByTestId('open-scene-file').setInputFiles(file);
  await expect(page.getByTestId('share-link')).toHaveValue(/s=saddle/);
});
