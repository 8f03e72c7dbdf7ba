/**
 * Simulator CLI:
 *   npm run simulate -- --game hearts --games 1000 --seed 1 --bots heuristic,random,random,random [--json]
 * Bad input (unknown game or bot, bad counts) prints a clear error and exits with code 2.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { botIds, findBot, findGame, gameIds } from '../registry';
import { sidesOf } from '../sides';
import { simulate } from '../simulate';
import { meanInterval, rateInterval } from './stats';
import type { AnyGame, Bot, MoveBase } from '../game';
import type { SimulationSummary } from '../simulate';

const USAGE = `Usage: npm run simulate -- --game <id> [--games N] [--seed S] [--bots a,b,...] [--options JSON] [--no-check] [--json]
  --game     ${gameIds().join(' | ') || '(no games registered)'}
  --games    number of games, 1-1000000 (default 100)
  --seed     any text; game i is dealt from "<seed>-<i>" (default 1)
  --bots     one bot per seat, comma-separated (default: heuristic in every seat at the game's minimum table)
  --options  game options as JSON, e.g. '{"target":50}'
  --no-check skip the per-move audit (faster; invariantViolations is then 0 by construction)
  --json     print exactly one JSON object
  --game-scores  with --json, also list every game's final scores (to pool runs for confidence intervals)`;

class UsageError extends Error {}

interface CliConfig {
  game: AnyGame;
  games: number;
  seed: string;
  bots: Bot<unknown, MoveBase>[];
  options: unknown;
  check: boolean;
  json: boolean;
  gameScores: boolean;
}

function parseCli(argv: string[]): CliConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        game: { type: 'string' },
        games: { type: 'string', default: '100' },
        seed: { type: 'string', default: '1' },
        bots: { type: 'string' },
        options: { type: 'string' },
        'no-check': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'game-scores': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.game) throw new UsageError('--game is required');
  const game = findGame(values.game);
  if (!game) throw new UsageError(`unknown game "${values.game}" (known: ${gameIds().join(', ')})`);
  if (!/^\d+$/.test(values.games) || Number(values.games) < 1 || Number(values.games) > 1_000_000) {
    throw new UsageError(`--games must be a whole number from 1 to 1000000 (got "${values.games}")`);
  }
  const botNames = values.bots ? values.bots.split(',').map((name) => name.trim()) : new Array<string>(game.minSeats).fill('heuristic');
  if (botNames.length < game.minSeats || botNames.length > game.maxSeats) {
    throw new UsageError(
      `${game.name} needs ${game.minSeats === game.maxSeats ? game.minSeats : `${game.minSeats}-${game.maxSeats}`} bots, one per seat (got ${botNames.length})`,
    );
  }
  const bots = botNames.map((name) => {
    const bot = findBot(game, name);
    if (!bot) throw new UsageError(`unknown bot "${name}" for ${game.id} (known: ${botIds(game).join(', ')})`);
    return bot;
  });
  let options: unknown;
  if (values.options) {
    try {
      options = JSON.parse(values.options);
    } catch {
      throw new UsageError(`--options must be JSON (got ${values.options})`);
    }
  }
  const checked = game.parseOptions(options, bots.length);
  if (!checked.ok) throw new UsageError(checked.error.message);
  return { game, games: Number(values.games), seed: values.seed, bots, options: checked.value, check: !values['no-check'], json: values.json, gameScores: values['game-scores'] };
}

function main(): void {
  let config: CliConfig;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`simulate: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  const started = performance.now();
  const summary = simulate(config);
  const seconds = (performance.now() - started) / 1000;
  const report = {
    game: config.game.id,
    games: summary.games,
    seed: config.seed,
    seconds: round(seconds, 3),
    gamesPerSecond: round(summary.games / seconds, 1),
    movesPerSecond: Math.round(summary.moves / seconds),
    seats: summary.seats.map((seat, index) => ({
      bot: seat.bot,
      meanScore: round(seat.meanScore, 2),
      wins: seat.wins,
      meanScoreCi95: interval(summary.gameScores.map((scores) => scores[index]!)),
      winRate: round(seat.wins / summary.games, 4),
      winRateCi95: proportionInterval(seat.wins, summary.games),
    })),
    invariantViolations: summary.invariantViolations,
    // One bot against a field: per game, seat 0's final score minus the mean of the other seats'.
    seat0VsOthers: {
      meanScoreDiff: round(mean(summary.gameScores.map(seat0Margin)), 3),
      meanScoreDiffCi95: interval(summary.gameScores.map(seat0Margin)),
    },
    ...sideReport(config.game, summary),
  };
  if (config.json) {
    console.log(JSON.stringify(config.gameScores ? { ...report, gameScores: summary.gameScores } : report));
  } else {
    console.log(`${config.game.name}: ${summary.games} games, seed ${config.seed}, ${config.check ? 'audited every move' : 'audit off'}`);
    console.log('seat  bot        mean score   wins   win rate');
    report.seats.forEach((seat, index) => {
      console.log(
        `${String(index).padEnd(5)} ${seat.bot.padEnd(10)} ${seat.meanScore.toFixed(2).padStart(10)} ${String(seat.wins).padStart(6)} ${((100 * seat.wins) / summary.games).toFixed(1).padStart(9)}%`,
      );
    });
    console.log('95% confidence intervals (normal approximation over games):');
    report.seats.forEach((seat, index) => {
      console.log(
        `${String(index).padEnd(5)} ${seat.bot.padEnd(10)} mean score [${seat.meanScoreCi95.join(', ')}]  win rate [${seat.winRateCi95.map((p) => `${(100 * p).toFixed(1)}%`).join(', ')}]`,
      );
    });
    const margin = report.seat0VsOthers;
    console.log(`seat 0 minus the others' mean score, per game: ${margin.meanScoreDiff} [${margin.meanScoreDiffCi95.join(', ')}]`);
    for (const side of report.sides ?? []) {
      console.log(
        `side ${side.seats.join('+')} (${side.bots.join(', ')}): mean score ${side.meanScore} [${side.meanScoreCi95.join(', ')}], wins ${side.wins}, win rate ${(100 * side.winRate).toFixed(1)}% [${side.winRateCi95.map((p) => `${(100 * p).toFixed(1)}%`).join(', ')}]`,
      );
    }
    if (report.side0VsOthers) {
      console.log(`side 0 minus the other side, per game: ${report.side0VsOthers.meanScoreDiff} [${report.side0VsOthers.meanScoreDiffCi95.join(', ')}]`);
    }
    console.log(`${report.gamesPerSecond} games/s, ${report.movesPerSecond} moves/s, ${report.seconds} s`);
    console.log(`invariant violations: ${summary.invariantViolations}`);
    for (const sample of summary.violationSamples) console.log(`  ${sample}`);
  }
  if (summary.invariantViolations > 0) process.exitCode = 1;
}

/** For a game of partnerships: each side's bots, score and wins (partners share them), and side 0 against the others. */
function sideReport(game: AnyGame, summary: SimulationSummary) {
  if (!game.teams) return {};
  const sides = sidesOf(game, summary.seats.length);
  const sideScores = summary.gameScores.map((scores) => sides.map((side) => scores[side[0]!]!));
  const margins = sideScores.map((scores) => scores[0]! - mean(scores.slice(1)));
  return {
    sides: sides.map((seats, index) => {
      const wins = summary.seats[seats[0]!]!.wins;
      return {
        seats: seats.slice(),
        bots: seats.map((seat) => summary.seats[seat]!.bot),
        meanScore: round(mean(sideScores.map((scores) => scores[index]!)), 2),
        meanScoreCi95: interval(sideScores.map((scores) => scores[index]!)),
        wins,
        winRate: round(wins / summary.games, 4),
        winRateCi95: proportionInterval(wins, summary.games),
      };
    }),
    side0VsOthers: { meanScoreDiff: round(mean(margins), 3), meanScoreDiffCi95: interval(margins) },
  };
}

function seat0Margin(scores: readonly number[]): number {
  return scores[0]! - mean(scores.slice(1));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function interval(values: readonly number[]): [number, number] {
  const { low, high } = meanInterval(values);
  return [round(low, 3), round(high, 3)];
}

function proportionInterval(successes: number, trials: number): [number, number] {
  const { low, high } = rateInterval(successes, trials);
  return [round(Math.max(0, low), 4), round(Math.min(1, high), 4)];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main();
