/**
 * Shared by the e2e/hardening*.spec.ts files: a guard that records everything a hardened page must never do
 * (console errors, uncaught exceptions, CSP violations, dialogs, requests to other hosts), a scan of the
 * rendered SVG and URL for NaN/Infinity, and CDP heap/DOM metrics with forced GC.
 */
import { expect, type Page } from '@playwright/test';

export interface Guard {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
  readonly foreignRequests: string[];
  /** CSP violations seen by the page (securitypolicyviolation events), read on demand. */
  cspViolations(): Promise<string[]>;
  /** Fails the test with everything that went wrong, grouped. */
  expectClean(): Promise<void>;
}

declare global {
  interface Window {
    __hardeningCsp?: string[];
  }
}

/** Call before page.goto: the init script must run before the app's first script. */
export async function guard(page: Page, options: { allowConsole?: RegExp } = {}): Promise<Guard> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  await page.addInitScript(() => {
    window.__hardeningCsp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__hardeningCsp!.push(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !options.allowConsole?.test(text)) consoleErrors.push(text);
    // Chromium reports CSP refusals on the console too (also those inside workers).
    if (/Content Security Policy|Refused to/i.test(text) && message.type() !== 'error')
      consoleErrors.push(text);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    const base = new URL(page.url() === 'about:blank' ? url : page.url());
    if (new URL(url).origin !== base.origin) foreignRequests.push(url);
  });
  const cspViolations = async () => page.evaluate(() => window.__hardeningCsp ?? []).catch(() => []);
  return {
    consoleErrors,
    pageErrors,
    dialogs,
    foreignRequests,
    cspViolations,
    async expectClean() {
      expect(
        {
          consoleErrors,
          pageErrors,
          dialogs,
          foreignRequests,
          cspViolations: await cspViolations(),
        },
        'nothing a hardened page must never do',
      ).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [], foreignRequests: [], cspViolations: [] });
    },
  };
}

/**
 * Every place a non-finite number could leak into what the user sees: path data, polyline points,
 * transforms and coordinates of SVG elements, tick and label text, aria-valuetext, and the URL.
 */
export async function nonFiniteLeaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad = /NaN|Infinity/;
    const leaks: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;
    for (const el of Array.from(document.querySelectorAll('svg *'))) {
      for (const name of [
        'd',
        'points',
        'transform',
        'x',
        'y',
        'x1',
        'x2',
        'y1',
        'y2',
        'cx',
        'cy',
        'r',
        'width',
        'height',
        'viewBox',
      ]) {
        const value = el.getAttribute(name);
        if (value && bad.test(value)) leaks.push(`${describe(el)} ${name}="${value.slice(0, 80)}"`);
      }
      if ((el.tagName === 'text' || el.tagName === 'tspan') && bad.test(el.textContent ?? ''))
        leaks.push(`${describe(el)} text "${el.textContent}"`);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-valuetext], [aria-valuenow]'))) {
      const value = `${el.getAttribute('aria-valuetext') ?? ''} ${el.getAttribute('aria-valuenow') ?? ''}`;
      if (bad.test(value)) leaks.push(`${describe(el)} aria "${value}"`);
    }
    if (bad.test(decodeURIComponent(location.href))) leaks.push(`URL ${location.href}`);
    return leaks;
  });
}

export interface Metrics {
  readonly heapUsed: number;
  readonly domNodes: number;
  readonly listeners: number;
}

/** JS heap after a forced full GC, and DOM node counts (live document and the renderer's count). */
export async function measure(page: Page): Promise<Metrics> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      heapUsed: metric('JSHeapUsedSize'),
      domNodes: await page.evaluate(() => document.getElementsByTagName('*').length),
      listeners: metric('JSEventListeners'),
    };
  } finally {
    await cdp.detach();
  }
}

/** The header's view switcher: one button per view in src/ui/views.ts. */
export async function viewNames(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button').allInnerTexts();
}

export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
}

/** What the resource-counting init script (countResources) records, read with liveResources. */
export interface LiveResources {
  /** GPUBuffers created and neither destroyed nor on a destroyed device. */
  readonly gpuBuffers: number;
  readonly gpuBuffersCreated: number;
  /** Workers constructed and not terminated. */
  readonly workers: number;
  readonly workersCreated: number;
  /** GPUDevices requested and not destroyed. */
  readonly gpuDevices: number;
}

declare global {
  interface Window {
    __resources?: {
      buffers: Set<GPUBuffer>;
      bufferDevice: WeakMap<GPUBuffer, GPUDevice>;
      devices: GPUDevice[];
      deadDevices: WeakSet<GPUDevice>;
      workers: Set<Worker>;
      created: { buffers: number; workers: number };
    };
  }
}

/**
 * Call before page.goto. Wraps GPUAdapter.requestDevice, GPUDevice.createBuffer/destroy,
 * GPUBuffer.destroy and the Worker constructor/terminate to count what is alive. The devices are kept on
 * window.__resources.devices, so a test can destroy one (loseGpuDevice) as a driver reset would.
 */
export async function countResources(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const r: NonNullable<Window['__resources']> = {
      buffers: new Set(),
      bufferDevice: new WeakMap(),
      devices: [],
      deadDevices: new WeakSet(),
      workers: new Set(),
      created: { buffers: 0, workers: 0 },
    };
    window.__resources = r;
    if (typeof GPUAdapter !== 'undefined') {
      const requestDevice = GPUAdapter.prototype.requestDevice;
      GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor) {
        const device = await requestDevice.call(this, descriptor);
        r.devices.push(device);
        return device;
      };
      const createBuffer = GPUDevice.prototype.createBuffer;
      GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor) {
        const buffer = createBuffer.call(this, descriptor);
        r.buffers.add(buffer);
        r.bufferDevice.set(buffer, this);
        r.created.buffers++;
        return buffer;
      };
      const destroyBuffer = GPUBuffer.prototype.destroy;
      GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
        r.buffers.delete(this);
        return destroyBuffer.call(this);
      };
      const destroyDevice = GPUDevice.prototype.destroy;
      GPUDevice.prototype.destroy = function (this: GPUDevice) {
        r.deadDevices.add(this);
        return destroyDevice.call(this);
      };
    }
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        r.workers.add(this);
        r.created.workers++;
      }
      override terminate() {
        r.workers.delete(this);
        super.terminate();
      }
    };
  });
}

export async function liveResources(page: Page): Promise<LiveResources> {
  return page.evaluate(() => {
    const r = window.__resources!;
    const alive = (device: GPUDevice | undefined) => device !== undefined && !r.deadDevices.has(device);
    return {
      gpuBuffers: [...r.buffers].filter((b) => alive(r.bufferDevice.get(b))).length,
      gpuBuffersCreated: r.created.buffers,
      workers: r.workers.size,
      workersCreated: r.created.workers,
      gpuDevices: r.devices.filter((d) => alive(d)).length,
    };
  });
}

/** Destroys every device the page requested (simulated device loss): returns how many. */
export async function loseGpuDevice(page: Page): Promise<number> {
  return page.evaluate(() => {
    const devices = window.__resources!.devices.filter((d) => !window.__resources!.deadDevices.has(d));
    for (const device of devices) device.destroy();
    return devices.length;
  });
}
