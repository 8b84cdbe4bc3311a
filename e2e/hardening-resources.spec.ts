/**
 * Issue 8, resources: repeated work keeps the JS heap and the DOM flat. Each workload is a row of
 * WORKLOADS — a way to open it and one iteration of the work, run 1,000 times in the page (input events
 * dispatched from a loop, one frame apart, so React renders every one). Heap is measured with CDP after a
 * forced GC (HeapProfiler.collectGarbage, Performance.getMetrics JSHeapUsedSize).
 *
 * To add: the outcome map / sweep / compare views (GPU buffers must be destroyed on re-run and unmount)
 * and a network re-training, as rows here, when those views are in the header.
 */
import { expect, test, type Page } from '@playwright/test';
import { measure } from './hardening.support';

test.use({ reducedMotion: 'reduce' });

interface Workload {
  readonly name: string;
  open(page: Page): Promise<void>;
  /** CSS selector of a range input; the loop alternates it between two values (each a new scene or step). */
  readonly slider: string;
  readonly values: readonly [number, number];
}

const WORKLOADS: readonly Workload[] = [
  {
    name: 'a hyperparameter slider moved 1,000 times (1,000 recomputations of the default scene)',
    async open(page) {
      await page.getByTestId('optimizer-card').first().locator('.optimizer-title').click();
    },
    slider: '[data-testid="optimizer-card"] input[type="range"]',
    values: [180, 181],
  },
  {
    name: 'the steps slider moved 1,000 times (the scene is re-simulated and every panel redrawn)',
    async open() {},
    slider: 'input[aria-label^="steps slider"]',
    values: [60, 61],
  },
  {
    name: 'the timeline scrubbed 1,000 times',
    async open() {},
    slider: '[data-testid="timeline"]',
    values: [20, 120],
  },
];

/** Sets a range input's value as a user would (native setter + input event), `times` times, one frame apart. */
async function drive(page: Page, selector: string, values: readonly [number, number], times: number) {
  await page.evaluate(
    async ({ selector, values, times }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      for (let i = 0; i < times; i++) {
        setValue.call(input, String(values[i % 2]));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    { selector, values, times },
  );
}

for (const workload of WORKLOADS) {
  test(`heap and DOM stay flat: ${workload.name}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await expect(page.getByTestId('trajectory').first()).toBeVisible();
    await workload.open(page);
    // Warm up: JIT, caches and React's first allocations are not a leak.
    await drive(page, workload.slider, workload.values, 100);
    const before = await measure(page);
    await drive(page, workload.slider, workload.values, 1000);
    const after = await measure(page);
    const paths = await page.getByTestId('trajectory').count();
    expect(paths).toBeGreaterThan(0);
    // A leak of one scene per recomputation would be ≥ 1,000 × ~50 kB; allow 25% or 4 MB of noise.
    const slack = Math.max(4 * 2 ** 20, before.heapUsed * 0.25);
    expect(after.heapUsed - before.heapUsed, `heap ${before.heapUsed} → ${after.heapUsed}`).toBeLessThan(
      slack,
    );
    expect(
      Math.abs(after.domNodes - before.domNodes),
      `DOM nodes ${before.domNodes} → ${after.domNodes}`,
    ).toBeLessThanOrEqual(Math.ceil(before.domNodes * 0.02));
    expect(
      after.listeners - before.listeners,
      `event listeners ${before.listeners} → ${after.listeners}`,
    ).toBeLessThan(50);
  });
}
