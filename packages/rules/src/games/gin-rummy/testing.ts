import { DECK_SIZE, parseCards } from '../../cards';
import type { Card } from '../../cards';
import { Rng } from '../../rng';
import { GinRummyPhase, HandResult } from './state';
import type { GinRummyState } from './state';

export interface GinScenarioSpec {
  /** Both hands in short names: `['AS 2S 3S ...', '...']`. */
  readonly hands: readonly [string, string];
  /** Discard pile, bottom first; the last card is the top. */
  readonly discard: string;
  /** Stock, bottom first (last drawn first). Omitted: every card not placed elsewhere. */
  readonly stock?: string;
  readonly phase?: GinRummyPhase;
  readonly turn?: number;
  readonly dealer?: number;
  readonly lastTaken?: string;
  /** Cards taken from the pile, with the seat holding each. */
  readonly taken?: readonly [string, number][];
  readonly knockLimit?: number;
  readonly multiplier?: number;
  readonly target?: number;
  readonly points?: readonly [number, number];
  readonly handsWon?: readonly [number, number];
  readonly seed?: string;
}

/** A mid-hand state written by hand, for scenario tests. Hands are sorted as the rules keep them. */
export function ginScenario(spec: GinScenarioSpec): GinRummyState {
  const hands = spec.hands.map((text) => parseCards(text).sort((a, b) => a - b));
  const discard = parseCards(spec.discard);
  const placed = new Set<Card>([...hands.flat(), ...discard]);
  const stock = spec.stock !== undefined
    ? parseCards(spec.stock)
    : Array.from({ length: DECK_SIZE }, (_, c) => c).filter((c) => !placed.has(c));
  const points = spec.points ?? [0, 0];
  return {
    target: spec.target ?? 100,
    oklahoma: false,
    phase: spec.phase ?? GinRummyPhase.Draw,
    hands,
    stock,
    discard,
    taken: (spec.taken ?? []).map(([text]) => parseCards(text)[0]!),
    takenBy: (spec.taken ?? []).map(([, seat]) => seat),
    lastTaken: spec.lastTaken ? parseCards(spec.lastTaken)[0]! : -1,
    turn: spec.turn ?? 1,
    dealer: spec.dealer ?? 0,
    upcard: discard[0] ?? 0,
    knockLimit: spec.knockLimit ?? 10,
    multiplier: spec.multiplier ?? 1,
    knocker: -1,
    knockerMelds: [],
    knockerDeadwood: [],
    layoffs: [],
    layoffMelds: [],
    defenderMelds: [],
    defenderDeadwood: [],
    result: HandResult.None,
    points,
    handsWon: spec.handsWon ?? [0, 0],
    scores: points.slice(),
    handNumber: 1,
    lastHandPoints: [0, 0],
    lastHandWinner: -1,
    continued: [false, false],
    rng: Rng.fromSeed(spec.seed ?? 'scenario').state(),
  };
}
