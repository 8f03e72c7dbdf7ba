/**
 * Tests that need Redis, Postgres or nginx (Debian's packages, never
 * downloaded): without them, in CI a failure; on a laptop a loud warning and
 * the tests are skipped, like the browser suite without chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingServices } from '../cluster/services';

/** True when redis-server, PostgreSQL and nginx are installed; otherwise warns (or throws under CI). */
export function clusterServicesAvailable(what: string): boolean {
  const missing = missingServices();
  if (missing.length === 0) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`${what}: ${missing.join(', ')} not installed; CI must install them (see .ci/run).`);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! SKIPPED: ${what}. Not installed: ${missing.join(', ')}.\n` +
      `!! Install with: apt-get install redis-server postgresql nginx\n${bar}\n`,
  );
  return false;
}

/** A temporary folder removed by `remove()`. */
export function scratchDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
