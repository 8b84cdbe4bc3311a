/**
 * Issue 18, the 3-D view: it draws every trajectory in its legend color, orbiting changes the image,
 * dragging the start on the surface recomputes the runs, playback moves the markers, a permalink
 * restores the camera (a damaged one falls back with a warning), the PNG export redraws it at 2×, a lost
 * GL context comes back, and without WebGL the app says so and keeps the 2-D map. No console errors.
 */
import { expect, test, type Page } from '@playwright/test';
import { surface3d } from './surface3d.support';

// Reduced motion: no opening animation racing the tests' own playback (playing still animates).
test.use({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });

const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );

const { guardConsole, open3d, pause, canvasImage, colorCounts, differingFraction, legendColors } = surface3d;

test('the 3-D panel draws every trajectory in its legend color, and orbiting changes the image', async ({
  page,
}) => {
  const errors = guardConsole(page);
  await page.goto('/');
  // three.js and the panel load only when the panel opens.
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  expect(await scriptsLoaded(page)).not.toContainEqual(expect.stringMatching(/\/Surface3DPanel-[^/]*\.js$/));
  const canvas = await open3d(page);
  expect(await scriptsLoaded(page)).toContainEqual(expect.stringMatching(/\/Surface3DPanel-[^/]*\.js$/));
  await pause(page);
  await page.keyboard.press('End');
  const colors = await legendColors(page);
  expect(colors).toHaveLength(6);
  const counts = await colorCounts(page, colors);
  for (const [i, count] of counts.entries())
    expect(count, `pixels of trajectory ${i} (${colors[i]})`).toBeGreaterThan(15);

  const before = await canvasImage(page);
  const box = (await canvas.boundingBox())!;
  // Away from the start marker (at the left): a drag there orbits.
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(async () => differingFraction(page, before, await canvasImage(page)))
    .toBeGreaterThan(0.05);
  // The camera went into the URL.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=[-\d.]+(,[-\d.]+){5}/);

  // The keyboard orbits too, and the reset brings the default view back.
  const orbited = await canvasImage(page);
  const stepBefore = await page.getByTestId('step-marker').first().getAttribute('data-step');
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  // The focused view takes the arrow keys: they orbit and leave playback's step alone.
  await expect(page.getByTestId('step-marker').first()).toHaveAttribute('data-step', stepBefore!);
  await expect
    .poll(async () => differingFraction(page, orbited, await canvasImage(page)))
    .toBeGreaterThan(0.02);
  await page.getByTestId('surface3d-reset').click();
  await expect.poll(async () => differingFraction(page, before, await canvasImage(page))).toBeLessThan(0.002);
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('cam=');
  expect(errors).toEqual([]);
});

test('dragging the start on the surface recomputes every run', async ({ page }) => {
  const errors = guardConsole(page);
  await page.goto('/');
  const canvas = await open3d(page);
  const paths = () =>
    page.getByTestId('trajectory-path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  const before = await paths();
  const box = (await canvas.boundingBox())!;
  const x = Number(await canvas.getAttribute('data-start-x'));
  const y = Number(await canvas.getAttribute('data-start-y'));
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 60, box.y + y + 10, { steps: 6 });
  await page.mouse.up();
  // The scene's start moved (w= in the link) and every 2-D path changed with it.
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('w=-1,-1');
  const after = await paths();
  expect(after).toHaveLength(6);
  for (const [i, d] of after.entries()) expect(d, `trajectory ${i}`).not.toBe(before[i]);
  // The 3-D marker followed: it is drawn where the drag ended (within a few pixels).
  await expect
    .poll(async () =>
      Math.hypot(
        Number(await canvas.getAttribute('data-start-x')) - x - 60,
        Number(await canvas.getAttribute('data-start-y')) - y - 10,
      ),
    )
    .toBeLessThan(12);
  expect(errors).toEqual([]);
});

test('playback moves the markers on the 3-D view', async ({ page }) => {
  const errors = guardConsole(page);
  await page.goto('/');
  await open3d(page);
  await pause(page);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-marker').first()).toHaveAttribute('data-step', '0');
  const atStart = await canvasImage(page);
  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => differingFraction(page, atStart, await canvasImage(page)))
    .toBeGreaterThan(0.001);
  await page.getByTestId('play-pause').click();
  // Scrubbing back to step 0 puts the markers back: the same image.
  await page.keyboard.press('Home');
  await expect
    .poll(async () => differingFraction(page, atStart, await canvasImage(page)))
    .toBeLessThan(0.0005);
  expect(errors).toEqual([]);
});

test('a permalink restores the camera; a damaged camera opens the default one with a warning', async ({
  page,
  browser,
}) => {
  const errors = guardConsole(page);
  await page.goto('/');
  const canvas = await open3d(page);
  await pause(page);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await page.mouse.wheel(0, -300);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=/);
  await page.waitForTimeout(600); // the URL settles after the last wheel step
  const url = page.url();
  const orbited = await canvasImage(page);

  const second = await browser.newPage({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });
  const secondErrors = guardConsole(second);
  await second.goto(url);
  // The panel is on (the link's panels) and the camera is the link's.
  await open3d(second, { toggle: false });
  expect(await differingFraction(second, orbited, await canvasImage(second))).toBeLessThan(0.002);

  const damaged = url.replace(/cam=[^&]*/, 'cam=12,oops');
  const third = await browser.newPage({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });
  const thirdErrors = guardConsole(third);
  await third.goto(damaged);
  await open3d(third, { toggle: false });
  await expect(third.getByTestId('link-warnings')).toContainText('3-D camera');
  await expect(third.getByTestId('link-warnings')).toContainText('the default camera is used');
  await third.getByRole('checkbox', { name: '3-D surface' }).uncheck();
  await third.getByRole('checkbox', { name: '3-D surface' }).check();
  await third.getByTestId('surface3d-canvas').waitFor();
  expect(errors).toEqual([]);
  expect(secondErrors).toEqual([]);
  expect(thirdErrors).toEqual([]);
});

test('PNG export redraws the 3-D view at the chosen scale', async ({ page }) => {
  const errors = guardConsole(page);
  await page.goto('/');
  await open3d(page);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-target').selectOption('surface3d');
  await page.getByTestId('export-scale').selectOption('2');
  const pending = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/surface3d@2x\.png$/);
  const size = await surface3d.pngSize(download);
  const panel = (await page.getByTestId('panel-surface3d').boundingBox())!;
  expect(Math.abs(size.width - 2 * panel.width)).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});

test('a lost GL context is recovered, and closing the panel releases it', async ({ page }) => {
  const errors = guardConsole(page);
  await page.goto('/');
  const canvas = await open3d(page);
  const frames = Number(await canvas.getAttribute('data-frames'));
  await page.evaluate(() => {
    const gl = document
      .querySelector<HTMLCanvasElement>('[data-testid="surface3d-canvas"]')!
      .getContext('webgl2')!;
    (window as unknown as { __lose: WEBGL_lose_context }).__lose = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __lose: WEBGL_lose_context }).__lose.loseContext();
  });
  await expect(page.getByTestId('surface3d-lost')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
  await expect(page.getByTestId('surface3d-lost')).toHaveCount(0);
  await expect.poll(async () => Number(await canvas.getAttribute('data-frames'))).toBeGreaterThan(frames);
  const counts = await colorCounts(page, await legendColors(page));
  for (const count of counts) expect(count).toBeGreaterThan(15);
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="surface3d-canvas"]')!;
    (window as unknown as { __gl: WebGL2RenderingContext }).__gl = canvas.getContext('webgl2')!;
  });
  await page.getByRole('checkbox', { name: '3-D surface' }).uncheck();
  await expect(page.getByTestId('panel-surface3d')).toHaveCount(0);
  // Unmounting gave the context back (three's forceContextLoss after disposing every resource).
  expect(
    await page.evaluate(() => (window as unknown as { __gl: WebGL2RenderingContext }).__gl.isContextLost()),
  ).toBe(true);
  expect(errors).toEqual([]);
});

test('without WebGL the app says so and keeps the 2-D map', async ({ page }) => {
  const errors = guardConsole(page);
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type === 'webgl2' || type === 'webgl') return null;
      return (original as (...args: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
  await page.goto('/');
  await page.getByRole('checkbox', { name: '3-D surface' }).check();
  await expect(page.getByTestId('surface3d-unavailable')).toContainText('WebGL 2 is not available');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an embed shows the 3-D panel with panels=surface3d', async ({ page }) => {
  const errors = guardConsole(page);
  await page.goto('/?embed&panels=surface,surface3d');
  await open3d(page, { toggle: false });
  const counts = await colorCounts(page, await legendColors(page));
  for (const count of counts) expect(count).toBeGreaterThan(15);
  expect(errors).toEqual([]);
});

test('a network slice opened in the explorer is drawn in 3-D with its trajectories', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = guardConsole(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  const controls = page.getByRole('group', { name: 'Network scene' });
  await controls.getByLabel('Steps').fill('60');
  await controls.getByLabel('Resolution').selectOption('32');
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('data-phase', 'done', {
    timeout: 100_000,
  });
  await page.getByRole('button', { name: 'Open slice in explorer' }).click();
  await open3d(page);
  await pause(page);
  await page.keyboard.press('End');
  const colors = await legendColors(page);
  expect(colors.length).toBeGreaterThan(0);
  // Runs that end at the same minimum stack their markers: fewer pixels each than on the ravine (the mesh,
  // the palette mixed 40% into the background, has no pixel this saturated).
  for (const [i, count] of (await colorCounts(page, colors)).entries())
    expect(count, `pixels of trajectory ${i} (${colors[i]})`).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});

test('the animation export records the 3-D view, one frame per step, and restores the step', async ({
  page,
}) => {
  const errors = guardConsole(page);
  await page.goto(
    '/#v=1&m=1&s=quadratic&w=-1,-1&n=20&k=20&p=surface3d&o=SGD:lr=0.035;SGD:lr=0.01,momentum=0.9;Adam:lr=0.1',
  );
  const canvas = await open3d(page, { toggle: false });
  const width = (await canvas.boundingBox())!.width;
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-video-view').selectOption('3d');
  await page.getByTestId('export-video-format').selectOption('gif');
  const pending = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export-video').click();
  // One frame per step, 0…20.
  await expect(page.getByTestId('export-video-progress')).toHaveAttribute('max', '21');
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/animation\.gif$/);
  const bytes = await surface3d.downloadBytes(download);
  expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  // The GIF is the 3-D canvas at 1× (even sizes, as for every export), not the contour map.
  expect(Math.abs(bytes.readUInt16LE(6) - width)).toBeLessThanOrEqual(2);
  await expect(page.getByTestId('step-marker').first()).toHaveAttribute('data-step', '20');
  expect(errors).toEqual([]);
});

test('the 3-D view can take the contour map’s place, and the choice is in the link', async ({
  page,
  browser,
}) => {
  const errors = guardConsole(page);
  await page.goto('/');
  await open3d(page);
  await page.getByTestId('surface3d-layout').click();
  // In the surface card, where the map was; the legend and the playback bar stay.
  const card = page.getByTestId('surface-card');
  await expect(card.getByTestId('surface3d-in-card')).toBeVisible();
  await expect(page.getByTestId('surface-plot')).toHaveCount(0);
  await expect(page.getByTestId('panel-surface3d')).toHaveCount(0);
  await expect(card.getByTestId('play-pause')).toBeVisible();
  await open3d(page, { toggle: false });
  const counts = await colorCounts(page, await legendColors(page));
  for (const count of counts) expect(count).toBeGreaterThan(15);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('s3=instead');

  const second = await browser.newPage({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });
  const secondErrors = guardConsole(second);
  await second.goto(page.url());
  await expect(second.getByTestId('surface-card').getByTestId('surface3d-in-card')).toBeVisible();
  await expect(second.getByTestId('surface-plot')).toHaveCount(0);

  await page.getByTestId('surface3d-layout').click();
  await expect(page.getByTestId('surface-plot')).toBeVisible();
  await expect(page.getByTestId('panel-surface3d')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('s3=');
  expect(errors).toEqual([]);
  expect(secondErrors).toEqual([]);
});
