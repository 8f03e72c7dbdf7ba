/**
 * Hearts' data: constants, phases, errors, options, moves, events and the
 * state (rules in RULES.md beside this file, ids H-xx), the pass cycle, card
 * points, and the deal that starts every hand.
 */
import { DECK_SIZE, cardOf, fullDeck, Rank, Suit } from '../../cards';
import type { Card } from '../../cards';
import type { Seat } from '../../game';
import { Rng } from '../../rng';
import type { RngState } from '../../rng';

export const SEATS = 4;
export const HAND_SIZE = 13;
export const PASS_SIZE = 3;

export const TWO_OF_CLUBS: Card = cardOf(Rank.Two, Suit.Clubs);
export const QUEEN_OF_SPADES: Card = cardOf(Rank.Queen, Suit.Spades);
export const JACK_OF_DIAMONDS: Card = cardOf(Rank.Jack, Suit.Diamonds);

/** Copied out of `Suit` so the Hearts hot paths read a plain constant, not a property of an imported object. */
export const HEARTS_SUIT: number = Suit.Hearts;

/** Card code to suit, Hearts' own so the hot paths do not call into the shared cards module. */
export function suitCode(card: Card): number {
  return (card / 13) | 0;
}

export const HeartsPhase = {
  Passing: 'passing',
  Playing: 'playing',
  HandOver: 'handOver',
  GameOver: 'gameOver',
} as const;
export type HeartsPhase = (typeof HeartsPhase)[keyof typeof HeartsPhase];

export const PassDirection = {
  Left: 'left',
  Right: 'right',
  Across: 'across',
  None: 'none',
} as const;
export type PassDirection = (typeof PassDirection)[keyof typeof PassDirection];

/** [H-03] The pass cycle, by hand number (1-based): left, right, across, hold. */
const PASS_CYCLE: readonly PassDirection[] = [
  PassDirection.Left, PassDirection.Right, PassDirection.Across, PassDirection.None,
];

export const HeartsError = {
  MustPassThree: 'MUST_PASS_THREE',
  MustLeadTwoOfClubs: 'MUST_LEAD_TWO_OF_CLUBS',
  MustFollowSuit: 'MUST_FOLLOW_SUIT',
  NoPointsOnFirstTrick: 'NO_POINTS_ON_FIRST_TRICK',
  HeartsNotBroken: 'HEARTS_NOT_BROKEN',
} as const;
export type HeartsError = (typeof HeartsError)[keyof typeof HeartsError];

export interface HeartsOptions {
  readonly target: 50 | 100 | 150;
  readonly jackOfDiamonds: boolean;
  readonly moonSubtract: boolean;
}

export type HeartsMove =
  | { readonly type: 'pass'; readonly cards: readonly Card[] }
  | { readonly type: 'play'; readonly card: Card }
  | { readonly type: 'continue' };

export type HeartsEvent =
  | { readonly type: 'handDealt'; readonly handNumber: number; readonly passDirection: PassDirection }
  | { readonly type: 'passed'; readonly seat: Seat }
  | { readonly type: 'passesExchanged'; readonly passDirection: PassDirection }
  | { readonly type: 'played'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'heartsBroken'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'trickWon'; readonly seat: Seat; readonly points: number }
  | { readonly type: 'handScored'; readonly points: readonly number[]; readonly moonShooter: Seat | -1 }
  | { readonly type: 'continued'; readonly seat: Seat }
  | { readonly type: 'gameOver'; readonly winners: readonly Seat[] };

export interface HeartsState {
  readonly options: HeartsOptions;
  readonly rng: RngState;
  readonly phase: HeartsPhase;
  /** 1-based. */
  readonly handNumber: number;
  /** Sorted hands by seat. During the pass a seat's passed cards are out of its hand, in `passed`. */
  readonly hands: readonly (readonly Card[])[];
  /** The cards each seat passed this hand (empty before it passes and on hold hands). */
  readonly passed: readonly (readonly Card[])[];
  /** The cards each seat received this hand (empty until the exchange). */
  readonly received: readonly (readonly Card[])[];
  /** Current trick by seat, -1 for not played yet. */
  readonly trick: readonly Card[];
  readonly leader: Seat;
  readonly turn: Seat;
  /** Completed tricks this hand, 0-12. */
  readonly tricksPlayed: number;
  readonly lastTrick: readonly Card[];
  readonly lastTrickWinner: Seat | -1;
  readonly heartsBroken: boolean;
  /** By card code: the seat that took it in a completed trick this hand, -1 otherwise. */
  readonly wonBy: readonly number[];
  /** Points taken this hand (hearts, QS, JD when the variant is on), by seat. */
  readonly handPoints: readonly number[];
  readonly tricksWon: readonly number[];
  /** 4-bit suit masks of suits each seat has shown void in this hand. */
  readonly voids: readonly number[];
  readonly scores: readonly number[];
  /** Points of the last scored hand (after the moon), by seat; zeros before. */
  readonly lastHandPoints: readonly number[];
  readonly moonShooter: Seat | -1;
  /** handOver: seats that have continued. */
  readonly continued: readonly boolean[];
}

export function passDirectionOf(handNumber: number): PassDirection {
  return PASS_CYCLE[(handNumber - 1) % PASS_CYCLE.length]!;
}

/** The seat that receives `seat`'s pass ([H-03]: seats are clockwise, so left is the next seat). */
export function passTarget(seat: Seat, direction: PassDirection): Seat {
  switch (direction) {
    case PassDirection.Left:
      return (seat + 1) % SEATS;
    case PassDirection.Right:
      return (seat + 3) % SEATS;
    case PassDirection.Across:
      return (seat + 2) % SEATS;
    case PassDirection.None:
      return seat;
    default: {
      const never: never = direction;
      return never;
    }
  }
}

/** [H-11] Points a card scores when taken in a trick. */
export function cardPoints(card: Card, jackOfDiamonds: boolean): number {
  if (card === QUEEN_OF_SPADES) return 13;
  if (suitCode(card) === HEARTS_SUIT) return 1;
  if (jackOfDiamonds && card === JACK_OF_DIAMONDS) return -10;
  return 0;
}

/** [H-07] Cards that may not go on the first trick, and that break hearts (H-08). */
export function isPointCard(card: Card): boolean {
  return card === QUEEN_OF_SPADES || suitCode(card) === HEARTS_SUIT;
}

// ---------------------------------------------------------------------------
// The deal.

/**
 * Per-seat and per-card arrays start fresh in every hand, not as shared frozen
 * constants: V8 gives a frozen array its own elements kind, and a property
 * read that meets both kinds (a fresh trick and the frozen empty one) leaves
 * optimized code for the generic keyed-load stub. That stub was 5% of a
 * random-play simulation. Nothing mutates a state's arrays, frozen or not.
 */
export function emptyTrick(): Card[] {
  return [-1, -1, -1, -1];
}

function zeros(): number[] {
  return [0, 0, 0, 0];
}

export function noCards(): Card[][] {
  return [[], [], [], []];
}

export function holderOf(hands: readonly (readonly Card[])[], card: Card): Seat {
  for (let s = 0; s < SEATS; s++) if (hands[s]!.includes(card)) return s;
  return 0;
}

/** Deals hand `handNumber` from `rng` (which continues from the stored state). */
export function dealHand(
  base: Pick<HeartsState, 'options' | 'scores' | 'lastHandPoints' | 'moonShooter'>,
  rng: Rng,
  handNumber: number,
): HeartsState {
  const deck = rng.shuffle(fullDeck());
  // Seat s gets deck[13s .. 13s+12]; walking the cards in order gives every hand already sorted.
  const holder: number[] = new Array<number>(DECK_SIZE).fill(0);
  for (let i = 0; i < DECK_SIZE; i++) holder[deck[i]!] = (i / HAND_SIZE) | 0;
  const hands: Card[][] = [new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE)];
  const dealt = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    const seat = holder[card]!;
    hands[seat]![dealt[seat]!++] = card;
  }
  const direction = passDirectionOf(handNumber);
  const phase = direction === PassDirection.None ? HeartsPhase.Playing : HeartsPhase.Passing;
  const leader = holderOf(hands, TWO_OF_CLUBS);
  return {
    options: base.options,
    rng: rng.state(),
    phase,
    handNumber,
    hands,
    passed: noCards(),
    received: noCards(),
    trick: emptyTrick(),
    leader,
    turn: leader,
    tricksPlayed: 0,
    lastTrick: emptyTrick(),
    lastTrickWinner: -1,
    heartsBroken: false,
    wonBy: new Array<number>(DECK_SIZE).fill(-1),
    handPoints: zeros(),
    tricksWon: zeros(),
    voids: zeros(),
    scores: base.scores,
    lastHandPoints: base.lastHandPoints,
    moonShooter: base.moonShooter,
    continued: [false, false, false, false],
  };
}

export function setupHearts(seed: string, options: HeartsOptions): HeartsState {
  return dealHand({ options, scores: zeros(), lastHandPoints: zeros(), moonShooter: -1 }, Rng.fromSeed(seed), 1);
}
