import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../scripts/sourceConditions.mjs';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['src/**/*.test.ts'],
    // Each file starts its own game server and plays whole games over the wire.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
