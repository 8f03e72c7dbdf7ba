/**
 * Bots against bots: matches between two entrants over seeded, seat-rotated
 * games, summarised with 95% intervals. Pure: the arena CLI measures time and
 * prints.
 *
 * A match seats two entrants in a fixed pattern and plays every rotation of
 * it on each deal (duplicate style): in round robin each takes half the
 * seats (AABB at four seats, AB at two; at an odd table each side gets the
 * extra seat in turn), in a gauntlet the challenger takes one seat and the
 * opponent every other. The deal's luck then falls on both sides alike, and
 * the intervals are taken over deals, the independent unit.
 */
import { scoreScaleOf } from './bots/ismcts';
import { meanInterval } from './cli/stats';
import type { AnyGame, Bot, MoveBase, Seat } from './game';
import { playGame } from './play';

export const ArenaMode = {
  /** Every pair of entrants, each with half the seats. */
  RoundRobin: 'round-robin',
  /** The first entrant in one seat against each other entrant in every other seat. */
  Gauntlet: 'gauntlet',
} as const;
export type ArenaMode = (typeof ArenaMode)[keyof typeof ArenaMode];

export interface ArenaEntrant {
  /** Shown in the tables; unique within an arena. */
  readonly label: string;
  readonly bot: Bot<unknown, MoveBase>;
}

export interface ArenaConfig {
  readonly game: AnyGame;
  readonly entrants: readonly ArenaEntrant[];
  readonly mode: ArenaMode;
  /** Table size; default the game's minimum. */
  readonly seats?: number;
  /** Games per match, rounded up to whole deals (every rotation of the seating on each deal). */
  readonly games: number;
  /** Deal d of every match is dealt from `${seed}-${d}`: all matches play the same deals. */
  readonly seed: string;
  readonly options?: unknown;
  /** Audit every move (slower). */
  readonly check?: boolean;
}

/** A value with its 95% interval (normal approximation over deals). */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
}

export interface MatchSide {
  readonly label: string;
  /** Seats this side holds at each game. */
  readonly seats: number;
  /** Mean final score of its seats. */
  readonly meanScore: Estimate;
  /** Share of games in which one of its seats won (a shared win counts). */
  readonly winRate: Estimate;
}

export interface ArenaMatch {
  readonly games: number;
  readonly deals: number;
  readonly sides: readonly [MatchSide, MatchSide];
  /** First side's mean score minus the second's, per game. */
  readonly margin: Estimate;
  readonly invariantViolations: number;
}

export interface ArenaStanding {
  readonly label: string;
  readonly games: number;
  /** Points per seat per game better than its opponents (the sign follows whether low or high scores win). */
  readonly edge: Estimate;
  readonly winRate: Estimate;
}

export interface ArenaResult {
  readonly game: string;
  readonly mode: ArenaMode;
  readonly seats: number;
  readonly seed: string;
  readonly lowerWins: boolean;
  /** Seatings played on each deal: every rotation of the match's pattern. */
  readonly seatings: readonly string[];
  readonly matches: readonly ArenaMatch[];
  /** Best first, by edge. */
  readonly standings: readonly ArenaStanding[];
}

/**
 * The seatings of a match, side 0 or 1 per seat: every distinct rotation of its
 * pattern. In a game of two partnerships (`teams`), a round-robin side is a
 * partnership (Spades: ABAB), played from both sides of the table.
 */
export function matchSeatings(mode: ArenaMode, seats: number, teams?: readonly (readonly Seat[])[]): (0 | 1)[][] {
  const patterns: (0 | 1)[][] = [];
  if (mode === ArenaMode.RoundRobin && teams?.length === 2) {
    const pattern = Array.from({ length: seats }, (_, seat): 0 | 1 => (teams[0]!.includes(seat) ? 0 : 1));
    return [pattern, pattern.map((side): 0 | 1 => (side === 0 ? 1 : 0))];
  }
  if (mode === ArenaMode.Gauntlet) {
    patterns.push([0, ...new Array<0 | 1>(seats - 1).fill(1)]);
  } else {
    const half = Math.ceil(seats / 2);
    const pattern = Array.from({ length: seats }, (_, seat): 0 | 1 => (seat < half ? 0 : 1));
    patterns.push(pattern);
    if (seats % 2 === 1) patterns.push(pattern.map((side): 0 | 1 => (side === 0 ? 1 : 0)));
  }
  const seen = new Set<string>();
  const seatings: (0 | 1)[][] = [];
  for (const pattern of patterns) {
    for (let shift = 0; shift < seats; shift++) {
      const rotated = pattern.map((_, seat) => pattern[(seat + seats - shift) % seats]!);
      const key = rotated.join('');
      if (!seen.has(key)) {
        seen.add(key);
        seatings.push(rotated);
      }
    }
  }
  return seatings;
}

/** Pairs of entrant indexes that meet: every pair, or the first against each other. */
export function matchPairs(mode: ArenaMode, entrants: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < entrants; a++) {
    for (let b = a + 1; b < entrants; b++) if (mode === ArenaMode.RoundRobin || a === 0) pairs.push([a, b]);
  }
  return pairs;
}

/** One side's per-deal figures, for intervals over deals. */
interface DealTally {
  score: [number, number];
  wins: [number, number];
  games: number;
}

export function runArena(config: ArenaConfig): ArenaResult {
  const { game } = config;
  const seats = config.seats ?? game.minSeats;
  if (seats < game.minSeats || seats > game.maxSeats) throw new RangeError(`${game.name} seats ${game.minSeats}-${game.maxSeats}, not ${seats}`);
  if (config.entrants.length < 2) throw new RangeError('an arena needs at least two bots');
  const seatings = matchSeatings(config.mode, seats, game.teams?.(seats));
  const deals = Math.max(1, Math.ceil(config.games / seatings.length));
  const { lowerWins } = scoreScaleOf(game, seats);
  const better = lowerWins ? -1 : 1;
  // Per entrant, per deal of each of its matches: its edge and win share, pooled into the standings.
  const edges = config.entrants.map((): number[] => []);
  const winShares = config.entrants.map((): number[] => []);
  const gamesPlayed = config.entrants.map(() => 0);

  const matches = matchPairs(config.mode, config.entrants.length).map(([a, b]): ArenaMatch => {
    const sides = [config.entrants[a]!, config.entrants[b]!] as const;
    const tallies: DealTally[] = [];
    let violations = 0;
    for (let deal = 0; deal < deals; deal++) {
      const tally: DealTally = { score: [0, 0], wins: [0, 0], games: 0 };
      for (const seating of seatings) {
        const played = playGame(game, {
          seed: `${config.seed}-${deal}`,
          options: config.options,
          bots: seating.map((side) => sides[side].bot),
          check: config.check ?? false,
        });
        violations += played.violations.length;
        const { scores, winners } = played.outcome;
        for (const side of [0, 1] as const) {
          const mine = seating.flatMap((holder, seat) => (holder === side ? [seat] : []));
          tally.score[side] += mine.reduce((sum, seat) => sum + scores[seat]!, 0) / mine.length;
          if (winners.some((seat: Seat) => seating[seat] === side)) tally.wins[side]++;
        }
        tally.games++;
      }
      tallies.push(tally);
      for (const [side, entrant] of [[0, a], [1, b]] as const) {
        const other = side === 0 ? 1 : 0;
        edges[entrant]!.push((better * (tally.score[side] - tally.score[other])) / tally.games);
        winShares[entrant]!.push(tally.wins[side] / tally.games);
        gamesPlayed[entrant]! += tally.games;
      }
    }
    const side = (index: 0 | 1): MatchSide => ({
      label: sides[index].label,
      seats: seatings[0]!.filter((holder) => holder === index).length,
      meanScore: estimate(tallies.map((tally) => tally.score[index] / tally.games)),
      winRate: estimate(tallies.map((tally) => tally.wins[index] / tally.games)),
    });
    return {
      games: deals * seatings.length,
      deals,
      sides: [side(0), side(1)],
      margin: estimate(tallies.map((tally) => (tally.score[0] - tally.score[1]) / tally.games)),
      invariantViolations: violations,
    };
  });

  const standings = config.entrants
    .map((entrant, index): ArenaStanding => ({
      label: entrant.label,
      games: gamesPlayed[index]!,
      edge: estimate(edges[index]!),
      winRate: estimate(winShares[index]!),
    }))
    .filter((standing) => standing.games > 0)
    .sort((x, y) => y.edge.mean - x.edge.mean);
  return {
    game: game.id,
    mode: config.mode,
    seats,
    seed: config.seed,
    lowerWins,
    seatings: seatings.map((seating) => seating.map((side) => (side === 0 ? 'A' : 'B')).join('')),
    matches,
    standings,
  };
}

function estimate(values: readonly number[]): Estimate {
  const { mean, low, high } = meanInterval(values);
  return { mean, ci95: [low, high] };
}
