/** Crowds: many particles at once on the contours, playback, the start modes and the noise ensemble. */
import { expect, test, type Page, docsScreenshot } from './fixtures';

const section = (page: Page) => page.getByRole('region', { name: 'Crowds' });
const waitDone = (page: Page) =>
  expect(section(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
const pixels = (page: Page, nth = 0) =>
  page
    .getByTestId('crowd-canvas')
    .nth(nth)
    .evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

async function open(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Crowds', exact: true }).click();
  await waitDone(page);
}

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('plays a ring of 500 particles; the canvas changes as playback advances', async ({ page }) => {
    await open(page);
    await expect(page.getByTestId('engine-name')).toContainText(/WebGPU|CPU/);
    await expect(page.getByTestId('crowd-count')).toHaveText('500 particles');
    await expect(page.getByRole('status')).toContainText('500 particles × 150 steps');
    await expect(page.getByTestId('crowd-caption')).toContainText(/of 500 reach/);
    await expect(page.getByTestId('crowd-caption')).toContainText(/computed on (WebGPU|CPU)/);
    // Autoplay: the frame advances by itself and the pixels follow.
    const first = await pixels(page);
    await expect.poll(async () => Number(await section(page).getAttribute('data-frame'))).toBeGreaterThan(5);
    expect(await pixels(page)).not.toBe(first);
    // Pause holds the frame.
    await page.getByTestId('crowd-play').click();
    await expect(page.getByTestId('crowd-play')).toHaveAccessibleName('Play');
    const held = await section(page).getAttribute('data-frame');
    const heldPixels = await pixels(page);
    await page.waitForTimeout(400);
    expect(await section(page).getAttribute('data-frame')).toBe(held);
    expect(await pixels(page)).toBe(heldPixels);
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('does not autoplay; scrubbing moves the particles', async ({ page }) => {
    await open(page);
    await expect(page.getByTestId('crowd-play')).toHaveAccessibleName('Play');
    await page.waitForTimeout(300);
    await expect(section(page)).toHaveAttribute('data-frame', '0');
    await expect(page.getByTestId('crowd-step')).toHaveText('step 0 / 150');
    const start = await pixels(page);
    await page.getByTestId('crowd-scrub').fill('60');
    await expect(page.getByTestId('crowd-step')).toHaveText('step 60 / 150');
    const middle = await pixels(page);
    expect(middle).not.toBe(start);
    await page.getByTestId('crowd-scrub').fill('150');
    await expect(page.getByTestId('crowd-step')).toHaveText('step 150 / 150');
    expect(await pixels(page)).not.toBe(middle);
  });

  test('ring, cloud, line and noise modes switch; the count label follows', async ({ page }) => {
    await open(page);
    await expect(section(page)).toHaveAttribute('data-mode', 'ring');
    const ring = await pixels(page);

    await page.getByLabel('random cloud').check();
    await expect(section(page)).toHaveAttribute('data-mode', 'cloud');
    await page.getByLabel('particles', { exact: true }).selectOption('1000');
    await waitDone(page);
    await expect(page.getByTestId('crowd-count')).toHaveText('1,000 particles');
    await expect(page.getByTestId('crowd-caption')).toContainText('of 1,000 reach');
    const cloud = await pixels(page);
    expect(cloud).not.toBe(ring);

    await page.getByLabel('line').check();
    await waitDone(page);
    await expect(page.getByTestId('crowd-count')).toHaveText('1,000 particles');

    await page.getByLabel('noise ensemble').check();
    await expect(section(page)).toHaveAttribute('data-mode', 'noise');
    await page.getByLabel('noise seeds N').selectOption('250');
    await page.getByLabel('gradient noise σ', { exact: true }).selectOption('3');
    await waitDone(page);
    await expect(page.getByTestId('crowd-count')).toHaveText('250 particles');
    await expect(page.getByRole('status')).toContainText('250 particles × 150 steps');
    await page.getByTestId('crowd-scrub').fill('150');
    await expect(page.getByTestId('crowd-caption')).toContainText(/spread around the mean at step 150: \d/);
    expect(await pixels(page)).not.toBe(cloud);
  });

  test('each optimizer as small multiples', async ({ page }) => {
    await open(page);
    await page
      .getByLabel('optimizer', { exact: true })
      .selectOption({ label: 'each optimizer (small multiples)' });
    await waitDone(page);
    await expect(page.getByTestId('crowd-panel')).toHaveCount(6);
    await expect(page.getByTestId('crowd-count')).toHaveText('500 particles × 6 optimizers');
    await expect(page.getByTestId('crowd-caption')).toHaveCount(6);
  });

  test('screenshot: noise ensemble of SGD on the ravine', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await open(page);
    await page.getByLabel('noise ensemble').check();
    await page.getByLabel('noise seeds N').selectOption('1000');
    await page.getByLabel('gradient noise σ', { exact: true }).selectOption('3');
    await waitDone(page);
    await page.getByTestId('crowd-scrub').fill('22');
    await expect(page.getByTestId('crowd-caption')).toContainText('spread around the mean at step 22');
    await docsScreenshot(page, 'crowds.png');
  });
});
