/**
 * Tests that need Redis, Postgres or nginx (Debian's packages, never
 * downloaded): without them, in CI a failure; on a laptop a loud warning and
 * the tests are skipped, like the browser suite without chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freePort, missingServices, startRedis } from '../cluster/services';
import type { Service } from '../cluster/services';

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

/**
 * A throwaway redis-server for one describe block, on a free loopback port;
 * `onStop` runs first at the end (close clients before the server goes).
 */
export function useThrowawayRedis(onStop: () => void | Promise<void> = () => {}): { readonly url: string } {
  let redis: Service | null = null;
  let scratch: ReturnType<typeof scratchDir> | null = null;
  beforeAll(async () => {
    scratch = scratchDir('deckhand-redis-');
    redis = await startRedis(join(scratch.path, 'redis'), await freePort());
  }, 30_000);
  afterAll(async () => {
    await onStop();
    await redis?.stop();
    scratch?.remove();
  });
  return {
    get url(): string {
      if (!redis) throw new Error('Redis is not running (beforeAll failed?)');
      return redis.url;
    },
  };
}
