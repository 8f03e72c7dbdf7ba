import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../scripts/sourceConditions.mjs';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['src/**/*.test.ts'],
  },
});
