// One flat config for the whole monorepo; each package runs `eslint .` from its
// own folder (through turbo) and ESLint finds this file by walking up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'http',
  'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/artifacts/**', '**/coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', TextEncoder: 'readonly',
        TextDecoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', fetch: 'readonly',
        window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly',
        sessionStorage: 'readonly', location: 'readonly', queueMicrotask: 'readonly', Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Named exports only: list what a module re-exports.' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    // Config files are the one place a default export is the tool's contract.
    files: ['**/*.config.{js,ts,mjs}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The rules package is pure: same inputs, same outputs, everywhere.
    files: ['packages/rules/src/**/*.ts'],
    ignores: ['packages/rules/src/cli/**', 'packages/rules/src/**/*.test.ts', 'packages/rules/src/test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng kept in the game state.' },
        { object: 'Date', property: 'now', message: 'Rules are pure: no clocks.' },
        { object: 'performance', property: 'now', message: 'Rules are pure: no clocks.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['Date', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
          'queueMicrotask', 'fetch', 'XMLHttpRequest', 'WebSocket', 'process', 'Buffer', 'require',
          'performance', 'window', 'document', 'localStorage'].map((name) => ({
          name,
          message: `Rules are pure and portable: no ${name} in packages/rules.`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins in packages/rules.' })),
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in packages/rules.' },
            { group: ['colyseus', 'colyseus.js', '@colyseus/*'], message: 'Rules know nothing of the network.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'Rules know nothing of the UI.' },
          ],
        },
      ],
    },
  },
);
