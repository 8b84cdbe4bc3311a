/**
 * Builds the harness page (bench/page) with Vite into dist-harness/ and serves it on a free port, for the
 * benchmark runner and the GPU parity e2e test. Separate from the app build, so nothing here ships.
 */
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { ISOLATION_HEADERS } from '../vite.config';

const root = fileURLToPath(new URL('./page/', import.meta.url));
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));

export interface HarnessServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `name` keeps concurrent builds (two Playwright workers) out of each other's folder. */
export async function serveHarness(name = 'harness'): Promise<HarnessServer> {
  const outDir = `${cacheDir}optiscope-${name}`;
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
    worker: { format: 'es' },
  });
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    // Served like the app, so the CPU engine shares memory with its workers here too.
    preview: { port: 0, host: '127.0.0.1', strictPort: false, headers: ISOLATION_HEADERS },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the harness server has no URL');
  return { url, close: () => server.close() };
}
