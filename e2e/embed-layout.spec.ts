/**
 * Embeds lay out for their size (issue 20): a 480×360 blog embed and a 960×540 slide get full-size text
 * (tick labels at least 11 px on screen, not a desktop layout scaled to 6 px) and a compact legend that leaves
 * the plot most of the frame, even with seven runs.
 */
import { expect, test, type Page } from '@playwright/test';

const SEVEN =
  '#v=1&m=1&s=quadratic&w=-1,-1&n=60&k=0&o=SGD:lr=0.035;SGD:lr=0.01,momentum=0.9;Adagrad:lr=0.4;' +
  'RMSprop:lr=0.05;Adam:lr=0.1;NAdam:lr=0.1;Adamax:lr=0.1';

async function host(page: Page, src: string, width: number, height: number) {
  const html = `<!doctype html><html><body style="margin:0">
    <iframe id="f" src="${src}" width="${width}" height="${height}" style="border:0;display:block"></iframe>
  </body></html>`;
  await page.route('**/host.html', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('/host.html');
}

const FRAMES = [
  { width: 480, height: 360, panels: 'surface' },
  { width: 960, height: 540, panels: 'surface,loss' },
] as const;

test.use({ reducedMotion: 'reduce' });

for (const f of FRAMES) {
  test(`a ${f.width}×${f.height} embed (${f.panels}) has legible ticks and a compact legend`, async ({
    page,
  }) => {
    await host(page, `/?embed&panels=${f.panels}${SEVEN}`, f.width, f.height);
    const frame = page.frameLocator('#f');
    await expect(frame.getByTestId('trajectory')).toHaveCount(7);
    const tick = frame.locator('[data-testid="surface-plot"] .axes g text').first();
    await expect(tick).toBeVisible();
    // On-screen size: the stage's scale included.
    const tickHeight = (await tick.boundingBox())!.height;
    expect(tickHeight, 'tick label height on screen').toBeGreaterThanOrEqual(11);
    const legend = (await frame.getByTestId('legend').boundingBox())!;
    const plot = (await frame.getByTestId('surface-plot').boundingBox())!;
    expect(legend.height, 'legend height').toBeLessThanOrEqual(0.22 * f.height);
    expect(plot.height, 'plot height').toBeGreaterThanOrEqual(0.45 * f.height);
    // Every name readable in full.
    const names = await frame.getByTestId('legend-name').allTextContents();
    expect(names).toHaveLength(7);
    for (const name of names) expect(name).not.toMatch(/…/);
    const stage = (await frame.locator('.embed-stage').boundingBox())!;
    expect(stage.width).toBeLessThanOrEqual(f.width + 1);
    expect(stage.height).toBeLessThanOrEqual(f.height + 1);
  });
}
