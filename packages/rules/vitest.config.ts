import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests play hundreds of whole games; CI shares two cores with the server suites.
    testTimeout: 60_000,
  },
});
