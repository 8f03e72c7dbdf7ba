/**
 * Crazy Eights' data: errors, phases, options, moves, events, the state and
 * the views (rules in RULES.md, ids C8-xx), and the one field-by-field copy
 * every state comes from.
 */
import type { Card, Suit } from '../../cards';
import type { GameView, Seat } from '../../game';
import type { RngState } from '../../rng';

export const CrazyEightsError = {
  CardDoesNotMatch: 'CARD_DOES_NOT_MATCH',
  MustNameSuit: 'MUST_NAME_SUIT',
  CannotDraw: 'CANNOT_DRAW',
  CannotPass: 'CANNOT_PASS',
} as const;
export type CrazyEightsError = (typeof CrazyEightsError)[keyof typeof CrazyEightsError];

export const DrawRule = {
  UntilPlayable: 'untilPlayable',
  DrawOne: 'drawOne',
} as const;
export type DrawRule = (typeof DrawRule)[keyof typeof DrawRule];

export const CrazyEightsPhase = {
  Play: 'play',
  HandOver: 'handOver',
  GameOver: 'gameOver',
} as const;
export type CrazyEightsPhase = (typeof CrazyEightsPhase)[keyof typeof CrazyEightsPhase];

export type CrazyEightsTarget = 'auto' | 100 | 150 | 200 | 250 | 300 | 500;

export type CrazyEightsOptions = {
  readonly drawRule: DrawRule;
  readonly target: CrazyEightsTarget;
};

export type CrazyEightsMove =
  | { readonly type: 'play'; readonly card: Card; readonly suit?: Suit }
  | { readonly type: 'draw' }
  | { readonly type: 'pass' }
  | { readonly type: 'continue' };

export type CrazyEightsEvent =
  | { readonly type: 'played'; readonly seat: Seat; readonly card: Card; readonly suit: Suit }
  | { readonly type: 'drew'; readonly seat: Seat }
  | { readonly type: 'reshuffled'; readonly stockCount: number }
  | { readonly type: 'passed'; readonly seat: Seat }
  | { readonly type: 'handScored'; readonly points: number[]; readonly winner: number; readonly blocked: boolean }
  | { readonly type: 'continued'; readonly seat: Seat }
  | { readonly type: 'handDealt'; readonly handNumber: number; readonly dealer: Seat; readonly top: Card }
  | { readonly type: 'gameOver'; readonly winners: number[] };

export interface CrazyEightsState {
  readonly seats: number;
  readonly drawRule: DrawRule;
  /** Resolved target (never 'auto'). */
  readonly target: number;
  readonly phase: CrazyEightsPhase;
  readonly hands: readonly (readonly Card[])[];
  /** Top of the stock is the last element. */
  readonly stock: readonly Card[];
  /** Bottom first; the top card is the last element. */
  readonly discard: readonly Card[];
  /** Suit to follow: the top card's suit, or the suit named with an 8. */
  readonly suit: Suit;
  readonly turn: Seat;
  readonly dealer: Seat;
  /** The seat to move has drawn at least once this turn. */
  readonly drawn: boolean;
  /** Consecutive passes by seats that held no playable card (C8-09). */
  readonly passes: number;
  /** Times the discard pile was shuffled into a new stock this hand (C8-07). */
  readonly reshuffles: number;
  readonly scores: readonly number[];
  readonly handNumber: number;
  readonly lastHandPoints: readonly number[];
  readonly lastHandWinner: number;
  readonly continued: readonly boolean[];
  readonly rng: RngState;
}

export type CrazyEightsPublic = {
  readonly phase: CrazyEightsPhase;
  readonly active: number[];
  readonly turn: number;
  readonly suit: number;
  /**
   * The whole discard pile, bottom first: every card in it was played face up.
   * Its top card and its size are read from it (`discardTop`), not sent again.
   */
  readonly discard: number[];
  readonly stockCount: number;
  readonly handCounts: number[];
  readonly scores: number[];
  readonly handNumber: number;
  readonly dealer: number;
  readonly drawn: boolean;
  readonly passes: number;
  readonly reshuffles: number;
  readonly lastHandPoints: number[];
  readonly lastHandWinner: number;
  readonly target: number;
  readonly drawRule: DrawRule;
  readonly continued: boolean[];
  readonly winners: number[];
  /** The hand on show in `handOver` is the last: continuing ends the game. */
  readonly gameEnding: boolean;
};

export type CrazyEightsPrivate = {
  readonly hand: number[];
};

export type CrazyEightsView = GameView<CrazyEightsPublic, CrazyEightsPrivate>;

/** [C8-12] 'auto' is 50 points per player: 100 for two, 200 for four. */
export function resolveTarget(target: CrazyEightsTarget, seats: number): number {
  return target === 'auto' ? 50 * seats : target;
}

/** The top card of a discard pile (bottom first), -1 when it is empty. */
export function discardTop(discard: readonly Card[]): Card {
  return discard[discard.length - 1] ?? -1;
}

export type WritableState = { -readonly [K in keyof CrazyEightsState]: CrazyEightsState[K] };

/**
 * A field-by-field copy of a state, for the move being applied to change
 * before returning it. Every state comes from this literal or the deal's,
 * with the fields in the same order, so all share one hidden class; a spread
 * copies through a generic stub and made states of several shapes, and then
 * every read of a state field went through the megamorphic lookup.
 */
export function copyState(state: CrazyEightsState): WritableState {
  return {
    seats: state.seats,
    drawRule: state.drawRule,
    target: state.target,
    phase: state.phase,
    hands: state.hands,
    stock: state.stock,
    discard: state.discard,
    suit: state.suit,
    turn: state.turn,
    dealer: state.dealer,
    drawn: state.drawn,
    passes: state.passes,
    reshuffles: state.reshuffles,
    scores: state.scores,
    handNumber: state.handNumber,
    lastHandPoints: state.lastHandPoints,
    lastHandWinner: state.lastHandWinner,
    continued: state.continued,
    rng: state.rng,
  };
}
