/**
 * A development measurement of search bots, one decision at a time. Positions
 * come from games the heuristic bot plays against itself (every seat's real
 * choices, up to 64 legal moves). In each, the candidate and the heuristic
 * choose; where they differ, both moves are played out from the TRUE deal
 * with the heuristic in every seat afterwards and the same dice, to the end
 * of the hand and on to the end of the game. The mean gain per decision is
 * the candidate's one-step advantage over the heuristic: the luck of a deal
 * is the same for both moves, and the true deal carries whatever the
 * candidate's sampling of hidden cards gets wrong.
 *
 *   npx tsx bench/advantage.ts --game crazy-eights --positions 6000 --seed q [--ismcts '{"iterations":1}'] [--out a.json]
 *   npx tsx bench/advantage.ts --compare a.json,b.json     # two candidates on the same positions, paired
 *
 * PEEK=1 (diagnosis only) lets the candidate sample deals with the other
 * hands as they truly are, the stock shuffled: what perfect knowledge of the
 * hands would be worth. Needs a game whose state has `hands` and `stock`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createIsmctsBot, handRewards, scoreScaleOf } from '../src/bots/ismcts';
import type { IsmctsOptions } from '../src/bots/ismcts';
import type { AnyGame, MoveBase, Seat } from '../src/game';
import { meanInterval } from '../src/cli/stats';
import { findGame } from '../src/registry';
import { Rng } from '../src/rng';

interface Position {
  readonly state: unknown;
  readonly seat: Seat;
}

/** Per position: the candidate's gain over the heuristic (0 where they agree). */
interface Gains {
  readonly reward: number[];
  readonly points: number[];
  readonly wins: number[];
  readonly finalMargin: number[];
}

function positionsOf(game: AnyGame, seats: number, count: number, seed: string): Position[] {
  const heuristic = game.bots['heuristic']!;
  const positions: Position[] = [];
  for (let g = 0; positions.length < count; g++) {
    let state: unknown = game.setup({ seed: `${seed}-${g}`, seats, options: game.defaultOptions(seats) });
    const rng = Rng.fromSeed(`${seed}-${g}/bots`);
    for (;;) {
      const active = game.activeSeats(state);
      if (active.length === 0) break;
      const seat = active[0]!;
      const legal = game.legalMoves(state, seat);
      if (legal.length > 1 && legal.length <= 64 && positions.length < count) positions.push({ state, seat });
      const result = game.apply(state, seat, heuristic.choose(game.view(state, seat), legal, rng));
      if (!result.ok) throw new Error(result.error.code);
      state = result.state;
    }
  }
  return positions;
}

/** Plays `move` from the true state, then the heuristic everywhere: the hand's reward and points, the game's result. */
function playOut(game: AnyGame, state: unknown, seat: Seat, move: MoveBase, dice: Rng) {
  const heuristic = game.bots['heuristic']!;
  const step = (current: unknown, acting: Seat): unknown => {
    const legal = game.legalMoves(current, acting);
    const result = game.apply(current, acting, heuristic.choose(game.view(current, acting), legal, dice));
    if (!result.ok) throw new Error(result.error.code);
    return result.state;
  };
  const before: number[] = game.scores(state).slice();
  const applied = game.apply(state, seat, move);
  if (!applied.ok) throw new Error(applied.error.code);
  let current: unknown = applied.state;
  for (let moves = 0; moves < 2_000; moves++) {
    const active: readonly Seat[] = game.activeSeats(current);
    if (active.length === 0 || game.scores(current).some((score: number, s: number) => score !== before[s])) break;
    current = step(current, active[0]!);
  }
  const after: readonly number[] = game.scores(current);
  for (let moves = 0; moves < 20_000; moves++) {
    const active: readonly Seat[] = game.activeSeats(current);
    if (active.length === 0) break;
    current = step(current, active[0]!);
  }
  const outcome = game.outcome(current)!;
  const scale = scoreScaleOf(game, before.length);
  const sign = scale.lowerWins ? -1 : 1;
  const others = (outcome.scores.reduce((a, b) => a + b, 0) - outcome.scores[seat]!) / (outcome.scores.length - 1);
  return {
    reward: handRewards(before, after, scale)[seat]!,
    points: sign * (after[seat]! - before[seat]!),
    win: outcome.winners.includes(seat) ? 1 : 0,
    finalMargin: sign * (outcome.scores[seat]! - others),
  };
}

function meanCi(values: readonly number[]): string {
  const { mean, low, z } = meanInterval(values);
  return `${mean.toFixed(5)} ± ${(mean - low).toFixed(5)} (z ${z.toFixed(2)})`;
}

function compare(files: string): void {
  const [a, b] = files.split(',').map((file) => JSON.parse(readFileSync(file, 'utf8')) as Gains);
  if (!a || !b) throw new Error('--compare needs two files, comma-separated');
  const differ = a.wins.filter((_, i) => a.reward[i] !== b.reward[i] || a.wins[i] !== b.wins[i]).length;
  console.log(`${a.wins.length} positions, ${differ} with different results; first minus second:`);
  console.log(`  hand reward ${meanCi(a.reward.map((r, i) => r - b.reward[i]!))}`);
  console.log(`  games won   ${meanCi(a.wins.map((w, i) => w - b.wins[i]!))}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      game: { type: 'string', default: 'crazy-eights' },
      positions: { type: 'string', default: '1000' },
      seed: { type: 'string', default: 'p' },
      seats: { type: 'string', default: '4' },
      ismcts: { type: 'string', default: '{}' },
      out: { type: 'string' },
      compare: { type: 'string' },
    },
    strict: true,
  });
  if (values.compare) return compare(values.compare);
  const game = findGame(values.game);
  if (!game) throw new Error(`unknown game ${values.game}`);
  const heuristic = game.bots['heuristic']!;
  const positions = positionsOf(game, Number(values.seats), Number(values.positions), values.seed);
  let truth: { hands: number[][]; stock: number[] } | null = null;
  const peeking: AnyGame = {
    ...game,
    determinize: (view: unknown, seat: Seat, rng: Rng) => {
      const dealt = game.determinize(view, seat, rng) as { hands: number[][]; stock: number[] };
      return truth === null ? dealt : { ...dealt, hands: truth.hands, stock: rng.shuffle(truth.stock.slice()) };
    },
  };
  const candidate = createIsmctsBot(process.env['PEEK'] ? peeking : game, JSON.parse(values.ismcts) as IsmctsOptions);
  const gains: Gains = { reward: [], points: [], wins: [], finalMargin: [] };
  let overrides = 0;
  let searchMs = 0;
  positions.forEach((position, index) => {
    truth = position.state as { hands: number[][]; stock: number[] };
    const view: unknown = game.view(position.state, position.seat);
    const legal = game.legalMoves(position.state, position.seat);
    const rng = Rng.fromSeed(`${values.seed}/choose/${index}`);
    const plain: MoveBase = heuristic.choose(view, legal, Rng.fromState(rng.state()));
    const started = performance.now();
    const chosen: MoveBase = candidate.choose(view, legal, rng);
    searchMs += performance.now() - started;
    if (JSON.stringify(chosen) === JSON.stringify(plain)) {
      for (const list of Object.values(gains)) list.push(0);
      return;
    }
    overrides++;
    const a = playOut(game, position.state, position.seat, chosen, Rng.fromSeed(`dice/${index}`));
    const b = playOut(game, position.state, position.seat, plain, Rng.fromSeed(`dice/${index}`));
    gains.reward.push(a.reward - b.reward);
    gains.points.push(a.points - b.points);
    gains.wins.push(a.win - b.win);
    gains.finalMargin.push(a.finalMargin - b.finalMargin);
  });
  if (values.out) writeFileSync(values.out, JSON.stringify(gains));
  console.log(
    `${positions.length} positions, ${overrides} overrides (${((100 * overrides) / positions.length).toFixed(1)}%), ` +
      `${(searchMs / positions.length).toFixed(1)} ms a decision; gain per decision (positive: better than the heuristic):`,
  );
  console.log(`  hand reward   ${meanCi(gains.reward)}`);
  console.log(`  hand points   ${meanCi(gains.points)}`);
  console.log(`  games won     ${meanCi(gains.wins)}`);
  console.log(`  final margin  ${meanCi(gains.finalMargin)}`);
}

main();
