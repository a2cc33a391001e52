import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'test-results-*',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'shots',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: input is untrusted.' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'No new Function: input is untrusted.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The layers and their directions (CONTRIBUTING.md): engine ← layout ← state ← views, with
    // no value-import cycle anywhere. Type-only imports do not count as cycles (they vanish from
    // the bundle), but they do count as directions.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads the imported modules too: it needs to know how to parse TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/engine',
              from: './src',
              except: ['./engine'],
              message: 'The engine is pure TypeScript: it imports nothing outside src/engine.',
            },
            {
              target: './src/layout',
              from: './src',
              // trustedTypes.ts is a leaf (it imports nothing): the page's one policy, which
              // signs the layout worker's URL.
              except: ['./engine', './layout', './trustedTypes.ts'],
              message: 'Layout imports only the engine (and the Trusted Types policy).',
            },
            {
              target: './src/state',
              from: './src/view',
              message: 'The store imports no view: views read the store, not the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine runs in Node and in workers: keep the DOM and React out of it.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'd3*', 'katex', 'zustand', '../view/*', '../state/*'] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'localStorage'],
    },
  },
);
