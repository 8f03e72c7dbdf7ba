import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../scripts/sourceConditions.mjs';

export default defineConfig({
  ...sourceResolution,
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        // 20 s: a jsdom render of the whole table takes seconds on a shared, loaded machine.
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['src/test/setup.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
