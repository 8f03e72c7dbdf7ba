/**
 * Bots from files and the arena: a module's bot is guarded (copies in, a
 * legal move out), the command-line tools load bots by path with one-line
 * errors, and the arena's matches are seeded, seat-rotated and summarised
 * with intervals.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArenaMode, matchSeatings, runArena } from '../arena';
import { BotMisplayError, BotModuleError, botFromModule, resolveBot } from '../bots/external';
import { findBot, findGame } from '../registry';
import { playGame } from '../play';
import { Rng } from '../rng';
import type { HeartsView } from '../games/hearts/views';

const run = promisify(execFile);
const rulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hearts = findGame('hearts')!;
const heuristic = findBot(hearts, 'heuristic')!;
const random = findBot(hearts, 'random')!;

describe('bot modules', () => {
  it('takes a bare function or a { id, name, choose } object, and names a function after its file', () => {
    const bare = botFromModule('./bots/lowest-first.js', (_view: unknown, moves: readonly unknown[]) => moves[0]);
    expect([bare.id, bare.name]).toEqual(['lowest-first', 'lowest-first']);
    const object = botFromModule('x.js', { id: 'mine', name: 'My bot', choose: (_view: unknown, moves: readonly unknown[]) => moves[0] });
    expect([object.id, object.name]).toEqual(['mine', 'My bot']);
  });

  it('refuses a module that exports no bot, in one line that says what it should export', () => {
    for (const exported of [undefined, 42, { id: 'x' }, null]) {
      expect(() => botFromModule('./bad.js', exported)).toThrow(BotModuleError);
    }
    expect(() => botFromModule('./bad.js', undefined)).toThrow(/must export default \{ id, name, choose.*got no default export/);
    expect(() => botFromModule('./bad.js', { id: 7, choose: () => null })).toThrow(/"id" must be a non-empty string/);
  });

  it('hands the bot copies: a bot that scribbles on its view and moves cannot change the game', () => {
    const vandal = botFromModule('vandal.js', (view: HeartsView, moves: { type: string }[]) => {
      (view.private!.hand as number[]).fill(0);
      (view.public.scores as number[]).fill(-99);
      const chosen = { ...moves[moves.length - 1]! };
      for (const move of moves) Object.assign(move, { type: 'scribbled' });
      return chosen;
    });
    const lastFirst = { id: 'last', name: 'last', choose: (_view: unknown, moves: readonly { type: string }[]) => moves[moves.length - 1]! };
    const copied = playGame(hearts, { seed: 'vandal', bots: [vandal, heuristic, heuristic, heuristic], check: true });
    const reference = playGame(hearts, { seed: 'vandal', bots: [lastFirst, heuristic, heuristic, heuristic], check: true });
    expect(copied.violations).toEqual([]);
    expect(copied.outcome.scores).toEqual(reference.outcome.scores);
  });

  it('accepts a legal move written in another key order, and refuses a move it was not offered', () => {
    const state = hearts.setup({ seed: 'keys', seats: 4, options: hearts.defaultOptions(4) });
    const legal = hearts.legalMoves(state, 0) as { type: string; cards: number[] }[];
    const reordered = botFromModule('r.js', () => ({ cards: [...legal[5]!.cards], type: legal[5]!.type }));
    expect(reordered.choose(hearts.view(state, 0), legal, Rng.fromSeed('k'))).toBe(legal[5]);
    // The hand starts with a pass: a play is not among the moves offered.
    const cheat = botFromModule('cheat.js', () => ({ type: 'play', card: legal[0]!.cards[0] }));
    expect(() => cheat.choose(hearts.view(state, 0), legal, Rng.fromSeed('k'))).toThrow(BotMisplayError);
    const thrower = botFromModule('boom.js', () => {
      throw new Error('boom');
    });
    expect(() => thrower.choose(hearts.view(state, 0), legal, Rng.fromSeed('k'))).toThrow(/boom\.js\) threw: boom/);
  });

  it('resolves built-in names without loading anything, and lists the known bots for a wrong name', async () => {
    const load = (): Promise<unknown> => Promise.reject(new Error('no loading expected'));
    expect(await resolveBot(hearts, 'heuristic', load)).toBe(heuristic);
    await expect(resolveBot(hearts, 'smart', load)).rejects.toThrow(/unknown bot "smart" for hearts \(known: random, heuristic, ismcts/);
    await expect(resolveBot(hearts, './x.js', () => Promise.reject(new SyntaxError('Unexpected token')))).rejects.toThrow(
      'bot module ./x.js failed to load: SyntaxError: Unexpected token',
    );
  });
});

describe('arena', () => {
  it('seats each side in every rotation of its pattern', () => {
    expect(matchSeatings(ArenaMode.RoundRobin, 4).map((seating) => seating.join(''))).toEqual(['0011', '1001', '1100', '0110']);
    expect(matchSeatings(ArenaMode.RoundRobin, 2).map((seating) => seating.join(''))).toEqual(['01', '10']);
    expect(matchSeatings(ArenaMode.RoundRobin, 3).map((seating) => seating.join(''))).toEqual(['001', '100', '010', '110', '011', '101']);
    expect(matchSeatings(ArenaMode.Gauntlet, 4).map((seating) => seating.join(''))).toEqual(['0111', '1011', '1101', '1110']);
    // Partners sit across the table: a round-robin side is a partnership, from both sides.
    expect(matchSeatings(ArenaMode.RoundRobin, 4, [[0, 2], [1, 3]]).map((seating) => seating.join(''))).toEqual(['0101', '1010']);
  });

  it('finds the heuristic bot stronger than random with an interval that excludes parity, the same on every run', () => {
    const config = {
      game: hearts,
      entrants: [{ label: 'heuristic', bot: heuristic }, { label: 'random', bot: random }],
      mode: ArenaMode.RoundRobin,
      games: 24,
      seed: 'arena-test',
    };
    const result = runArena(config);
    expect(result.lowerWins).toBe(true);
    expect(result.matches).toHaveLength(1);
    const [match] = result.matches;
    expect(match!.games).toBe(24);
    expect(match!.deals).toBe(6);
    expect(match!.margin.ci95[1]).toBeLessThan(0); // heuristic takes fewer points
    expect(result.standings.map((standing) => standing.label)).toEqual(['heuristic', 'random']);
    expect(result.standings[0]!.edge.ci95[0]).toBeGreaterThan(0);
    expect(runArena(config)).toEqual(result);
  });

  it('plays a gauntlet: the first bot against each other bot, once per pair', () => {
    const c8 = findGame('crazy-eights')!;
    const result = runArena({
      game: c8,
      entrants: ['heuristic', 'random', 'random'].map((id, index) => ({ label: `${id}${index}`, bot: findBot(c8, id)! })),
      mode: ArenaMode.Gauntlet,
      seats: 3,
      games: 6,
      seed: 'g',
    });
    expect(result.matches.map((match) => match.sides.map((side) => `${side.label}x${side.seats}`))).toEqual([
      ['heuristic0x1', 'random1x2'],
      ['heuristic0x1', 'random2x2'],
    ]);
    expect(result.lowerWins).toBe(false);
  });
});

// Each case starts the CLI under tsx: seconds apiece, more on a shared machine.
describe('command line', { timeout: 240_000 }, () => {
  let folder = '';
  const tool = (script: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: rulesDir, env: { ...process.env, INIT_CWD: folder } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'deckhand-bots-'));
    await writeFile(join(folder, 'first.js'), 'export default (view, legalMoves) => legalMoves[0];\n');
    await writeFile(join(folder, 'nothing.js'), 'export const choose = () => null;\n');
    await writeFile(join(folder, 'broken.js'), 'export default {\n');
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('simulate loads a bot by path relative to where the command was typed', async () => {
    const result = await tool('simulate', ['--game', 'hearts', '--games', '3', '--bots', './first.js,heuristic,random,random', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { seats: { bot: string }[]; invariantViolations: number };
    expect(report.seats.map((seat) => seat.bot)).toEqual(['first', 'heuristic', 'random', 'random']);
    expect(report.invariantViolations).toBe(0);
  });

  it('says in one line, exit code 2, that a bot module is missing, broken or exports no bot', async () => {
    const cases: [string, RegExp][] = [
      ['./missing.js', /^simulate: bot module \.\/missing\.js not found \(no file .*missing\.js\)\n$/],
      ['./nothing.js', /^simulate: bot module \.\/nothing\.js must export default .*got no default export\)\n$/],
      ['./broken.js', /^simulate: bot module \.\/broken\.js failed to load: \w+Error: .*broken\.js.*\n$/],
    ];
    for (const [spec, message] of cases) {
      const result = await tool('simulate', ['--game', 'hearts', '--games', '1', '--bots', `${spec},random,random,random`]);
      expect({ spec, code: result.code }).toEqual({ spec, code: 2 });
      expect(result.stderr).toMatch(message);
    }
  });

  it('arena prints a results table for bots by name and by path, and the same as JSON', async () => {
    const args = ['--game', 'crazy-eights', '--bots', 'heuristic,./first.js', '--games', '4', '--seed', '3'];
    const text = await tool('arena', args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Crazy Eights arena, round robin: 2 seats, seatings AB BA on each deal, 4 games \(2 deals\) a match/);
    expect(text.stdout).toMatch(/heuristic \(1\) v first \(1\)\s+4\s/);
    const json = await tool('arena', [...args, '--json']);
    const result = JSON.parse(json.stdout) as { standings: { label: string; games: number }[] };
    expect(result.standings.map((standing) => [standing.label, standing.games]).sort()).toEqual([['first', 4], ['heuristic', 4]]);
  });
});
