/**
 * The e2e specs' shared fixtures. Every test fails on a console error or an uncaught exception in the
 * page (an automatic fixture, so no spec repeats the setup), and `docsScreenshot` writes the README's
 * pictures under docs/screenshots only for `npm run screenshots`, so `npm test` leaves the tree clean.
 */
import { expect, test as base, type Page, type PageScreenshotOptions } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Locator, Page } from '@playwright/test';

/** True under `npm run screenshots`. */
export const TAKING_SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** A picture for the docs (docs/screenshots/<name>), taken only under `npm run screenshots`. */
export async function docsScreenshot(page: Page, name: string, options: PageScreenshotOptions = {}) {
  if (TAKING_SCREENSHOTS) await page.screenshot({ ...options, path: `docs/screenshots/${name}` });
}
