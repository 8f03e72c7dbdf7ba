/**
 * Builds Hearts states by hand for scenario tests and bot authors: give the
 * four hands as short names and get a consistent playing-phase state.
 */
import { DECK_SIZE, parseCards } from '../../cards';
import { Rng } from '../../rng';
import { HeartsPhase, TWO_OF_CLUBS, cardPoints } from './state';
import type { HeartsOptions, HeartsState } from './state';

export interface HeartsTableSpec {
  /** Four hands as short names (`'QS 10H 2C'`). Cards in no hand count as taken earlier. */
  readonly hands: readonly [string, string, string, string];
  readonly options?: Partial<HeartsOptions>;
  readonly scores?: readonly number[];
  readonly heartsBroken?: boolean;
  /** Completed tricks so far; 0 means the next trick is the first. */
  readonly tricksPlayed?: number;
  /** Who leads the current trick; defaults to the holder of the two of clubs, else seat 0. */
  readonly leader?: number;
  readonly handNumber?: number;
  /** The seat that took the cards in no hand (earlier tricks); default 0. */
  readonly takenBy?: number;
}

export function heartsTable(spec: HeartsTableSpec): HeartsState {
  const hands = spec.hands.map((text) => parseCards(text).sort((a, b) => a - b));
  const inHand = new Set(hands.flat());
  const tricksPlayed = spec.tricksPlayed ?? 13 - Math.max(...hands.map((h) => h.length));
  const leader = spec.leader ?? Math.max(0, hands.findIndex((h) => h.includes(TWO_OF_CLUBS)));
  const takenBy = spec.takenBy ?? 0;
  const wonBy = new Array<number>(DECK_SIZE).fill(-1);
  const handPoints = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    if (inHand.has(card)) continue;
    wonBy[card] = takenBy;
    handPoints[takenBy]! += cardPoints(card, spec.options?.jackOfDiamonds ?? false);
  }
  const options: HeartsOptions = { target: 100, jackOfDiamonds: false, moonSubtract: false, ...spec.options };
  const tricksWon = [0, 0, 0, 0];
  tricksWon[takenBy] = tricksPlayed;
  return {
    options,
    rng: Rng.fromSeed('heartsTable').state(),
    phase: HeartsPhase.Playing,
    handNumber: spec.handNumber ?? 4,
    hands,
    passed: [[], [], [], []],
    received: [[], [], [], []],
    trick: [-1, -1, -1, -1],
    leader,
    turn: leader,
    tricksPlayed,
    lastTrick: [-1, -1, -1, -1],
    lastTrickWinner: -1,
    heartsBroken: spec.heartsBroken ?? false,
    wonBy,
    handPoints,
    tricksWon,
    voids: [0, 0, 0, 0],
    scores: spec.scores ?? [0, 0, 0, 0],
    lastHandPoints: [0, 0, 0, 0],
    moonShooter: -1,
    continued: [false, false, false, false],
  };
}
