import { expect, test, type Page } from './fixtures';
import { LESSONS, lessonCaption } from '../src/core/lessons';
import { pickLesson } from './lecture-layout.support';

/** The explorer, driven as a person would. Motion is reduced so scenes open on their last step. */
test.use({ reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
});

const pathsOf = (page: Page) =>
  page.getByTestId('trajectory-path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
const stepOf = async (page: Page) => Number(await page.getByTestId('timeline').inputValue());

test('opens the default scene: contours, six trajectories, legend, engine', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Optiscope' })).toBeVisible();
  await expect(page.getByTestId('engine')).toHaveText('CPU · float64');
  expect(Number(await page.getByTestId('contours').getAttribute('data-levels'))).toBeGreaterThan(8);
  expect(await page.locator('[data-testid="contours"] path').count()).toBeGreaterThan(8);
  await expect(page.getByTestId('surface-formula')).toContainText('25');
  const legend = page.getByTestId('legend-entry');
  await expect(legend).toHaveCount(6);
  for (const name of ['SGD', 'SGD + momentum', 'Nesterov', 'AdaGrad', 'RMSProp', 'Adam']) {
    await expect(legend.filter({ hasText: name }).first()).toBeVisible();
  }
  await expect(legend.first()).toContainText('η=0.035');
  await expect(page.getByTestId('critical-minimum')).toHaveCount(1);
  await expect(page.getByTestId('color-legend')).toContainText('log-spaced');
  for (const panel of ['inside', 'loss', 'effectiveLr', 'convergence'])
    await expect(page.getByTestId(`panel-${panel}`)).toBeVisible();
  // Every trajectory is drawn as a real path, never with NaN.
  for (const d of await pathsOf(page)) expect(d).toMatch(/^M[-\d.]+,[-\d.]+L/);
  expect((await pathsOf(page)).join()).not.toContain('NaN');
});

test('clicking the surface moves the start and recomputes every trajectory', async ({ page }) => {
  const before = await pathsOf(page);
  const box = (await page.getByTestId('plot-background').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
  await expect(page.getByTestId('start-readout')).not.toHaveText('(−1, −1)');
  const after = await pathsOf(page);
  expect(after).toHaveLength(6);
  after.forEach((d, i) => expect(d).not.toBe(before[i]));
  const w1 = Number(await page.getByTestId('start-marker').getAttribute('data-w1'));
  expect(w1).toBeGreaterThan(0.5);
});

test('dragging the start marker recomputes the trajectories live', async ({ page }) => {
  const before = await pathsOf(page);
  const marker = (await page.getByTestId('start-marker').boundingBox())!;
  const x = marker.x + marker.width / 2;
  const y = marker.y + marker.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 12, y - i * 6);
  await page.mouse.up();
  await expect
    .poll(async () => Number(await page.getByTestId('start-marker').getAttribute('data-w1')))
    .toBeGreaterThan(-0.9);
  const after = await pathsOf(page);
  after.forEach((d, i) => expect(d).not.toBe(before[i]));
});

test('play, pause and scrub the timeline: aria-valuetext and markers follow', async ({ page }) => {
  const timeline = page.getByTestId('timeline');
  await timeline.fill('40');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^step 40, loss [\d.e-]+ \(SGD\)$/);
  await expect(page.getByTestId('step-marker').first()).toHaveAttribute('data-step', '40');
  await expect(page.getByTestId('chart-now').first()).toHaveAttribute('data-step', '40');
  await page.getByRole('button', { name: 'Reset to step 0' }).click();
  expect(await stepOf(page)).toBe(0);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => stepOf(page)).toBeGreaterThan(5);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false');
  const paused = await stepOf(page);
  await page.waitForTimeout(300);
  expect(await stepOf(page)).toBe(paused);
  await expect(page.getByTestId('step-marker').first()).toHaveAttribute('data-step', String(paused));
});

test('keyboard: space plays and pauses, arrows step, not while typing', async ({ page }) => {
  await page.getByRole('heading', { name: 'Optiscope' }).click();
  await page.keyboard.press('Home');
  expect(await stepOf(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await stepOf(page)).toBe(2);
  await page.keyboard.press('ArrowLeft');
  expect(await stepOf(page)).toBe(1);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false');
  const step = await stepOf(page);
  await page.getByTestId('steps-input').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  expect(await stepOf(page)).toBe(step);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false');
});

test('explain mode walks through gradient → moment → scaling → step', async ({ page }) => {
  await page.getByTestId('explain-toggle').click();
  await page.getByRole('heading', { name: 'Optiscope' }).click();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-readout')).toContainText('gradient');
  await expect(page.getByTestId('arrow-gradient')).toHaveCount(1);
  await expect(page.getByTestId('arrow-update')).toHaveCount(0);
  for (const phase of ['moment', 'scaling', 'step']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-readout')).toContainText(phase);
  }
  await expect(page.getByTestId('arrow-update')).toHaveCount(1);
  await expect(page.getByTestId('why')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  expect(await stepOf(page)).toBe(1);
  await expect(page.getByTestId('step-readout')).toContainText('gradient');
});

for (const lesson of LESSONS) {
  test(`lesson "${lesson.short}" opens with its caption`, async ({ page }) => {
    await pickLesson(page, lesson.id);
    const caption = page.getByTestId('lesson-caption');
    await expect(caption).toContainText(lesson.title);
    // Every sentence of the caption, as measured on the lesson's own runs, is on screen and none is flagged.
    for (const claim of lessonCaption(lesson)) await expect(caption).toContainText(claim.text);
    await expect(caption.locator('[data-holds="false"]')).toHaveCount(0);
    await expect(page.getByTestId('trajectory')).toHaveCount(lesson.scene.optimizers.length);
    if (lesson.panel && lesson.panel !== 'surface')
      await expect(page.getByTestId(`panel-${lesson.panel}`)).toHaveClass(/is-highlighted/);
  });
}

test('switching surfaces changes the formula and the contours', async ({ page }) => {
  const contoursBefore = await page.locator('[data-testid="contours"] path').first().getAttribute('d');
  await page.getByTestId('surface-select').selectOption('saddle');
  await expect(page.getByTestId('surface-formula')).toContainText('3');
  await expect(page.getByTestId('surface-formula')).not.toContainText('25');
  await expect(page.getByTestId('critical-saddle')).toHaveCount(1);
  await expect(page.getByTestId('color-legend')).toContainText('symmetric');
  expect(await page.locator('[data-testid="contours"] path').first().getAttribute('d')).not.toBe(
    contoursBefore,
  );
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await expect(page.getByTestId('panel-loss').getByTestId('loss-chart')).toHaveAttribute(
    'data-scale',
    'symlog',
  );
});

test('runs that leave the box are drawn to the edge and labelled, scales intact', async ({ page }) => {
  await pickLesson(page, 'saddle');
  // Downhill off w1³ + w2² (unbounded below) is "ran off to −∞", not "diverged" (issue 20).
  await expect(
    page.getByTestId('trajectory-label').filter({ hasText: 'SGD + momentum · ran off to −∞ at step 118' }),
  ).toBeVisible();
  await expect(page.getByTestId('legend-entry').filter({ hasText: 'ran off to −∞ at step 118' })).toHaveCount(
    1,
  );
  await expect(page.getByTestId('legend-status').filter({ hasText: 'diverged' })).toHaveCount(0);
  await expect(page.getByTestId('no-minimum')).toBeVisible();
  const all =
    (await pathsOf(page)).join() +
    (await page.getByTestId('chart-line').evaluateAll((ls) => ls.map((l) => l.getAttribute('d')).join()));
  expect(all).not.toContain('NaN');
  expect(all).not.toContain('Infinity');
  // The axes keep the saddle's box.
  const firstTick = Number((await page.locator('.axes text').first().textContent())!.replace('−', '-'));
  expect(firstTick).toBeGreaterThanOrEqual(-3);
  expect(firstTick).toBeLessThan(-1);
});

test('adding and removing an optimizer', async ({ page }) => {
  await page.getByTestId('add-optimizer-type').selectOption('Newton');
  await page.getByTestId('add-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
  await expect(page.getByTestId('legend-entry').last()).toContainText('Newton');
  await page.getByTestId('add-optimizer-type').selectOption('SGD');
  await page.getByTestId('add-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(8);
  await page.getByTestId('optimizer-card').nth(6).getByTestId('remove-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
  await expect(page.getByTestId('legend-entry').filter({ hasText: 'Newton' })).toHaveCount(0);
});

test('an invalid number says why and keeps the last valid value; a decimal comma is accepted', async ({
  page,
}) => {
  const card = page.getByTestId('optimizer-card').first();
  await card.getByRole('button', { name: /SGD/ }).first().click();
  const lr = card.getByTestId('hp-lr');
  await expect(lr).toHaveValue('0.035');
  const before = await pathsOf(page);
  await lr.fill('abc');
  await expect(card.getByTestId('field-error')).toContainText('not a number');
  await expect(page.getByTestId('legend-entry').first()).toContainText('η=0.035');
  expect(await pathsOf(page)).toEqual(before);
  await lr.fill('99');
  await expect(card.getByTestId('field-error')).toContainText('from');
  await lr.blur();
  await expect(lr).toHaveValue('0.035');
  // Not a silent revert (issue 20): the reason stays, and says which value was kept.
  await expect(card.getByTestId('field-error')).toContainText('kept 0.035');
  // A decimal comma is a decimal point.
  await lr.fill('0,02');
  await expect(card.getByTestId('field-error')).toHaveCount(0);
  await expect(page.getByTestId('legend-entry').first()).toContainText('η=0.02');
  expect((await pathsOf(page))[0]).not.toBe(before[0]);
});

test('dark theme toggle', async ({ page }) => {
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('zoom recomputes the contours for the visible box; reset view restores it', async ({ page }) => {
  const reset = page.getByTestId('reset-view');
  await expect(reset).toBeDisabled();
  const before = await page.locator('[data-testid="contours"] path').first().getAttribute('d');
  const box = (await page.getByTestId('plot-background').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A plain wheel over a plot not yet clicked scrolls the page (issue 20); Ctrl + wheel zooms.
  await page.mouse.wheel(0, -400);
  await expect(page.getByTestId('zoom-hint')).toBeVisible();
  await expect(reset).toBeDisabled();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(reset).toBeEnabled();
  await expect
    .poll(() => page.locator('[data-testid="contours"] path').first().getAttribute('d'))
    .not.toBe(before);
  await expect(page.getByTestId('contours')).not.toHaveAttribute('transform', /scale\((?!1\))/);
  await reset.click();
  await expect(reset).toBeDisabled();
  await expect
    .poll(() => page.locator('[data-testid="contours"] path').first().getAttribute('d'))
    .toBe(before);
});

test('the rate panel switches to accumulators and step length', async ({ page }) => {
  const metric = page.getByTestId('rate-metric');
  await expect(page.getByTestId('rate-chart')).toHaveCount(2);
  await metric.selectOption('acc:r');
  await expect(page.getByTestId('rate-chart').first().getByTestId('chart-line')).toHaveCount(2);
  await metric.selectOption('stepLength');
  await expect(page.getByTestId('rate-chart')).toHaveCount(1);
  await expect(page.getByTestId('rate-chart').getByTestId('chart-line')).toHaveCount(6);
});
