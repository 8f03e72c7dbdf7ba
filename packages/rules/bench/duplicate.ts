/**
 * Duplicate games, a development measurement for search bots: for every seed,
 * game A puts the candidate bot in seat 0 and the heuristic bot in the other
 * seats, and game B the heuristic bot everywhere. Both deal from the same seed
 * and every seat draws from its own random stream (`<seed>/bots/<seat>`), so
 * the two games share their first deal and the other seats' dice; seat 0's
 * results are compared per seed, which cancels much of the luck of the deal.
 *
 *   npx tsx bench/duplicate.ts --game crazy-eights --games 300 --seed d1 [--ismcts '{"iterations":300}'] [--out a.jsonl]
 *   npx tsx bench/duplicate.ts --compare a.jsonl b.jsonl     # two candidates on the same seeds, paired
 *
 * The pairing helps less than hoped: once the candidate plays another move
 * than the heuristic would, the two games draw other cards and soon share
 * little more than the first deal. PEEK=1 (diagnosis only) lets the candidate
 * sample deals with the other hands as they truly are.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createIsmctsBot } from '../src/bots/ismcts';
import type { IsmctsOptions } from '../src/bots/ismcts';
import type { AnyGame, Bot, MoveBase } from '../src/game';
import { meanInterval } from '../src/cli/stats';
import { findGame } from '../src/registry';
import { Rng } from '../src/rng';

interface SeedResult {
  readonly seed: string;
  /** Seat 0 won (a shared win counts) with the candidate (A) and with the heuristic (B). */
  readonly winA: number;
  readonly winB: number;
  /** Seat 0's final score minus the mean of the other seats'. */
  readonly marginA: number;
  readonly marginB: number;
  /** Real decisions of the candidate, and how many differed from the heuristic's choice in the same position. */
  readonly decisions: number;
  readonly overrides: number;
}

let peekState: unknown = null;

function playSeed(game: AnyGame, seed: string, seats: number, bots: readonly Bot<unknown, MoveBase>[], heuristic: Bot<unknown, MoveBase>) {
  const options = game.defaultOptions(seats);
  let state: unknown = game.setup({ seed, seats, options });
  const rngs = bots.map((_, seat) => Rng.fromSeed(`${seed}/bots/${seat}`));
  let decisions = 0;
  let overrides = 0;
  for (let moves = 0; moves < 100_000; moves++) {
    const active = game.activeSeats(state);
    if (active.length === 0) break;
    const seat = active[0]!;
    peekState = state;
    const view: unknown = game.view(state, seat);
    const legal = game.legalMoves(state, seat);
    const bot = bots[seat]!;
    let move: MoveBase;
    if (bot !== heuristic && legal.length > 1) {
      const plain = heuristic.choose(view, legal, Rng.fromState(rngs[seat]!.state()));
      move = bot.choose(view, legal, rngs[seat]!);
      decisions++;
      if (JSON.stringify(move) !== JSON.stringify(plain)) overrides++;
    } else {
      move = bot.choose(view, legal, rngs[seat]!);
    }
    const result = game.apply(state, seat, move);
    if (!result.ok) throw new Error(`${game.id}: ${bot.id} played a refused move: ${result.error.code}`);
    state = result.state;
  }
  const outcome = game.outcome(state);
  if (!outcome) throw new Error(`${game.id}: no end (seed ${seed})`);
  const others = outcome.scores.slice(1);
  return {
    win: outcome.winners.includes(0) ? 1 : 0,
    margin: outcome.scores[0]! - others.reduce((a: number, b: number) => a + b, 0) / others.length,
    decisions,
    overrides,
  };
}

function meanCi(values: readonly number[]): string {
  const { mean, low, high, z } = meanInterval(values);
  return `${mean.toFixed(4)} [${low.toFixed(4)}, ${high.toFixed(4)}] (n ${values.length}, z ${z.toFixed(2)})`;
}

function report(results: readonly SeedResult[]): void {
  console.log(`games ${results.length}`);
  console.log(`candidate win rate   ${meanCi(results.map((r) => r.winA))}`);
  console.log(`heuristic win rate   ${meanCi(results.map((r) => r.winB))}`);
  console.log(`paired win diff      ${meanCi(results.map((r) => r.winA - r.winB))}`);
  console.log(`candidate margin     ${meanCi(results.map((r) => r.marginA))}`);
  console.log(`paired margin diff   ${meanCi(results.map((r) => r.marginA - r.marginB))}`);
  const decisions = results.reduce((a, r) => a + r.decisions, 0);
  const overrides = results.reduce((a, r) => a + r.overrides, 0);
  console.log(`overrides ${overrides} of ${decisions} decisions (${((100 * overrides) / Math.max(1, decisions)).toFixed(1)}%)`);
}

function compare(fileA: string, fileB: string): void {
  const read = (file: string) =>
    new Map(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SeedResult)
        .map((r) => [r.seed, r]),
    );
  const a = read(fileA);
  const b = read(fileB);
  const common = [...a.keys()].filter((seed) => b.has(seed));
  console.log(`${common.length} common seeds; first minus second`);
  console.log(`win diff     ${meanCi(common.map((s) => a.get(s)!.winA - b.get(s)!.winA))}`);
  console.log(`margin diff  ${meanCi(common.map((s) => a.get(s)!.marginA - b.get(s)!.marginA))}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      game: { type: 'string', default: 'crazy-eights' },
      games: { type: 'string', default: '100' },
      seed: { type: 'string', default: 'dup' },
      seats: { type: 'string', default: '4' },
      ismcts: { type: 'string', default: '{}' },
      out: { type: 'string' },
      compare: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.compare) {
    const files = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
    compare(files[0]!, files[1]!);
    return;
  }
  const game = findGame(values.game);
  if (!game) throw new Error(`unknown game ${values.game}`);
  const heuristic = game.bots['heuristic']!;
  const seats = Number(values.seats);
  const peeking: AnyGame = {
    ...game,
    determinize: (view: unknown, seat: number, rng: Rng) => {
      const dealt = game.determinize(view, seat, rng) as { hands: number[][]; stock: number[] };
      const truth = peekState as { hands: number[][]; stock: number[] } | null;
      return truth === null ? dealt : { ...dealt, hands: truth.hands, stock: rng.shuffle(truth.stock.slice()) };
    },
  };
  const candidate = createIsmctsBot(process.env['PEEK'] ? peeking : game, JSON.parse(values.ismcts) as IsmctsOptions);
  const results: SeedResult[] = [];
  const started = performance.now();
  for (let i = 0; i < Number(values.games); i++) {
    const seed = `${values.seed}-${i}`;
    const a = playSeed(game, seed, seats, [candidate, ...new Array<Bot<unknown, MoveBase>>(seats - 1).fill(heuristic)], heuristic);
    const b = playSeed(game, seed, seats, new Array<Bot<unknown, MoveBase>>(seats).fill(heuristic), heuristic);
    const result: SeedResult = {
      seed,
      winA: a.win,
      winB: b.win,
      marginA: a.margin,
      marginB: b.margin,
      decisions: a.decisions,
      overrides: a.overrides,
    };
    results.push(result);
    if (values.out) appendFileSync(values.out, `${JSON.stringify(result)}\n`);
  }
  report(results);
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
