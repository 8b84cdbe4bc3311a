import { expect, test, type Page } from './fixtures';

/**
 * Type your own optimizer: the typed Lion is added to the scene and runs (a lattice, its equations), a
 * slider moves it, errors are shown where they are while the scene keeps the last valid rule, and the
 * rule travels in a permalink (a link cut before its definition opens with a warning).
 */
test.use({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });

const SHOTS = process.env.OPTEDITOR_SHOTS;

async function addTypedLion(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await page.getByTestId('optimizer-editor-open').click();
  await expect(page.getByTestId('optimizer-editor-equations').locator('.katex')).toHaveCount(3);
  await page.getByTestId('optimizer-editor-add').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
}

/** The last trajectory's points in screen pixels. */
async function lastPath(page: Page): Promise<[number, number][]> {
  const d = (await page.getByTestId('trajectory-path').last().getAttribute('d'))!;
  return d
    .split(/[ML]/)
    .filter(Boolean)
    .map((p) => p.split(',').map(Number) as [number, number]);
}

test('a typed Lion joins the scene, walks a lattice, and follows its sliders', async ({ page }) => {
  await addTypedLion(page);
  await expect(page.getByTestId('legend-entry').last()).toContainText('My Lion');
  await expect(page.getByTestId('optimizer-editor-status')).toHaveText(/in the scene: 1 optimizer/);
  await expect(page.getByTestId('optimizer-card').last()).toContainText('η=0.02');
  // Inside the step shows its three lines as equations, as for a built-in.
  await page.getByTestId('focus-select').selectOption({ label: 'My Lion' });
  const rule = page.getByTestId('update-rule');
  await expect(rule).toHaveAttribute('aria-label', 'My Lion update rule');
  await expect(rule.locator('.katex')).toHaveCount(3);
  await expect(rule).toContainText('sign');
  // Its η follows the definition's default until the optimizer's own is changed.
  await page.getByTestId('optimizer-editor-lr').fill('0.03');
  await expect(page.getByTestId('optimizer-card').last()).toContainText('η=0.03');
  const points = await lastPath(page);
  expect(points.length).toBeGreaterThan(20);
  // A sign method: each coordinate moves by the same ±η every step, so one |Δx| and one |Δy|.
  const dx = points.slice(1).map((p, k) => Math.abs(p[0] - points[k]![0]));
  const dy = points.slice(1).map((p, k) => Math.abs(p[1] - points[k]![1]));
  for (const steps of [dx, dy]) {
    expect(Math.min(...steps)).toBeGreaterThan(0.5);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(0.15);
  }
  // β₁ = 0: the sign of the gradient alone — a different path.
  const before = JSON.stringify(points);
  const beta1 = page.getByTestId('optimizer-editor-hp-beta1');
  await beta1.fill('0');
  await beta1.press('Enter');
  await expect(page.getByTestId('optimizer-editor-hyperparameters')).toHaveValue(
    /beta1 = 0 in \[0, 0\.999\]/,
  );
  await expect.poll(async () => JSON.stringify(await lastPath(page))).not.toBe(before);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lion-page-1024.png`, fullPage: true });
});

test('errors are shown where they are, and the scene keeps the last valid rule', async ({ page }) => {
  await addTypedLion(page);
  const step = page.getByTestId('optimizer-editor-step');
  const drawn = await page.getByTestId('trajectory-path').last().getAttribute('d');

  await step.fill('c = beta1 * m + (1 - beta1) * g\nw = w - lr * sign(q)\nm = beta2 * m + (1 - beta2) * g');
  const message = page.getByTestId('optimizer-editor-error-message').first();
  await expect(message).toHaveText(/^Each step, line 2, character 19: unknown symbol 'q'/);
  await expect(page.getByTestId('optimizer-editor-error-mark')).toHaveText('q');
  await expect(page.getByTestId('optimizer-editor-status')).toHaveText(
    /1 problem; the scene keeps the last valid rule/,
  );
  await expect(page.getByTestId('optimizer-editor-add')).toBeDisabled();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
  expect(await page.getByTestId('trajectory-path').last().getAttribute('d')).toBe(drawn);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/error-page-1024.png`, fullPage: true });

  await step.fill('v = 0.9 * v + g\nw = w - lr * v');
  await expect(message).toHaveText(/^Each step, line 1, character 11: v is not a declared state variable/);
  await expect(page.getByTestId('optimizer-editor-error-mark')).toHaveText('v');
  await expect(page.getByTestId('optimizer-editor-status')).toHaveText(/^1 problem;/);

  await step.fill('w = w - lr * (g +');
  await expect(message).toHaveText(/^Each step, line 1, .*end of expression/);

  await page.getByTestId('optimizer-editor-state').fill('m = 0\n2x = 1');
  await expect(page.getByTestId('optimizer-editor-error-message').first()).toHaveText(
    /^State, line 2, character 1: a state line is name = initial value/,
  );

  // A rule that is valid but produces NaN stops its run, with the reason any run gives.
  await page.getByTestId('optimizer-editor-state').fill('m = 0');
  await step.fill('w = w - lr * log(-1 - abs(g))');
  await expect(page.getByTestId('optimizer-editor-status')).toHaveText(/in the scene: 1 optimizer/);
  const status = page.getByTestId('legend-entry').last().getByTestId('legend-status');
  await expect(status).toHaveAttribute('title', 'the update became NaN or infinite');

  // Fixing it applies at once: a state v declared, the heavy ball runs.
  await page.getByTestId('optimizer-editor-state').fill('v = 0');
  await step.fill('v = 0.9 * v - lr * g\nw = w + v');
  await expect(page.getByTestId('optimizer-editor-status')).toHaveText(/in the scene: 1 optimizer/);
  await expect.poll(() => page.getByTestId('trajectory-path').last().getAttribute('d')).not.toBe(drawn);
});

test('a permalink carries the rule; one cut before its definition opens with a warning', async ({
  page,
  context,
}) => {
  await addTypedLion(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&opt=[td]:/);
  const first = await page.evaluate(() => location.hash);
  await page.getByTestId('optimizer-editor-name').fill('Lion, typed');
  await expect(page.getByTestId('legend-entry').last()).toContainText('Lion, typed');
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(first);
  const url = page.url();

  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.getByTestId('trajectory')).toHaveCount(7);
  await expect(reopened.getByTestId('legend-entry').last()).toContainText('Lion, typed');
  await expect(reopened.getByTestId('optimizer-editor-name')).toHaveValue('Lion, typed');
  await expect(reopened.getByTestId('optimizer-editor-step')).toHaveValue(
    /w = w - lr \* \(sign\(c\) \+ decay \* w\)/,
  );
  await expect(reopened.getByTestId('link-warnings')).toHaveCount(0);
  expect(await reopened.getByTestId('trajectory-path').last().getAttribute('d')).toBe(
    await page.getByTestId('trajectory-path').last().getAttribute('d'),
  );

  const cut = await context.newPage();
  await cut.goto(url.slice(0, url.indexOf('&opt=')));
  await expect(cut.getByTestId('link-warnings')).toContainText(
    'a typed optimizer, but the link has no definition',
  );
  await expect(cut.getByTestId('trajectory')).toHaveCount(6);
});

test('the typed rule runs in a batch view: the outcome map computes it on WebGPU', async ({ page }) => {
  await addTypedLion(page);
  // Only the typed optimizer, so the map is its own.
  for (let k = 0; k < 6; k++) await page.getByTestId('remove-optimizer').first().click();
  await expect(page.getByTestId('trajectory')).toHaveCount(1);
  await page.getByRole('button', { name: 'Outcome map', exact: true }).click();
  const section = page.getByRole('region', { name: 'Outcome map' });
  await expect(page.getByTestId('engine-name')).toContainText('WebGPU', { timeout: 15_000 });
  await expect(section).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
  await expect(page.getByTestId('heatmap')).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByTestId('outcome-figure')).toContainText('My Lion');
  await expect(page.getByTestId('outcome-shares')).toContainText(/%/);
  await expect(page.getByTestId('engine-notice')).toHaveCount(0);
});

test('screenshots of the editor: projector, phone, dark (only with OPTEDITOR_SHOTS)', async ({ page }) => {
  test.skip(!SHOTS, 'set OPTEDITOR_SHOTS to a folder to take them');
  for (const [name, viewport, scheme] of [
    ['1024', { width: 1024, height: 768 }, 'light'],
    ['390', { width: 390, height: 844 }, 'light'],
    ['dark-1024', { width: 1024, height: 768 }, 'dark'],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await addTypedLion(page);
    // The sidebar scrolls on its own at desktop widths: bring each part into view, then shoot the viewport.
    await page.getByTestId('optimizer-editor-name').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/editor-${name}.png` });
    await page.getByTestId('optimizer-editor-step').fill('v = 0.9 * v + g\nw = w - lr * v');
    await expect(page.getByTestId('optimizer-editor-error-message').first()).toBeVisible();
    await page.getByTestId('optimizer-editor-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/editor-error-${name}.png` });
  }
});
