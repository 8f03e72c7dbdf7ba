/**
 * Many games with fixed seeds, summarised per seat. Pure: the CLI and the
 * benchmark measure time around it.
 */
import type { AnyGame, Bot, MoveBase } from './game';
import { playGame } from './play';

export interface SimulationConfig {
  readonly game: AnyGame;
  readonly games: number;
  /** Game i is dealt from seed `${seed}-${i}`. */
  readonly seed: string;
  /** One bot per seat. */
  readonly bots: readonly Bot<unknown, MoveBase>[];
  readonly options?: unknown;
  /** Audit every move (default true). */
  readonly check?: boolean;
}

export interface SeatSummary {
  readonly bot: string;
  /** Mean final game score. */
  readonly meanScore: number;
  /** Games this seat won; a tie shares the win, so each tied seat counts it. */
  readonly wins: number;
}

export interface SimulationSummary {
  readonly games: number;
  readonly moves: number;
  readonly seats: SeatSummary[];
  readonly invariantViolations: number;
  /** Every game's final scores by seat, in seed order: the per-game values behind confidence intervals. */
  readonly gameScores: (readonly number[])[];
  /** The first few violations, for a person to read. */
  readonly violationSamples: string[];
}

export function simulate(config: SimulationConfig): SimulationSummary {
  const seats = config.bots.length;
  const totals = new Array<number>(seats).fill(0);
  const wins = new Array<number>(seats).fill(0);
  let moves = 0;
  let violations = 0;
  const samples: string[] = [];
  const gameScores: (readonly number[])[] = [];
  for (let i = 0; i < config.games; i++) {
    const seed = `${config.seed}-${i}`;
    const played = playGame(config.game, {
      seed,
      options: config.options,
      bots: config.bots,
      check: config.check ?? true,
    });
    moves += played.moveCount;
    played.outcome.scores.forEach((score, seat) => (totals[seat]! += score));
    gameScores.push(played.outcome.scores.slice());
    for (const seat of played.outcome.winners) wins[seat]!++;
    violations += played.violations.length;
    for (const text of played.violations) if (samples.length < 5) samples.push(`game ${seed}: ${text}`);
  }
  return {
    games: config.games,
    moves,
    seats: config.bots.map((bot, seat) => ({ bot: bot.id, meanScore: totals[seat]! / Math.max(1, config.games), wins: wins[seat]! })),
    invariantViolations: violations,
    gameScores,
    violationSamples: samples,
  };
}
