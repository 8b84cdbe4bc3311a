import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';

/** Exports produce valid files of the right size: PNG header dimensions, parseable SVG, video magic bytes, CSV rows. */
test.use({ reducedMotion: 'reduce' });

/** A short scene keeps the video tests quick: 40 steps → 41 frames. */
const SHORT = '#v=1&m=1&s=quadratic&w=-1,-1&n=40&o=SGD:lr=0.035;SGD:lr=0.01,momentum=0.9;Adam:lr=0.1';

async function openExport(page: Page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('trajectory')).toHaveCount(hash ? 3 : 6);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

async function save(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  const download: Download = await pending;
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('PNG at a chosen scale has the announced size; SVG parses', async ({ page }) => {
  await openExport(page);
  for (const scale of ['1', '3']) {
    await page.getByTestId('export-scale').selectOption(scale);
    const [width, height] = (await page.getByTestId('export-size').textContent())!.match(/\d+/g)!.map(Number);
    const png = await save(page, () => page.getByTestId('export-png').click());
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.readUInt32BE(16)).toBe(width);
    expect(png.bytes.readUInt32BE(20)).toBe(height);
  }
  const svg = await save(page, () => page.getByTestId('export-svg').click());
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      paths: doc.querySelectorAll('path').length,
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.paths).toBeGreaterThan(10);
  expect(text).toContain('fill:');
});

test('every panel exports as PNG and SVG', async ({ page }) => {
  await openExport(page);
  const targets = await page
    .getByTestId('export-target')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(targets.length).toBeGreaterThanOrEqual(5);
  await page.getByTestId('export-scale').selectOption('2');
  for (const target of targets) {
    await page.getByTestId('export-target').selectOption(target);
    const png = await save(page, () => page.getByTestId('export-png').click());
    expect(png.bytes.readUInt32BE(16), target).toBeGreaterThan(100);
    const svg = await save(page, () => page.getByTestId('export-svg').click());
    expect(svg.bytes.toString('utf8'), target).toContain('<svg');
  }
});

test('trajectories as CSV and JSON: one row per optimizer and step', async ({ page }) => {
  await openExport(page);
  const csv = await save(page, () => page.getByTestId('export-csv').click());
  const rows = csv.bytes.toString('utf8').trim().split('\n');
  expect(rows[0]).toBe('run,type,label,step,w1,w2,loss,g1,g2,dw1,dw2,eff_lr1,eff_lr2');
  expect(rows).toHaveLength(1 + 6 * 151);
  const json = JSON.parse(
    (await save(page, () => page.getByTestId('export-json').click())).bytes.toString('utf8'),
  );
  expect(json.runs).toHaveLength(6);
  expect(json.runs[0].path).toHaveLength(151);
});

test('the animation records as WebM (or GIF without WebCodecs), with progress', async ({ page }) => {
  await openExport(page, SHORT);
  const formats = await page
    .getByTestId('export-video-format')
    .locator('option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const format = formats.includes('webm') ? 'webm' : 'gif';
  await page.getByTestId('export-video-format').selectOption(format);
  const video = await save(page, async () => {
    await page.getByTestId('export-video').click();
    await expect(page.getByTestId('export-video-progress')).toBeVisible();
  });
  if (format === 'webm') {
    expect(video.name).toMatch(/\.webm$/);
    expect(video.bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  } else {
    expect(video.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  }
  expect(video.bytes.length).toBeGreaterThan(5_000);
});

test('GIF, and MP4 where the browser can encode it', async ({ page }) => {
  await openExport(page, SHORT);
  const formats = await page
    .getByTestId('export-video-format')
    .locator('option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  if (formats.includes('mp4')) {
    await page.getByTestId('export-video-format').selectOption('mp4');
    const mp4 = await save(page, () => page.getByTestId('export-video').click()).catch(() => null);
    if (mp4) expect(mp4.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  }
  await page.getByTestId('export-video-format').selectOption('gif');
  const gif = await save(page, () => page.getByTestId('export-video').click());
  expect(gif.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  expect(gif.bytes.readUInt16LE(6)).toBeGreaterThan(100);
});

test('a recording shows its progress and can be cancelled', async ({ page }) => {
  await openExport(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('export-video').click();
  const progress = page.getByTestId('export-video-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await page.getByTestId('export-video-cancel').click();
  await expect(page.getByTestId('export-video')).toBeVisible();
  await expect(page.getByTestId('export-dialog').getByRole('alert')).toHaveCount(0);
  expect(downloads).toBe(0);
  // The user's step is restored.
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  expect(await page.getByTestId('timeline').inputValue()).toBe('150');
});
