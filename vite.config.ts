import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The Content-Security-Policy meta tag in index.html holds for the built app; the dev server's HMR client
 * needs inline script and a websocket, so `vite` (serve) drops the tag. `vite build` / `vite preview`
 * keep it, and the e2e hardening specs run against that build.
 */
const cspOnlyInBuild: Plugin = {
  name: 'optiscope-csp-only-in-build',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

/**
 * Cross-origin isolation, so the CPU engine may share memory with its workers (src/workers/
 * sharedMemory.ts). Everything the app loads is its own, so require-corp blocks nothing; a host without
 * these headers still runs the app, with chunks copied between threads instead.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), cspOnlyInBuild],
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // Relative asset paths so the built app works from any static folder (GitHub Pages, a USB stick).
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // Fonts (KaTeX's) stay files: the CSP's font-src 'self' refuses data: URLs.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    rolldownOptions: {
      // The example reveal.js deck is built beside the app, so a lecturer can open it offline.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        reveal: fileURLToPath(new URL('./examples/reveal/index.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
