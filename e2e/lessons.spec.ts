import { expect, test } from './fixtures';
import { getLesson, lessonCaption } from '../src/core/lessons';
import { pickLesson } from './lecture-layout.support';

/** Lessons as a student meets them: captions measured on the runs on screen, the panels they point at. */
test.use({ reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('trajectory')).toHaveCount(6);
});

test('a changed lesson scene re-measures its caption and says so', async ({ page }) => {
  await pickLesson(page, 'ravine-zigzag');
  const caption = page.getByTestId('lesson-caption');
  await expect(caption.locator('[data-holds="true"]')).toHaveCount(
    lessonCaption(getLesson('ravine-zigzag')!).length,
  );
  await expect(page.getByTestId('lesson-changed')).toHaveCount(0);
  // Start near w₁ = 0, high on the steep wall: SGD's w₁ has nothing left to creep along.
  const plot = page.getByTestId('surface-plot');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.52, y: box.height * 0.15 } });
  await expect(page.getByTestId('lesson-changed')).toBeVisible();
  await expect(caption.locator('[data-holds="false"]').first()).toContainText(
    'Not true in your changed scene',
  );
  await page.getByTestId('lesson-restore').click();
  await expect(page.getByTestId('lesson-changed')).toHaveCount(0);
  await expect(caption.locator('[data-holds="false"]')).toHaveCount(0);
});

test('EWA lesson: the averages from V₀ = 0 and their bias correction are drawn and spelled out', async ({
  page,
}) => {
  await pickLesson(page, 'ewa');
  const panel = page.getByTestId('panel-ewa');
  await expect(panel).toHaveClass(/is-highlighted/);
  // The data, and for each β a corrected and an uncorrected average.
  await expect(panel.getByTestId('chart-line')).toHaveCount(7);
  await expect(panel.getByTestId('ewa-legend')).toContainText('β = 0.98, from V₀ = 0');
  await expect(panel.getByTestId('ewa-readout')).toContainText('V₁ = 0.02·θ₁');
  await expect(panel.getByTestId('ewa-readout')).toContainText('1 − β²) = V₂ / 0.0396');
  await panel.getByRole('checkbox', { name: 'uncorrected' }).uncheck();
  await expect(panel.getByTestId('chart-line')).toHaveCount(4);
});

test('gradient check lesson: the worked numerical gradient, the table and the verdict', async ({ page }) => {
  await pickLesson(page, 'gradient-check');
  const panel = page.getByTestId('panel-gradcheck');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('gradcheck-worked')).toContainText('(25.9998 − 26) / 1e-4 = −1.9999');
  await expect(panel.getByTestId('gradcheck-verdict')).toHaveAttribute('data-verdict', 'agree');
  await expect(panel.getByTestId('curvature-readout')).toContainText('κ = 25');
  // A huge h makes the forward difference visibly wrong, the centred one still exact on a quadratic.
  await panel.getByTestId('gradcheck-h').selectOption({ label: '1e-2' });
  await expect(panel.getByTestId('gradcheck-table')).toContainText('−1.99');
});

test('equations are typeset, follow the settings, and show the lecture’s notation', async ({ page }) => {
  await pickLesson(page, 'nesterov');
  await page.getByTestId('focus-select').selectOption({ label: 'Nesterov' });
  const rule = page.getByTestId('update-rule');
  await expect(rule.locator('.katex').first()).toBeVisible();
  await expect(page.getByTestId('lecture-form')).toContainText('lecture 001');
  await expect(page.getByTestId('lecture-form')).toContainText('look-ahead point φ = θ + μv');
  await pickLesson(page, 'adam-bias-correction');
  await page.getByTestId('focus-select').selectOption({ label: 'Adam, no bias correction' });
  // The uncorrected run's rule has no m̂: KaTeX's MathML annotation carries the TeX source.
  await expect(page.getByTestId('update-rule').locator('annotation').last()).toHaveText(/\\frac\{m_t\}/);
  await expect(page.getByTestId('update-rule')).not.toContainText('m̂');
});

test('Nesterov: the surface marks the lecture’s θ beside the drawn look-ahead point', async ({ page }) => {
  await pickLesson(page, 'nesterov');
  await page.getByTestId('focus-select').selectOption({ label: 'momentum' });
  await expect(page.getByTestId('lecture-iterates')).toHaveCount(0);
  await page.getByTestId('focus-select').selectOption({ label: 'Nesterov' });
  await expect(page.getByTestId('lecture-iterates')).toContainText('θ (lecture)');
});

test('stability: the threshold of the settings in force, the unstable region and gradient flow', async ({
  page,
}) => {
  await pickLesson(page, 'stability-threshold');
  const panel = page.getByTestId('panel-stability');
  await expect(panel).toHaveClass(/is-highlighted/);
  await expect(panel).toContainText('gradient descent is stable while η·λmax(H) < 2');
  await expect(panel.getByTestId('stability-readout')).toHaveAttribute('data-stable', 'true');
  await expect(page.getByTestId('gradient-flow')).toHaveCount(1);
  await expect(panel.getByTestId('flow-distance-chart')).toBeVisible();
  // At η = 0.039 no point of the ravine is unstable (λmax = 50 < 2/η); at 0.041 every point is.
  await expect(page.getByTestId('unstable-region')).toHaveCount(0);
  await page.getByTestId('focus-select').selectOption({ label: 'η = 0.041' });
  await expect(panel.getByTestId('stability-readout')).toHaveAttribute('data-stable', 'false');
  await expect(page.getByTestId('unstable-region')).toHaveAttribute('data-share', '1.000');
  // Adam: the preconditioned sharpness and its own threshold.
  await pickLesson(page, 'adam-edge-of-stability');
  await expect(panel).toContainText('(2+2β₁)/(1−β₁) = 38');
  await expect(panel.getByTestId('stability-legend')).toContainText('λmax(P⁻¹H)');
});
