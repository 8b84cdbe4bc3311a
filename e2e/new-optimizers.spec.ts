import { expect, test, type Page } from './fixtures';

/**
 * An optimizer added to the registry reaches the explorer with no UI change: Lion (a sign method) is
 * picked from the optimizer menu, runs, walks its lattice and shows its equations in "Inside the step".
 */
test.use({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });

const SHOTS = process.env.NEWOPT_SHOTS;

async function addLion(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await page.getByTestId('add-optimizer-type').selectOption('Lion');
  await page.getByTestId('add-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
}

test('Lion from the menu: its trajectory walks a lattice and its equations render', async ({ page }) => {
  await addLion(page);
  await expect(page.getByTestId('legend-entry').last()).toContainText('Lion');
  await expect(page.getByTestId('optimizer-card').last()).toContainText('Lion');

  // Every step of a sign method moves each coordinate by the same ±η: in screen pixels, one |Δx| and one
  // |Δy| for the whole path (up to the path's rounding to 0.1 px).
  const d = (await page.getByTestId('trajectory-path').last().getAttribute('d'))!;
  const points = d
    .split(/[ML]/)
    .filter(Boolean)
    .map((p) => p.split(',').map(Number) as [number, number]);
  expect(points.length).toBeGreaterThan(20);
  const dx = points.slice(1).map((p, k) => Math.abs(p[0] - points[k]![0]));
  const dy = points.slice(1).map((p, k) => Math.abs(p[1] - points[k]![1]));
  for (const steps of [dx, dy]) {
    expect(Math.min(...steps)).toBeGreaterThan(0.5);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(0.15);
  }

  await page.getByTestId('focus-select').selectOption({ label: 'Lion' });
  const rule = page.getByTestId('update-rule');
  await expect(rule).toHaveAttribute('aria-label', 'Lion update rule');
  await expect(rule.locator('.katex')).toHaveCount(3);
  await expect(rule).toContainText('sign');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lion-1024.png`, fullPage: true });
});

async function addOptimizer(page: Page, type: string) {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
  await page.getByTestId('add-optimizer-type').selectOption(type);
  await page.getByTestId('add-optimizer').click();
  await expect(page.getByTestId('trajectory')).toHaveCount(7);
}

async function setNumber(page: Page, key: string, value: string) {
  const card = page.getByTestId('optimizer-card').last();
  const title = card.locator('.optimizer-title');
  if ((await title.getAttribute('aria-expanded')) !== 'true') await title.click();
  const field = card.getByTestId(`hp-${key}`);
  await field.fill(value);
  await field.blur();
}

const ellipse = async (page: Page, testId: string) => {
  const shape = page.getByTestId(testId).locator('ellipse');
  return {
    cx: Number(await shape.getAttribute('cx')),
    cy: Number(await shape.getAttribute('cy')),
    rx: Number(await shape.getAttribute('rx')),
    ry: Number(await shape.getAttribute('ry')),
  };
};

test('SAM draws its ρ-ball and the perturbed point on it; ρ sets the radius', async ({ page }) => {
  await addOptimizer(page, 'SAM');
  await setNumber(page, 'rho', '0.2');
  await expect(page.getByTestId('sam-ball')).toHaveAttribute('data-radius', '0.2');
  const ball = await ellipse(page, 'sam-ball');
  const point = page.getByTestId('sam-perturbed');
  const [px, py] = [Number(await point.getAttribute('cx')), Number(await point.getAttribute('cy'))];
  // The gradient is taken on the ball's rim (ε̂ = ρ g/‖g‖), and the plot keeps one scale for both axes.
  expect(Math.abs(Math.hypot(px - ball.cx, py - ball.cy) - ball.rx)).toBeLessThan(0.5);
  expect(Math.abs(ball.rx - ball.ry)).toBeLessThan(0.5);
  await expect(page.getByTestId('sam-label')).toHaveText('w + ε̂');
  await setNumber(page, 'rho', '0.4');
  await expect(page.getByTestId('sam-ball')).toHaveAttribute('data-radius', '0.4');
  expect((await ellipse(page, 'sam-ball')).rx).toBeCloseTo(2 * ball.rx, 0);

  await page.getByTestId('focus-select').selectOption({ label: 'SAM' });
  const rule = page.getByTestId('update-rule');
  await expect(rule.locator('.katex')).toHaveCount(4);
  // The recorded g is the one at w; the panel says where the step's gradient was taken, on the ball.
  const elsewhere = page.getByTestId('gradient-elsewhere');
  await expect(elsewhere).toContainText('the step uses ∇L at w + ε̂ = (');
  const shown = /\(([^,]+), ([^)]+)\)/
    .exec((await elsewhere.innerText())!)!
    .slice(1)
    .map((text) => Number(text.replace('−', '-')));
  const drawn = [Number(await point.getAttribute('data-w1')), Number(await point.getAttribute('data-w2'))];
  for (const i of [0, 1])
    expect(Math.abs(shown[i]! - drawn[i]!)).toBeLessThan(5e-3 * Math.abs(drawn[i]!) + 1e-9);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sam-1024.png`, fullPage: true });
});

test('Prodigy draws its distance estimate d as a circle around the start, labelled with d', async ({
  page,
}) => {
  await addOptimizer(page, 'Prodigy');
  const circle = page.getByTestId('prodigy-circle');
  const radius = Number(await circle.getAttribute('data-radius'));
  // d grew from d₀ = 1e-6 to the scale of the distance from the start to the minimum.
  expect(radius).toBeGreaterThan(0.05);
  expect(radius).toBeLessThan(3);
  await expect(page.getByTestId('prodigy-label')).toHaveText(`d = ${radius.toPrecision(3)}`);
  // Centred on the start marker.
  const start = page.getByTestId('start-marker');
  const box = (await start.boundingBox())!;
  const plot = (await page.getByTestId('prodigy-circle').locator('ellipse').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (plot.x + plot.width / 2))).toBeLessThan(2);
  expect(Math.abs(box.y + box.height / 2 - (plot.y + plot.height / 2))).toBeLessThan(2);
  await page.getByTestId('focus-select').selectOption({ label: 'Prodigy' });
  await expect(page.getByTestId('update-rule').locator('.katex')).toHaveCount(5);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/prodigy-1024.png`, fullPage: true });
});

test('Schedule-Free draws z and y beside the path x, which is what the loss panel reports', async ({
  page,
}) => {
  await addOptimizer(page, 'AdamWScheduleFree');
  await setNumber(page, 'lr', '0.05');
  const sequences = page.getByTestId('schedule-free-sequences');
  await expect(sequences).toHaveCount(1);
  // Early on, while the three are apart.
  await page.getByTestId('timeline').fill('30');
  const path = (await page.getByTestId('trajectory-path').last().getAttribute('d'))!;
  const xPoints = path.split(/[ML]/).filter(Boolean).length;
  const zPoints = (await page.getByTestId('schedule-free-z').getAttribute('points'))!.split(' ').length;
  expect(zPoints).toBe(xPoints);
  expect(xPoints).toBe(31);
  await expect(page.getByTestId('schedule-free-label')).toHaveText(['z', 'x (loss)', 'y']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/schedule-free-1024.png`, fullPage: true });
});

test('Sophia (exact Hessian) runs from the menu with its three equations', async ({ page }) => {
  await addOptimizer(page, 'Sophia');
  await expect(page.getByTestId('legend-entry').last()).toContainText('Sophia (exact Hessian)');
  await page.getByTestId('focus-select').selectOption({ label: 'Sophia (exact Hessian)' });
  const rule = page.getByTestId('update-rule');
  await expect(rule.locator('.katex')).toHaveCount(3);
  await expect(rule).toContainText('exact');
});

test('the outcome map runs SAM, Prodigy and Sophia on the batch engine: Prodigy and Sophia reach the minimum from every start', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(
    '/#v=1&m=1&s=quadratic&w=-1,-1&n=100&o=SAM:lr=0.01,rho=0.1;Prodigy;Sophia:lr=0.01&view=atlas',
  );
  const figures = page.getByTestId('outcome-figure');
  await expect(figures).toHaveCount(3);
  await expect(figures.locator('strong')).toHaveText(['SAM', 'Prodigy', 'Sophia (exact Hessian)']);
  await expect(page.getByTestId('outcome-shares')).toHaveCount(3, { timeout: 90_000 });
  // On a convex bowl the two that converge do so from every start; SAM with a fixed ρ keeps hopping across
  // the minimum (its gradient is always taken ρ away), so its share is its own.
  await expect(figures.nth(1).getByTestId('outcome-shares')).toContainText('reached the tolerance: 100%');
  await expect(figures.nth(2).getByTestId('outcome-shares')).toContainText('reached the tolerance: 100%');
  await expect(figures.nth(0).getByTestId('outcome-shares')).toContainText('reached the tolerance:');
});

test('the Network view says which optimizers it leaves out and why', async ({ page }) => {
  await page.goto('/#v=1&m=1&view=network');
  const note = page.getByTestId('not-for-networks');
  await expect(note).toBeVisible({ timeout: 30_000 });
  await expect(note.locator('summary')).toContainText('SAM, Prodigy, Sophia (exact Hessian)');
  await note.locator('summary').click();
  await expect(note.locator('li').filter({ hasText: 'Sophia' })).toHaveText(
    'Sophia (exact Hessian): reads the Hessian diagonal',
  );
  // The trainer's own menu offers none of them.
  const offered = await page
    .getByRole('combobox', { name: 'Optimizer 1' })
    .locator('option')
    .allTextContents();
  expect(offered).toContain('Adam');
  for (const type of ['SAM', 'Prodigy', 'Sophia']) expect(offered).not.toContain(type);
});
