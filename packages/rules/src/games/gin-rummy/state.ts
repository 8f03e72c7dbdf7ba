/**
 * Gin Rummy's data: options, state, moves, events and views (rules in
 * RULES.md, ids G-xx), and the one field-by-field copy every state comes from.
 */
import type { Card } from '../../cards';
import type { GameView, OptionSpec, Seat } from '../../game';
import type { RngState } from '../../rng';

export const GinRummyError = {
  CannotDiscardTaken: 'CANNOT_DISCARD_TAKEN',
  DeadwoodTooHigh: 'DEADWOOD_TOO_HIGH',
  NotGin: 'NOT_GIN',
  DoesNotFit: 'DOES_NOT_FIT',
} as const;
export type GinRummyError = (typeof GinRummyError)[keyof typeof GinRummyError];

export const GinRummyPhase = {
  /** The seat to move draws from the stock or the discard pile. */
  Draw: 'draw',
  /** The seat to move, holding 11 cards, discards, knocks or goes gin. */
  Discard: 'discard',
  /** After a knock: the defender lays off on the knocker's melds. */
  Layoff: 'layoff',
  HandOver: 'handOver',
  GameOver: 'gameOver',
} as const;
export type GinRummyPhase = (typeof GinRummyPhase)[keyof typeof GinRummyPhase];

/** How the last hand ended ('' while none has). */
export const HandResult = {
  None: '',
  Knock: 'knock',
  Undercut: 'undercut',
  Gin: 'gin',
  BigGin: 'bigGin',
  Dead: 'dead',
} as const;
export type HandResult = (typeof HandResult)[keyof typeof HandResult];

export type GinRummyTarget = 50 | 100 | 150 | 250;

export type GinRummyOptions = {
  readonly target: GinRummyTarget;
  readonly oklahoma: boolean;
};

export const ginRummyDefaultOptions: GinRummyOptions = { target: 100, oklahoma: false };

export const GIN_RUMMY_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'target',
    label: 'Game to',
    description: 'The game ends after the hand in which a player reaches this many points.',
    choices: ([50, 100, 150, 250] as const).map((value) => ({ value, label: String(value) })),
  },
  {
    key: 'oklahoma',
    label: 'Oklahoma',
    description: 'The first upcard sets the knock limit (ace: 1, face card: 10), and a spade upcard doubles the hand.',
    choices: [
      { value: false, label: 'Off (knock with 10 or less)' },
      { value: true, label: 'On' },
    ],
  },
];

export type DrawSource = 'stock' | 'discard';

export type GinRummyMove =
  | { readonly type: 'draw'; readonly from: DrawSource }
  | { readonly type: 'discard'; readonly card: Card }
  | { readonly type: 'knock'; readonly card: Card }
  | { readonly type: 'gin'; readonly card: Card }
  | { readonly type: 'bigGin' }
  | { readonly type: 'layoff'; readonly card: Card; readonly meld: number }
  | { readonly type: 'done' }
  | { readonly type: 'continue' };

export type GinRummyEvent =
  | { readonly type: 'drew'; readonly seat: Seat; readonly from: DrawSource; /** -1 from the stock. */ readonly card: Card }
  | { readonly type: 'discarded'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'knocked'; readonly seat: Seat; readonly card: Card; readonly deadwood: number }
  | { readonly type: 'ginned'; readonly seat: Seat; /** -1 for big gin. */ readonly card: Card; readonly big: boolean }
  | { readonly type: 'laidOff'; readonly seat: Seat; readonly card: Card; readonly meld: number }
  | { readonly type: 'handScored'; readonly result: HandResult; readonly points: number[]; readonly winner: number }
  | { readonly type: 'continued'; readonly seat: Seat }
  | { readonly type: 'handDealt'; readonly handNumber: number; readonly dealer: Seat; readonly upcard: Card }
  | { readonly type: 'gameOver'; readonly winners: number[] };

export interface GinRummyState {
  readonly target: number;
  readonly oklahoma: boolean;
  readonly phase: GinRummyPhase;
  /** Each hand sorted by card code. */
  readonly hands: readonly (readonly Card[])[];
  /** Top of the stock is the last element. */
  readonly stock: readonly Card[];
  /** Bottom first; the top card is the last element. */
  readonly discard: readonly Card[];
  /** [G-21] Cards taken from the discard pile that are still in the taker's hand, oldest first. */
  readonly taken: readonly Card[];
  readonly takenBy: readonly Seat[];
  /** [G-08] The card taken from the discard pile this turn, -1 if none. */
  readonly lastTaken: Card;
  readonly turn: Seat;
  readonly dealer: Seat;
  /** The hand's first upcard (G-01); with `oklahoma` it sets the limit and the multiplier. */
  readonly upcard: Card;
  readonly knockLimit: number;
  readonly multiplier: number;
  /** The seat that knocked or went gin this hand, -1 if none. */
  readonly knocker: Seat;
  /** The knocker's melds, with the cards laid off on them appended. */
  readonly knockerMelds: readonly (readonly Card[])[];
  readonly knockerDeadwood: readonly Card[];
  /** Cards the defender laid off, in order, and the index of the meld each went to. */
  readonly layoffs: readonly Card[];
  readonly layoffMelds: readonly number[];
  readonly defenderMelds: readonly (readonly Card[])[];
  readonly defenderDeadwood: readonly Card[];
  readonly result: HandResult;
  /** Points from hands, towards the target. */
  readonly points: readonly number[];
  readonly handsWon: readonly number[];
  /** The points while the game runs; the final scores with bonuses once the target is reached (G-19). */
  readonly scores: readonly number[];
  readonly handNumber: number;
  readonly lastHandPoints: readonly number[];
  readonly lastHandWinner: number;
  readonly continued: readonly boolean[];
  readonly rng: RngState;
}

export type GinRummyPublic = {
  readonly phase: GinRummyPhase;
  readonly active: number[];
  readonly turn: number;
  readonly dealer: number;
  readonly handNumber: number;
  readonly target: number;
  readonly oklahoma: boolean;
  readonly upcard: number;
  readonly knockLimit: number;
  readonly multiplier: number;
  /** The whole discard pile, bottom first: every card in it was discarded face up. */
  readonly discard: number[];
  readonly stockCount: number;
  readonly handCounts: number[];
  readonly taken: number[];
  readonly takenBy: number[];
  readonly lastTaken: number;
  readonly knocker: number;
  /** Melds flattened: `knockerMeldSizes` says how many cards each has. */
  readonly knockerMelds: number[];
  readonly knockerMeldSizes: number[];
  readonly knockerDeadwood: number[];
  readonly layoffs: number[];
  readonly layoffMelds: number[];
  readonly defenderMelds: number[];
  readonly defenderMeldSizes: number[];
  readonly defenderDeadwood: number[];
  readonly result: HandResult;
  readonly points: number[];
  readonly handsWon: number[];
  readonly scores: number[];
  readonly lastHandPoints: number[];
  readonly lastHandWinner: number;
  readonly continued: boolean[];
  readonly winners: number[];
  /** The hand on show in `handOver` is the last: continuing ends the game. */
  readonly gameEnding: boolean;
};

export type GinRummyPrivate = {
  readonly hand: number[];
};

export type GinRummyView = GameView<GinRummyPublic, GinRummyPrivate>;

export type WritableState = { -readonly [K in keyof GinRummyState]: GinRummyState[K] };

/**
 * A field-by-field copy, for the move being applied to change before
 * returning it. Every state comes from this literal, with the fields in one
 * order, so V8 gives them all one hidden class.
 */
export function copyState(state: GinRummyState): WritableState {
  return {
    target: state.target,
    oklahoma: state.oklahoma,
    phase: state.phase,
    hands: state.hands,
    stock: state.stock,
    discard: state.discard,
    taken: state.taken,
    takenBy: state.takenBy,
    lastTaken: state.lastTaken,
    turn: state.turn,
    dealer: state.dealer,
    upcard: state.upcard,
    knockLimit: state.knockLimit,
    multiplier: state.multiplier,
    knocker: state.knocker,
    knockerMelds: state.knockerMelds,
    knockerDeadwood: state.knockerDeadwood,
    layoffs: state.layoffs,
    layoffMelds: state.layoffMelds,
    defenderMelds: state.defenderMelds,
    defenderDeadwood: state.defenderDeadwood,
    result: state.result,
    points: state.points,
    handsWon: state.handsWon,
    scores: state.scores,
    handNumber: state.handNumber,
    lastHandPoints: state.lastHandPoints,
    lastHandWinner: state.lastHandWinner,
    continued: state.continued,
    rng: state.rng,
  };
}

/** Melds flattened for the wire, and back. */
export function flattenMelds(melds: readonly (readonly Card[])[]): { cards: number[]; sizes: number[] } {
  const cards: number[] = [];
  const sizes: number[] = [];
  for (const meld of melds) {
    cards.push(...meld);
    sizes.push(meld.length);
  }
  return { cards, sizes };
}

export function unflattenMelds(cards: readonly number[], sizes: readonly number[]): Card[][] {
  const melds: Card[][] = [];
  let at = 0;
  for (const size of sizes) {
    melds.push(cards.slice(at, at + size));
    at += size;
  }
  return melds;
}
