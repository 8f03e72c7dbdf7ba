import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../scripts/sourceConditions.mjs';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['src/**/*.test.ts', 'src/test/**/*.test.ts'],
    // Every file boots its own server on its own port; a whole game takes a few seconds.
    testTimeout: 90_000,
    hookTimeout: 30_000,
    env: { BOT_DELAY_MS: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
  },
});
