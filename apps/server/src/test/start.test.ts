/**
 * `npm run build && npm start` on a fresh clone: no NODE_ENV, no TOKEN_SECRET.
 * The server starts in production, serves the web app at `/`, and keeps the
 * secret it generated for the next start.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN_SECRET_FILE } from '../config';
import { SERVER_NODE_FLAGS } from '../nodeFlags';
import { sleep } from './harness';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = 25766 + (Number(process.env.DECKHAND_PORT_OFFSET ?? 0) || 0);

const scratch = mkdtempSync(join(tmpdir(), 'deckhand-start-'));
const webDist = join(scratch, 'web');
const dataDir = join(scratch, 'data');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `main.ts` as `npm start` does, with only what a shell on a fresh machine has; returns its output once `/` answered. */
async function start(): Promise<{ output: string; index: string; route: string }> {
  // The workspace packages' sources, as `npm run dev` reads them: a fresh clone has no build of them until `npm run build`.
  // With the flags `npm start` gives it: the bot threads (BOT_WORKERS) start under them too.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts', '--production'], {
    cwd: serverRoot,
    // No NODE_ENV, no TOKEN_SECRET. PORT, DATA_DIR and WEB_DIST only keep the test apart from a real checkout.
    env: { PATH: process.env.PATH ?? '', HOME: scratch, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: webDist, BOT_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    const until = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
      const index = await fetch(`http://127.0.0.1:${PORT}/`).then((r) => (r.ok ? r.text() : null), () => null);
      if (index !== null) {
        const route = await (await fetch(`http://127.0.0.1:${PORT}/t/ABCDE`)).text();
        // The LAN addresses are a development aid; production never tells them.
        expect((await fetch(`http://127.0.0.1:${PORT}/api/net`)).status).toBe(404);
        return { output, index, route };
      }
      if (Date.now() > until) throw new Error(`no answer on / within 30 s:\n${output}`);
      await sleep(100);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('npm start on a fresh clone', () => {
  it('runs in production, serves the web app at / and generates the token secret once, saying so in one line', async () => {
    const pkg = JSON.parse(readFileSync(join(serverRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} dist/main.js --production`);
    for (const flag of SERVER_NODE_FLAGS) expect(pkg.scripts['dev']).toContain(` ${flag} `);
    mkdirSync(webDist, { recursive: true });
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Deckhand</title><div id="root"></div>');

    const first = await start();
    expect(first.index).toContain('<title>Deckhand</title>');
    expect(first.route).toContain('<title>Deckhand</title>');
    const generated = first.output.split('\n').filter((line) => line.includes('TOKEN_SECRET'));
    expect(generated).toHaveLength(1);
    expect(generated[0]).toContain(join(dataDir, TOKEN_SECRET_FILE));
    expect(first.output).toMatch(/"production":true/);
    const secret = readFileSync(join(dataDir, TOKEN_SECRET_FILE), 'utf8');

    // The next start reads the same secret (guest tokens stay valid) and has nothing to announce.
    const second = await start();
    expect(second.output).not.toContain('TOKEN_SECRET');
    expect(readFileSync(join(dataDir, TOKEN_SECRET_FILE), 'utf8')).toBe(secret);
  }, 60_000);
});
