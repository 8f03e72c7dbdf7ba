/**
 * The browser suite needs Debian's chromium (never a downloaded browser).
 * Without it: in CI that is a failure; on a laptop a loud warning, and the
 * suite is skipped.
 */
import { CHROMIUM_PATH, chromiumAvailable } from './harness';

export function setup(): void {
  if (chromiumAvailable) return;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`E2E: chromium not found at ${CHROMIUM_PATH}; CI must install it (see .ci/run).`);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! SKIPPED: browser end-to-end tests. No chromium at ${CHROMIUM_PATH}.\n` +
      `!! Install it with: apt-get install chromium   (or set CHROMIUM_PATH)\n${bar}\n`,
  );
}
