/**
 * Rules throughput and bot decision time, per game, on one core:
 *   npm run bench -w @deckhand/rules [-- --quick] [-- --json] [-- --game gin-rummy]
 * Random play is legalMoves + a random pick + apply, with no audit, as a bot
 * or a search would drive the rules.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { GAMES, findBot } from '../src/registry';
import { Rng } from '../src/rng';
import type { AnyGame } from '../src/game';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
/** `--game <id>`: measure one game only (the full run takes minutes per game). */
const gameArg = process.argv.indexOf('--game');
const only = gameArg >= 0 ? process.argv[gameArg + 1] : undefined;
if (only !== undefined && !GAMES.some((game) => game.id === only)) {
  console.error(`unknown game "${only}" (known: ${GAMES.map((game) => game.id).join(', ')})`);
  process.exit(2);
}

interface GameFigures {
  game: string;
  seats: number;
  randomMovesPerSecond: number;
  randomGamesPerSecond: number;
  heuristicDecisionMedianMs: number;
  heuristicDecisionP99Ms: number;
  ismctsDecisionMedianMs: number;
  ismctsDecisionP99Ms: number;
  /** Median CPU time of this process per decision. */
  ismctsDecisionCpuMedianMs: number;
}

function randomPlay(game: AnyGame, seats: number, seconds: number): { moves: number; games: number; elapsed: number } {
  const rng = Rng.fromSeed('bench');
  const options = game.defaultOptions(seats);
  let moves = 0;
  let games = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    let state = game.setup({ seed: `bench-${games}`, seats, options });
    for (;;) {
      const active = game.activeSeats(state);
      if (active.length === 0) break;
      const seat = active[0]!;
      const legal = game.legalMoves(state, seat);
      const result = game.apply(state, seat, legal[rng.int(legal.length)]);
      if (!result.ok) throw new Error(`${game.id}: legal move refused: ${result.error.code}`);
      state = result.state;
      moves++;
    }
    games++;
    elapsed = performance.now() - started;
  }
  return { moves, games, elapsed };
}

function heuristicDecisions(game: AnyGame, seats: number, samples: number): number[] {
  const bot = game.bots['heuristic'];
  if (!bot) return [];
  const rng = Rng.fromSeed('bench-decisions');
  const options = game.defaultOptions(seats);
  const times: number[] = [];
  let games = 0;
  while (times.length < samples) {
    let state = game.setup({ seed: `decide-${games++}`, seats, options });
    for (;;) {
      const active = game.activeSeats(state);
      if (active.length === 0) break;
      const seat = active[0]!;
      const view = game.view(state, seat);
      const legal = game.legalMoves(state, seat);
      const started = performance.now();
      const move = bot.choose(view, legal, rng);
      times.push(performance.now() - started);
      const result = game.apply(state, seat, move);
      if (!result.ok) throw new Error(`${game.id}: heuristic move refused: ${result.error.code}`);
      state = result.state;
    }
  }
  return times.sort((a, b) => a - b);
}

/**
 * The ismcts bot at its default budget in seat 0 against heuristic bots.
 * Only real choices count (two or more legal moves); a lone `continue` costs nothing.
 */
function ismctsDecisions(game: AnyGame, seats: number, samples: number): { wall: number[]; cpu: number[] } {
  const bot = findBot(game, 'ismcts');
  const others = game.bots['heuristic'] ?? game.bots['random'];
  if (!bot || !others) return { wall: [], cpu: [] };
  const rng = Rng.fromSeed('bench-ismcts');
  const options = game.defaultOptions(seats);
  const times: number[] = [];
  // This process's CPU time too: on a shared, loaded machine the wall clock also counts the waits.
  const cpuTimes: number[] = [];
  let games = 0;
  while (times.length < samples) {
    let state = game.setup({ seed: `search-${games++}`, seats, options });
    while (times.length < samples) {
      const active = game.activeSeats(state);
      if (active.length === 0) break;
      const seat = active[0]!;
      const view = game.view(state, seat);
      const legal = game.legalMoves(state, seat);
      let move;
      if (seat === 0 && legal.length > 1) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        move = bot.choose(view, legal, rng);
        times.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
      } else {
        move = (seat === 0 ? bot : others).choose(view, legal, rng);
      }
      const result = game.apply(state, seat, move);
      if (!result.ok) throw new Error(`${game.id}: ismcts bench move refused: ${result.error.code}`);
      state = result.state;
    }
  }
  return { wall: times.sort((a, b) => a - b), cpu: cpuTimes.sort((a, b) => a - b) };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const figures: GameFigures[] = [];
for (const game of GAMES.filter((candidate) => only === undefined || candidate.id === only)) {
  const seats = game.id === 'hearts' ? 4 : Math.min(game.maxSeats, Math.max(game.minSeats, 4));
  randomPlay(game, seats, quick ? 0.2 : 1); // warm up the JIT
  const random = randomPlay(game, seats, quick ? 0.5 : 5);
  const decisions = heuristicDecisions(game, seats, quick ? 2_000 : 50_000);
  const searches = ismctsDecisions(game, seats, quick ? 100 : 1_000);
  figures.push({
    game: game.id,
    seats,
    randomMovesPerSecond: Math.round(random.moves / (random.elapsed / 1000)),
    randomGamesPerSecond: Math.round((10 * random.games) / (random.elapsed / 1000)) / 10,
    heuristicDecisionMedianMs: Number(percentile(decisions, 50).toFixed(4)),
    heuristicDecisionP99Ms: Number(percentile(decisions, 99).toFixed(4)),
    ismctsDecisionMedianMs: Number(percentile(searches.wall, 50).toFixed(2)),
    ismctsDecisionP99Ms: Number(percentile(searches.wall, 99).toFixed(2)),
    ismctsDecisionCpuMedianMs: Number(percentile(searches.cpu, 50).toFixed(2)),
  });
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (json) {
  console.log(JSON.stringify({ machine, quick, games: figures }));
} else {
  console.log(`rules benchmark (${quick ? 'quick' : 'full'}) on ${machine}`);
  for (const f of figures) {
    console.log(
      `${f.game.padEnd(13)} ${f.seats} seats  random play ${f.randomMovesPerSecond.toLocaleString('en')} moves/s, ${f.randomGamesPerSecond} games/s;` +
        `  heuristic decision median ${f.heuristicDecisionMedianMs} ms, p99 ${f.heuristicDecisionP99Ms} ms;` +
        `  ismcts decision (default budget) median ${f.ismctsDecisionMedianMs} ms, p99 ${f.ismctsDecisionP99Ms} ms` +
        ` (median CPU time ${f.ismctsDecisionCpuMedianMs} ms)`,
    );
  }
}
