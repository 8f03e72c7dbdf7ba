/**
 * The `bot` command's rate flags: a server run with its own message limit is
 * matched from the command line, and a bad value is refused in one line.
 */
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TablePhase } from '@deckhand/protocol';
import { Host, bootQuickServer, repoRoot, tool, toolEnv, waitFor } from './table';
import type { TestServer } from './table';

const run = promisify(execFile);
const cwd = resolve(repoRoot, 'packages/bot-client');

describe('npm run bot --rate / --burst', { timeout: 120_000 }, () => {
  it('refuses a rate that is not a whole number from 1 to 100000, in one line, with status 2', async () => {
    const failed = await run(process.execPath, tool('packages/bot-client', 'src/cli.ts', ['--url', 'http://127.0.0.1:1', '--code', 'BCDFG', '--bot', 'random', '--rate', '0']), { cwd, env: toolEnv })
      .then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim()).toBe('bot: --rate must be a whole number from 1 to 100000 (got "0")');
  });

  describe('at a server that allows 10 messages a second, 10 at once', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await bootQuickServer({ RATE_PER_SECOND: '10', RATE_BURST: '10' });
    });
    afterAll(async () => {
      await server?.shutdown();
    });

    it('given the same limits, plays a whole game without a message dropped', async () => {
      const host = await Host.open(server, 'hearts');
      const args = ['--url', server.url, '--code', host.table.code, '--bot', 'heuristic', '--rate', '10', '--burst', '10'];
      const child = spawn(process.execPath, tool('packages/bot-client', 'src/cli.ts', args), { cwd, env: toolEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      try {
        await waitFor('the program seated', () => host.table.seats.find((seat) => seat.program), 60_000);
        await host.fillWithBotsAndStart();
        expect(await exited).toBe(0);
        await waitFor('the host seeing the game end', () => host.table.phase === TablePhase.GameOver);
        expect(output).toContain('final scores');
        // The program's own pacing kept it under this server's limit: the table never slowed it down.
        expect(output).not.toContain('slowed down');
      } finally {
        child.kill();
        await host.room.leave(true);
      }
    });
  });
});
