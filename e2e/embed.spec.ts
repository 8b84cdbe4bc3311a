import { expect, test, type Page } from '@playwright/test';

/** The embed inside a host page, as a blog or a slide deck would include it. */
const SCENE = '#v=1&m=1&s=quadratic&w=-1,-1&n=60&k=0&o=SGD:lr=0.035;SGD:lr=0.01,momentum=0.8';

async function host(page: Page, iframes: { src: string; width: number; height: number }[]) {
  const html = `<!doctype html><html><body style="margin:0">
    <button id="host-button">host</button>
    ${iframes.map((f, i) => `<iframe id="f${i}" src="${f.src}" width="${f.width}" height="${f.height}" style="border:0;display:block"></iframe>`).join('\n')}
    <script>window.hostKeys = []; document.addEventListener('keydown', (e) => window.hostKeys.push(e.key));</script>
  </body></html>`;
  await page.route('**/host.html', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('/host.html');
}

const stepOf = async (frame: ReturnType<Page['frameLocator']>) =>
  Number((await frame.getByTestId('embed-step').textContent())?.match(/step (\d+)/)?.[1]);

test.describe('embed', () => {
  test.use({ reducedMotion: 'reduce' });

  test('renders only the chosen panels, scaled to several frame sizes', async ({ page }) => {
    const sizes = [
      { width: 480, height: 300 },
      { width: 960, height: 540 },
      { width: 1600, height: 900 },
    ];
    await host(
      page,
      sizes.map((s) => ({ ...s, src: `/?embed&panels=surface,loss&theme=dark${SCENE}` })),
    );
    for (const i of sizes.keys()) {
      const frame = page.frameLocator(`#f${i}`);
      await expect(frame.getByTestId('surface-plot')).toBeVisible();
      expect(Number(await frame.getByTestId('contours').getAttribute('data-levels'))).toBeGreaterThan(4);
      await expect(frame.getByTestId('trajectory')).toHaveCount(2);
      await expect(frame.getByTestId('panel-loss')).toBeVisible();
      // No editing chrome: no sidebar, no timeline, no header.
      await expect(frame.getByTestId('timeline')).toHaveCount(0);
      await expect(frame.getByRole('heading', { name: 'Optiscope' })).toHaveCount(0);
      // The stage fits inside the frame.
      const stage = await frame.locator('.embed-stage').boundingBox();
      const iframe = await page.locator(`#f${i}`).boundingBox();
      expect(stage!.width).toBeLessThanOrEqual(iframe!.width + 1);
      expect(stage!.height).toBeLessThanOrEqual(iframe!.height + 1);
      expect(Math.max(stage!.width / iframe!.width, stage!.height / iframe!.height)).toBeGreaterThan(0.97);
      await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
      const open = frame.getByTestId('open-in-optiscope');
      const href = await open.getAttribute('href');
      expect(href).toContain('#v=1&m=1&s=quadratic');
      expect(href).not.toContain('embed');
    }
  });

  test('does not autoplay under reduced motion, and never takes the host page keys', async ({ page }) => {
    await host(page, [{ src: `/?embed&autoplay&loop${SCENE}`, width: 800, height: 450 }]);
    const frame = page.frameLocator('#f0');
    await expect(frame.getByTestId('surface-plot')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await stepOf(frame)).toBe(0);
    await page.locator('#host-button').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys)).toEqual([
      ' ',
      'ArrowRight',
    ]);
    expect(await stepOf(frame)).toBe(0);
    // A click on the plot hands the keyboard back to the host page.
    await frame.getByTestId('plot-background').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys)).toContain(
      'ArrowRight',
    );
    expect(await stepOf(frame)).toBe(0);
    // Its own button takes keys while it has focus.
    await frame.getByTestId('embed-play').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepOf(frame)).toBeGreaterThan(0);
  });
});

test.describe('embed playback', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('autoplays with a visible pause button, loops, and follows slide:start / slide:stop', async ({
    page,
  }) => {
    await host(page, [{ src: `/?embed&autoplay&loop${SCENE}`, width: 800, height: 450 }]);
    const frame = page.frameLocator('#f0');
    await expect(frame.getByTestId('embed-play')).toHaveAttribute('aria-label', 'Pause');
    await expect.poll(() => stepOf(frame)).toBeGreaterThan(5);
    // 60 steps at 30 steps/s: it reaches the end and starts over.
    await expect.poll(() => stepOf(frame), { timeout: 10_000 }).toBeLessThan(20);
    const post = (message: string) =>
      page.evaluate(
        (m) => (document.getElementById('f0') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'),
        message,
      );
    await post('slide:stop');
    await expect(frame.getByTestId('embed-suspended')).toBeVisible();
    await expect(frame.getByTestId('surface-plot')).toHaveCount(0);
    await expect(frame.getByTestId('embed-play')).toHaveAttribute('aria-label', 'Play');
    await post('slide:start');
    await expect(frame.getByTestId('surface-plot')).toBeVisible();
    await expect(frame.getByTestId('embed-play')).toHaveAttribute('aria-label', 'Pause');
    await frame.getByTestId('embed-play').click();
    await expect(frame.getByTestId('embed-play')).toHaveAttribute('aria-label', 'Play');
  });
});
