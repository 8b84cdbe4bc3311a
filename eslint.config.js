import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'test/fixtures', 'tmp'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no DOM, no React, no tfjs, no WebGPU, nothing from the layers above it.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'src/core must not depend on React.' },
            { group: ['@tensorflow/*'], message: 'src/core must not depend on tfjs.' },
            { group: ['d3', 'd3-*', 'zustand', 'zustand/*'], message: 'src/core must stay framework-free.' },
            {
              group: [
                '**/ui/**',
                '**/state/**',
                '**/gpu/**',
                '**/workers/**',
                '**/nn/**',
                '**/engine/**',
                '**/composition/**',
              ],
              message: 'src/core must not import from the layers above it.',
            },
          ],
        },
      ],
      // tsconfig.core.json type-checks the core without DOM types; this names the usual suspects early.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'location',
        'self',
        'fetch',
        'requestAnimationFrame',
        'HTMLElement',
        'GPUDevice',
      ],
    },
  },
  {
    // The batch contract (src/engine: request, result, layout) sits below both engines; the composition
    // that picks an engine (src/composition) sits above them. Neither engine knows the other or the app.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/gpu/**',
                '**/workers/**',
                '**/composition/**',
                '**/ui/**',
                '**/state/**',
                '**/nn/**',
              ],
              message: 'src/engine is the batch contract: it must not import the engines or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/gpu/**/*.ts', 'src/workers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/composition/**', '**/ui/**', '**/state/**'],
              message: 'an engine must not import the composition above it or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The batch views' request building and analysis: pure and Node-safe, below the UI.
    files: ['src/analysis/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*', 'd3', 'd3-*'], message: 'src/analysis is pure.' },
            {
              group: [
                '**/ui/**',
                '**/state/**',
                '**/gpu/**',
                '**/workers/**',
                '**/composition/**',
                '**/nn/**',
              ],
              message: 'src/analysis reads the core and the batch contract only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'self', 'fetch'],
    },
  },
);
