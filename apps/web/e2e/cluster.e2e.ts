/**
 * A browser game through the proxy surviving a dead process: `npm run
 * cluster` (Redis, Postgres, two server processes, nginx) serving the
 * production web build; a person plays Crazy Eights against a bot; the
 * process running the table is killed with SIGKILL mid-game; the page
 * reconnects on its own through nginx to the survivor, which took the table
 * over from the log, and the game is played to its end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebOnce, chromiumAvailable, openPlayer, screenshot, type Player } from './harness';
import { isGameOver, playUntil } from './play';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server');
const servicesInstalled = ['/usr/bin/redis-server', '/usr/sbin/nginx'].every((path) => existsSync(path)) && existsSync('/usr/lib/postgresql');
const ready = chromiumAvailable && servicesInstalled;
if (chromiumAvailable && !servicesInstalled) {
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error('cluster E2E: redis-server, postgresql or nginx missing; CI must install them (see .ci/run).');
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPED: the cluster browser test. Install: apt-get install redis-server postgresql nginx\n${'!'.repeat(78)}\n`);
}
/** The proxy's port; the cluster takes the next few (Redis +1, Postgres +2, servers +11, +12). */
const PROXY_PORT = 26040 + (Number(process.env.DECKHAND_PORT_OFFSET ?? 0) || 0);

describe.skipIf(!ready)('a browser game through nginx survives kill -9 of its process', () => {
  let cluster: ChildProcess;
  let output = '';
  // Made in beforeAll: a skipped suite (no nginx or Chromium here) still runs this body, and would leave it behind.
  let dir = '';
  let ana: Player | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckhand-cluster-e2e-'));
    await buildWebOnce();
    cluster = spawn(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/cluster/cli.ts', '--processes', '2', '--port', String(PROXY_PORT), '--dir', dir], {
      cwd: serverRoot,
      env: { ...process.env, BOT_DELAY_MS: '0', LEASE_MS: '2000', RECONNECT_SECONDS: '60' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cluster.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!output.includes('Deckhand cluster at')) {
      if (cluster.exitCode !== null || Date.now() - started > 150_000) throw new Error(`the cluster did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 240_000);

  afterAll(async () => {
    await ana?.close();
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((r) => cluster.once('exit', r));
      cluster.kill('SIGINT');
      await exited;
    }
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** The pid of the server process whose log line `message` names the table (pino writes each line's pid). */
  function pidLogging(code: string, message: string): number | null {
    for (const file of readdirSync(join(dir, 'logs'))) {
      for (const line of readFileSync(join(dir, 'logs', file), 'utf8').split('\n')) {
        if (line.includes(`"table":"${code}"`) && line.includes(`"msg":"${message}"`)) return (JSON.parse(line) as { pid: number }).pid;
      }
    }
    return null;
  }

  it('Ana plays Crazy Eights against a bot; the process running it dies; her page rejoins through the proxy and she finishes the game', async () => {
    const base = `http://127.0.0.1:${PROXY_PORT}`;
    ana = await openPlayer('Ana');
    const page = ana.page;
    await page.goto(base);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('radio', { name: /Crazy Eights/ }).check();
    await page.getByLabel('Players', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Create table' }).click();
    const code = (await page.getByTestId('table-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}$/);
    await page.getByRole('button', { name: 'Add bot to seat 2' }).click();
    await page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => page.locator('.hand-card').count()).toBeGreaterThan(0);
    // A few turns first, so the log holds a game in progress.
    let turns = 0;
    await playUntil([page], async () => turns >= 3, 30_000, async () => void turns++);
    // Her last action can still be on its way (a click clears the selection before the server answers): count the
    // hand once it has stayed the same for a second.
    let cardsBefore = -1;
    await expect
      .poll(async () => {
        const now = await page.locator('.hand-card').count();
        const settled = now === cardsBefore;
        cardsBefore = now;
        return settled;
      }, { interval: 1000, timeout: 15_000 })
      .toBe(true);

    const pid = pidLogging(code, 'table created');
    expect(pid).not.toBeNull();
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => page.getByTestId('reconnecting').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'cluster-01-reconnecting');
    // Back on the survivor: the banner goes, the same hand is there, and the table runs in the other process.
    await expect.poll(() => page.getByTestId('reconnecting').isVisible(), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => page.locator('.hand-card').count()).toBe(cardsBefore);
    expect(page.url()).toBe(`${base}/t/${code}`);
    const survivor = pidLogging(code, 'took over a table nobody held');
    await screenshot(page, 'cluster-02-back');
    await playUntil([page], () => isGameOver(page), 180_000);
    await screenshot(page, 'cluster-03-game-over');
    expect(survivor).not.toBeNull();
    expect(survivor).not.toBe(pid);
  }, 300_000);
});
