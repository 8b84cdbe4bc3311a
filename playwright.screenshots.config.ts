/** `npm run screenshots`: the README's figures, written to docs/screenshots/ (never run by `npm test`). */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: 'scripts/screenshots', workers: 1 });
