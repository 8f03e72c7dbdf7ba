/**
 * examples/hearts-bot through the three paths its README walks a newcomer
 * through, with the README's own commands (as child processes, from the
 * repository root): the simulator, the arena against the built-in bots, and
 * a seat at a live table through the `bot` command and the host's invite link.
 */
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TablePhase } from '@deckhand/protocol';
import type { ArenaResult } from '@deckhand/rules';
import { Host, bootServer, repoRoot, tool, toolEnv as env, waitFor } from './table';
import type { TestServer } from './table';

const run = promisify(execFile);
const EXAMPLE = './examples/hearts-bot/bot.js';

describe('examples/hearts-bot', { timeout: 240_000 }, () => {
  it('plays in the simulator', async () => {
    const { stdout } = await run(
      process.execPath,
      tool('packages/rules', 'src/cli/simulate.ts', ['--game', 'hearts', '--games', '4', '--seed', '1', '--bots', `${EXAMPLE},heuristic,random,random`, '--json']),
      { cwd: resolve(repoRoot, 'packages/rules'), env },
    );
    const report = JSON.parse(stdout) as { seats: { bot: string }[]; invariantViolations: number };
    expect(report.seats.map((seat) => seat.bot)).toEqual(['keep-out', 'heuristic', 'random', 'random']);
    expect(report.invariantViolations).toBe(0);
  });

  it('takes fewer points than the random bot in the arena', async () => {
    const { stdout } = await run(
      process.execPath,
      tool('packages/rules', 'src/cli/arena.ts', ['--game', 'hearts', '--bots', `${EXAMPLE},heuristic,random`, '--games', '8', '--seed', '1', '--json']),
      { cwd: resolve(repoRoot, 'packages/rules'), env },
    );
    const result = JSON.parse(stdout) as ArenaResult;
    expect(result.standings.map((standing) => standing.label).sort()).toEqual(['heuristic', 'keep-out', 'random']);
    const match = result.matches.find((candidate) => candidate.sides[0].label === 'keep-out' && candidate.sides[1].label === 'random')!;
    expect(match.games).toBe(8);
    expect(match.margin.mean).toBeLessThan(0);
  });

  describe('at a live table', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await bootServer();
    });
    afterAll(async () => {
      await server?.shutdown();
    });

    it('takes a seat from the invite link, plays the whole game and prints the result', async () => {
      const host = await Host.open(server, 'hearts');
      const invite = `${server.url}/t/${host.table.code}`;
      const child = spawn(process.execPath, tool('packages/bot-client', 'src/cli.ts', ['--invite', invite, '--bot', EXAMPLE]), {
        cwd: resolve(repoRoot, 'packages/bot-client'),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      try {
        const seat = await waitFor('the example seated', () => host.table.seats.find((candidate) => candidate.program), 180_000);
        expect(seat.name).toBe('Keep out of trouble');
        await host.fillWithBotsAndStart();
        expect(await exited).toBe(0);
        await waitFor('the host seeing the game end', () => host.table.phase === TablePhase.GameOver);
        const outcome = host.table.outcome!;
        expect(output).toContain(`table ${host.table.code}, seat ${seat.index + 1}:`);
        expect(output).toContain(`final scores ${outcome.scores.join(', ')}`);
      } finally {
        child.kill();
        await host.room.leave(true);
      }
    });
  });
});
