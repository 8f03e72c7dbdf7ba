/**
 * Builds Spades states by hand for scenario tests and bot authors: give the
 * four hands as short names and get a consistent state in play or bidding.
 */
import { DECK_SIZE, parseCards } from '../../cards';
import { Rng } from '../../rng';
import { HAND_SIZE, SpadesPhase, dealerOf } from './rules';
import type { SpadesOptions, SpadesState } from './rules';

export interface SpadesTableSpec {
  /** Four hands as short names (`'AS 10H 2C'`). Cards in no hand count as taken earlier by `takenBy`. */
  readonly hands: readonly [string, string, string, string];
  /** Bids by seat; omitted: the hand is still in bidding, nobody has bid. */
  readonly bids?: readonly number[];
  readonly blind?: readonly boolean[];
  readonly options?: Partial<SpadesOptions>;
  /** By side. */
  readonly scores?: readonly number[];
  readonly bags?: readonly number[];
  readonly spadesBroken?: boolean;
  /** Who leads the current trick (or bids first); default the dealer's left. */
  readonly leader?: number;
  readonly handNumber?: number;
  /** The seat that took the cards in no hand (earlier tricks); default 0. */
  readonly takenBy?: number;
}

export function spadesTable(spec: SpadesTableSpec): SpadesState {
  const hands = spec.hands.map((text) => parseCards(text).sort((a, b) => a - b));
  const inHand = new Set(hands.flat());
  const tricksPlayed = HAND_SIZE - Math.max(...hands.map((h) => h.length));
  const takenBy = spec.takenBy ?? 0;
  const wonBy = new Array<number>(DECK_SIZE).fill(-1);
  for (let card = 0; card < DECK_SIZE; card++) if (!inHand.has(card)) wonBy[card] = takenBy;
  const tricksWon = [0, 0, 0, 0];
  tricksWon[takenBy] = tricksPlayed;
  const handNumber = spec.handNumber ?? 1;
  const dealer = dealerOf(handNumber);
  const leader = spec.leader ?? (dealer + 1) % 4;
  return {
    options: { target: 500, blindNil: false, ...spec.options },
    rng: Rng.fromSeed('spadesTable').state(),
    phase: spec.bids ? SpadesPhase.Playing : SpadesPhase.Bidding,
    handNumber,
    dealer,
    hands,
    bids: spec.bids?.slice() ?? [-1, -1, -1, -1],
    blind: spec.blind?.slice() ?? [false, false, false, false],
    looked: [true, true, true, true],
    turn: leader,
    leader,
    trick: [-1, -1, -1, -1],
    tricksPlayed,
    lastTrick: [-1, -1, -1, -1],
    lastTrickWinner: -1,
    spadesBroken: spec.spadesBroken ?? false,
    wonBy,
    tricksWon,
    voids: [0, 0, 0, 0],
    scores: spec.scores?.slice() ?? [0, 0],
    bags: spec.bags?.slice() ?? [0, 0],
    lastPoints: [0, 0],
    lastNil: [0, 0, 0, 0],
    lastBagPenalty: [0, 0],
    continued: [false, false, false, false],
  };
}
