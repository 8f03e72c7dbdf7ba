/**
 * Crazy Eights (rules in RULES.md, ids C8-xx). The state is immutable plain
 * data; `apply` copies only the arrays a move changes.
 */
import { DECK_SIZE, cardName, fullDeck, isCard, rankOf, suitName, suitOf } from '../../cards';
import type { Card, Suit } from '../../cards';
import { CommonError } from '../../game';
import type {
  ApplyResult, GameDefinition, GameView, OptionSpec, Outcome, RuleError, Seat,
} from '../../game';
import { parseChoiceOptions } from '../../options';
import { Rng } from '../../rng';
import type { RngState } from '../../rng';
import { randomBot } from '../../bots/random';
import { crazyEightsHeuristicBot } from './heuristicBot';
import { handPenalty } from './scoring';
import { crazyEightsWire } from './wire';

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

const TARGET_CHOICES: readonly CrazyEightsTarget[] = ['auto', 100, 150, 200, 250, 300, 500];

const OPTIONS: readonly OptionSpec[] = [
  {
    key: 'drawRule',
    label: 'Drawing',
    description: 'Keep drawing until you can play, or draw one card and then play or pass.',
    choices: [
      { value: DrawRule.UntilPlayable, label: 'Draw until playable' },
      { value: DrawRule.DrawOne, label: 'Draw one, then pass' },
    ],
  },
  {
    key: 'target',
    label: 'Target score',
    description: 'The game ends when a player reaches this score (auto: 50 per player).',
    choices: TARGET_CHOICES.map((value) => ({ value, label: value === 'auto' ? 'Auto (50 per player)' : String(value) })),
  },
];

/** [C8-12] 'auto' is 50 points per player: 100 for two, 200 for four. */
export function resolveTarget(target: CrazyEightsTarget, seats: number): number {
  return target === 'auto' ? 50 * seats : target;
}

/** [C8-02] Seven cards each for two players, five otherwise. */
export function handSize(seats: number): number {
  return seats === 2 ? 7 : 5;
}

/** Rank index 0-12 (2..A) of a card code; an 8 is index 6. Local so the hot path makes no cross-module calls. */
const EIGHT_INDEX = 6;

/** [C8-04] An 8 always matches; otherwise the current suit or the top card's rank. */
export function isPlayable(card: Card, top: Card, suit: Suit): boolean {
  const rank = card % 13;
  return rank === EIGHT_INDEX || ((card / 13) | 0) === suit || rank === top % 13;
}

function hasPlayable(hand: readonly Card[], top: Card, suit: Suit): boolean {
  for (let i = 0; i < hand.length; i++) if (isPlayable(hand[i]!, top, suit)) return true;
  return false;
}

/**
 * What the turn rules need, given by the state and by a seat's view alike, so
 * the server and the client check moves with the same code.
 */
interface TurnContext {
  readonly phase: CrazyEightsPhase;
  readonly turn: Seat;
  readonly hand: readonly Card[];
  readonly top: Card;
  readonly suit: Suit;
  readonly drawRule: DrawRule;
  readonly drawn: boolean;
  /** The stock has a card, or the discard pile has cards under its top to reshuffle (C8-07). */
  readonly canRefill: boolean;
  readonly continued: readonly boolean[];
}

/** The top card of a discard pile (bottom first), -1 when it is empty. */
export function discardTop(discard: readonly Card[]): Card {
  return discard[discard.length - 1] ?? -1;
}

function contextOfState(state: CrazyEightsState, seat: Seat): TurnContext {
  return {
    phase: state.phase,
    turn: state.turn,
    hand: state.hands[seat] ?? [],
    top: discardTop(state.discard),
    suit: state.suit,
    drawRule: state.drawRule,
    drawn: state.drawn,
    canRefill: canRefill(state.stock.length, state.discard.length, state.reshuffles),
    continued: state.continued,
  };
}

function contextOfView(view: CrazyEightsView): TurnContext {
  const pub = view.public;
  return {
    phase: pub.phase,
    turn: pub.turn,
    hand: view.private?.hand ?? [],
    top: discardTop(pub.discard),
    suit: pub.suit as Suit,
    drawRule: pub.drawRule,
    drawn: pub.drawn,
    canRefill: canRefill(pub.stockCount, pub.discard.length, pub.reshuffles),
    continued: pub.continued,
  };
}

/**
 * [C8-07] The discard pile is shuffled into a new stock at most
 * MAX_RESHUFFLES times a hand. Without a limit, a few cards (typically the
 * 8s) can circulate forever between players who cannot match each other's
 * suit; with it, the stock finally runs dry and the hand ends, at worst blocked.
 */
export const MAX_RESHUFFLES = 3;

function canRefill(stockCount: number, discardCount: number, reshuffles: number): boolean {
  return stockCount > 0 || (discardCount > 1 && reshuffles < MAX_RESHUFFLES);
}

/** [C8-06] Drawing: see RULES.md for when each draw rule allows another draw. */
function mayDraw(ctx: TurnContext): boolean {
  if (!ctx.canRefill) return false;
  if (ctx.drawRule === DrawRule.DrawOne) return !ctx.drawn;
  return !ctx.drawn || !hasPlayable(ctx.hand, ctx.top, ctx.suit);
}

/** [C8-08] Passing: after the one draw of `drawOne`, or when nothing can be drawn and nothing played. */
function mayPass(ctx: TurnContext): boolean {
  if (ctx.drawRule === DrawRule.DrawOne && ctx.drawn) return true;
  return !ctx.canRefill && !hasPlayable(ctx.hand, ctx.top, ctx.suit);
}

function err(code: string, message: string): RuleError {
  return { code, message };
}

function isSeatIndex(seat: unknown, seats: number): seat is number {
  return typeof seat === 'number' && Number.isInteger(seat) && seat >= 0 && seat < seats;
}

function isSuit(value: unknown): value is Suit {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** A move with fields it does not use is refused, so a client bug cannot pass unnoticed. */
function hasUnknownField(move: Record<string, unknown>, isPlay: boolean): boolean {
  for (const key in move) {
    if (key === 'type' || move[key] === undefined) continue;
    if (isPlay && (key === 'card' || key === 'suit')) continue;
    return true;
  }
  return false;
}

/** The one place every move is judged; `apply` and `moveErrorInView` both call it. */
function moveError(ctx: TurnContext, seat: unknown, seats: number, move: unknown): RuleError | null {
  if (ctx.phase === CrazyEightsPhase.GameOver) return err(CommonError.GameOver, 'The game is over.');
  if (typeof move !== 'object' || move === null || Array.isArray(move)) {
    return err(CommonError.InvalidMove, 'That is not a move.');
  }
  const type = (move as { type?: unknown }).type;
  if (type !== 'play' && type !== 'draw' && type !== 'pass' && type !== 'continue') {
    return err(CommonError.InvalidMove, 'That is not a move in Crazy Eights.');
  }
  if (hasUnknownField(move as Record<string, unknown>, type === 'play')) {
    return err(CommonError.InvalidMove, `A ${type} move carries only the fields it needs.`);
  }
  if (!isSeatIndex(seat, seats)) return err(CommonError.NotYourTurn, 'You are not seated at this table.');
  if (type === 'continue') {
    if (ctx.phase !== CrazyEightsPhase.HandOver) return err(CommonError.WrongPhase, 'The hand is still being played.');
    if (ctx.continued[seat]) return err(CommonError.NotYourTurn, 'You have already continued; waiting for the others.');
    return null;
  }
  if (ctx.phase !== CrazyEightsPhase.Play) return err(CommonError.WrongPhase, 'The hand is over: continue to the next hand.');
  if (seat !== ctx.turn) return err(CommonError.NotYourTurn, 'It is not your turn.');
  switch (type) {
    case 'play':
      return playError(ctx, move as { card?: unknown; suit?: unknown });
    case 'draw':
      if (mayDraw(ctx)) return null;
      if (!ctx.canRefill) return err(CrazyEightsError.CannotDraw, 'There is nothing left to draw: pass instead.');
      if (ctx.drawRule === DrawRule.DrawOne) return err(CrazyEightsError.CannotDraw, 'You have already drawn this turn: play or pass.');
      return err(CrazyEightsError.CannotDraw, 'You hold a playable card now: play it.');
    case 'pass':
      if (mayPass(ctx)) return null;
      if (ctx.canRefill) return err(CrazyEightsError.CannotPass, 'You cannot pass while you can draw.');
      return err(CrazyEightsError.CannotPass, 'You hold a playable card: play it.');
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

function playError(ctx: TurnContext, move: { card?: unknown; suit?: unknown }): RuleError | null {
  const card = move.card;
  if (typeof card !== 'number' || !isCard(card)) return err(CommonError.InvalidMove, 'Name a card to play.');
  if (!ctx.hand.includes(card)) return err(CommonError.CardNotInHand, `You do not hold the ${cardName(card)}.`);
  if (card % 13 === EIGHT_INDEX) {
    if (move.suit === undefined) return err(CrazyEightsError.MustNameSuit, 'Name a suit when you play an 8.');
    if (!isSuit(move.suit)) return err(CommonError.InvalidMove, 'Name one of clubs, diamonds, spades or hearts.');
    return null;
  }
  if (move.suit !== undefined) return err(CommonError.InvalidMove, 'Only an 8 names a suit.');
  if (!isPlayable(card, ctx.top, ctx.suit)) {
    return err(
      CrazyEightsError.CardDoesNotMatch,
      `The ${cardName(card)} does not match: the top card is the ${cardName(ctx.top)} and the suit is ${suitName(ctx.suit)}.`,
    );
  }
  return null;
}

const DRAW: CrazyEightsMove = Object.freeze({ type: 'draw' });
const PASS: CrazyEightsMove = Object.freeze({ type: 'pass' });
const CONTINUE: CrazyEightsMove = Object.freeze({ type: 'continue' });
/**
 * The moves `legalMoves` hands out are shared, frozen values: one per card,
 * and one per 8 and named suit. Listing them allocates nothing, and `apply`
 * knows them (`isSharedLegalMove`) and skips the checks of their shape.
 */
const PLAY_MOVES: readonly CrazyEightsMove[] = Array.from({ length: DECK_SIZE }, (_, card) => Object.freeze({ type: 'play', card }));
const EIGHT_MOVES: readonly (CrazyEightsMove | undefined)[] = Array.from({ length: DECK_SIZE * 4 }, (_, key) =>
  (key >> 2) % 13 === EIGHT_INDEX ? Object.freeze({ type: 'play', card: key >> 2, suit: (key & 3) as Suit }) : undefined,
);

/**
 * True when `move` is one of the shared play moves and the seat may make it
 * now: the common case of a simulation, checked without the generic checks of
 * a move's shape. Every refusal still comes from `moveError`.
 */
function isSharedPlay(state: CrazyEightsState, seat: Seat, move: CrazyEightsMove): boolean {
  if (typeof move !== 'object' || move === null || move.type !== 'play') return false;
  const { card, suit } = move as { card: unknown; suit?: unknown };
  if (typeof card !== 'number' || (suit !== undefined && typeof suit !== 'number')) return false;
  if ((suit === undefined ? PLAY_MOVES[card] : EIGHT_MOVES[card * 4 + suit]) !== move) return false;
  if (state.phase !== CrazyEightsPhase.Play || seat !== state.turn) return false;
  return state.hands[seat]!.includes(card) && isPlayable(card, discardTop(state.discard), state.suit);
}

function legalMovesOf(ctx: TurnContext, seat: Seat): CrazyEightsMove[] {
  if (ctx.phase === CrazyEightsPhase.HandOver) return ctx.continued[seat] === false ? [CONTINUE] : [];
  if (ctx.phase !== CrazyEightsPhase.Play || seat !== ctx.turn) return [];
  const moves: CrazyEightsMove[] = [];
  const hand = ctx.hand;
  let playable = false;
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    if (!isPlayable(card, ctx.top, ctx.suit)) continue;
    playable = true;
    if (card % 13 === EIGHT_INDEX) {
      for (let suit = 0; suit < 4; suit++) moves.push(EIGHT_MOVES[card * 4 + suit]!);
    } else {
      moves.push(PLAY_MOVES[card]!);
    }
  }
  if (ctx.canRefill && (ctx.drawRule === DrawRule.DrawOne ? !ctx.drawn : !ctx.drawn || !playable)) moves.push(DRAW);
  if ((ctx.drawRule === DrawRule.DrawOne && ctx.drawn) || (!ctx.canRefill && !playable)) moves.push(PASS);
  return moves;
}

// ---------------------------------------------------------------------------
// Dealing and scoring

function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  const copy = items.slice();
  copy[index] = value;
  return copy;
}

function removeCard(hand: readonly Card[], card: Card): Card[] {
  const copy: Card[] = [];
  for (let i = 0; i < hand.length; i++) if (hand[i] !== card) copy.push(hand[i]!);
  return copy;
}

/** [C8-02]/[C8-03] Shuffles a full deck with the state's generator and deals a hand. */
function dealHand(
  base: Omit<CrazyEightsState, 'hands' | 'stock' | 'discard' | 'suit' | 'turn' | 'drawn' | 'passes' | 'reshuffles' | 'phase' | 'continued' | 'rng'>,
  rng: Rng,
): CrazyEightsState {
  const deck = rng.shuffle(fullDeck());
  const size = handSize(base.seats);
  const hands: Card[][] = [];
  for (let s = 0; s < base.seats; s++) hands.push(deck.slice(s * size, (s + 1) * size).sort((a, b) => a - b));
  const rest = deck.slice(base.seats * size);
  const top = rest.pop()!;
  // Field by field, in the order of `copyState`, so that every state has the same hidden class.
  return {
    seats: base.seats,
    drawRule: base.drawRule,
    target: base.target,
    phase: CrazyEightsPhase.Play,
    hands,
    stock: rest,
    discard: [top],
    suit: suitOf(top),
    turn: (base.dealer + 1) % base.seats,
    dealer: base.dealer,
    drawn: false,
    passes: 0,
    reshuffles: 0,
    scores: base.scores,
    handNumber: base.handNumber,
    lastHandPoints: base.lastHandPoints,
    lastHandWinner: base.lastHandWinner,
    continued: new Array<boolean>(base.seats).fill(false),
    rng: rng.state(),
  };
}

/** [C8-10]/[C8-11]/[C8-12] Scores a finished hand and moves to handOver or gameOver. */
function scoreHand(state: CrazyEightsState, blocked: boolean): { state: CrazyEightsState; events: CrazyEightsEvent[] } {
  const penalties = state.hands.map(handPenalty);
  let winner = -1;
  if (!blocked) {
    winner = state.hands.findIndex((hand) => hand.length === 0);
  } else {
    const lowest = Math.min(...penalties);
    const lowSeats = penalties.flatMap((p, s) => (p === lowest ? [s] : []));
    // [C8-10] A tie for the lowest total is a drawn hand: nobody scores.
    if (lowSeats.length === 1) winner = lowSeats[0]!;
  }
  const points = new Array<number>(state.seats).fill(0);
  if (winner >= 0) {
    let total = 0;
    for (let s = 0; s < state.seats; s++) if (s !== winner) total += penalties[s]!;
    points[winner] = total;
  }
  const scores = state.scores.map((score, s) => score + points[s]!);
  const events: CrazyEightsEvent[] = [{ type: 'handScored', points, winner, blocked }];
  const next = copyState(state);
  // [C8-11] Even the last hand is shown as a summary; the game ends when everyone has continued.
  next.phase = CrazyEightsPhase.HandOver;
  next.scores = scores;
  next.lastHandPoints = points;
  next.lastHandWinner = winner;
  next.drawn = false;
  next.continued = new Array<boolean>(state.seats).fill(false);
  return { state: next, events };
}

/** The target is reached: the hand summary on show is the last one. */
function isGameEnding(state: Pick<CrazyEightsState, 'scores' | 'target'>): boolean {
  return state.scores.some((score) => score >= state.target);
}

function winnersOf(scores: readonly number[]): number[] {
  const best = Math.max(...scores);
  return scores.flatMap((score, s) => (score === best ? [s] : []));
}

function rankingOf(scores: readonly number[]): number[] {
  return scores.map((_, s) => s).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

// ---------------------------------------------------------------------------
// Moves

type WritableState = { -readonly [K in keyof CrazyEightsState]: CrazyEightsState[K] };

/**
 * A field-by-field copy of a state, for the move being applied to change
 * before returning it. Every state comes from this literal or the deal's,
 * with the fields in the same order, so all share one hidden class; a spread
 * copies through a generic stub and made states of several shapes, and then
 * every read of a state field went through the megamorphic lookup.
 */
function copyState(state: CrazyEightsState): WritableState {
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

/** The copy for a move within a hand: the turn-level fields change. */
function withTurn(
  state: CrazyEightsState,
  hands: readonly (readonly Card[])[],
  stock: readonly Card[],
  discard: readonly Card[],
  suit: Suit,
  turn: Seat,
  drawn: boolean,
  passes: number,
  rng: RngState,
): WritableState {
  const next = copyState(state);
  next.hands = hands;
  next.stock = stock;
  next.discard = discard;
  next.suit = suit;
  next.turn = turn;
  next.drawn = drawn;
  next.passes = passes;
  next.rng = rng;
  return next;
}

function applyPlay(state: CrazyEightsState, seat: Seat, card: Card, named: Suit | undefined): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
  const hand = removeCard(state.hands[seat]!, card);
  const suit = named ?? (((card / 13) | 0) as Suit);
  const discard = state.discard.slice();
  discard.push(card);
  const next = seat + 1 === state.seats ? 0 : seat + 1;
  const played = withTurn(state, replaceAt(state.hands, seat, hand), state.stock, discard, suit, next, false, 0, state.rng);
  const event: CrazyEightsEvent = { type: 'played', seat, card, suit };
  if (hand.length > 0) return { ok: true, state: played, events: [event] };
  // [C8-09] Emptying your hand ends it.
  const scored = scoreHand(played, false);
  return { ok: true, state: scored.state, events: [event, ...scored.events] };
}

function applyDraw(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
  let stock = state.stock;
  let discard = state.discard;
  let rng = state.rng;
  let reshuffles = state.reshuffles;
  const events: CrazyEightsEvent[] = [];
  if (stock.length === 0) {
    reshuffles++;
    // [C8-07] Everything under the top discard is shuffled into a new stock.
    const generator = Rng.fromState(rng);
    stock = generator.shuffle(discard.slice(0, -1));
    discard = discard.slice(-1);
    rng = generator.state();
    events.push({ type: 'reshuffled', stockCount: stock.length });
  }
  const card = stock[stock.length - 1]!;
  const hand = state.hands[seat]!.slice();
  hand.push(card);
  events.push({ type: 'drew', seat });
  const hands = replaceAt(state.hands, seat, hand);
  const next = withTurn(state, hands, stock.slice(0, -1), discard, state.suit, seat, true, 0, rng);
  next.reshuffles = reshuffles;
  return { ok: true, state: next, events };
}

function applyPass(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
  const top = state.discard[state.discard.length - 1]!;
  // [C8-09] Only a pass by a seat that could not play counts towards a blocked hand.
  const forced = !hasPlayable(state.hands[seat]!, top, state.suit);
  const passes = forced ? state.passes + 1 : 0;
  const refill = canRefill(state.stock.length, state.discard.length, state.reshuffles);
  const turn = seat + 1 === state.seats ? 0 : seat + 1;
  const next = withTurn(state, state.hands, state.stock, state.discard, state.suit, turn, false, passes, state.rng);
  const event: CrazyEightsEvent = { type: 'passed', seat };
  if (passes >= state.seats && !refill) {
    const scored = scoreHand(next, true);
    return { ok: true, state: scored.state, events: [event, ...scored.events] };
  }
  return { ok: true, state: next, events: [event] };
}

function applyContinue(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
  const continued = replaceAt(state.continued, seat, true);
  const events: CrazyEightsEvent[] = [{ type: 'continued', seat }];
  const waiting = continued.some((done) => !done);
  if (waiting || isGameEnding(state)) {
    const next = copyState(state);
    next.continued = continued;
    if (!waiting) {
      next.phase = CrazyEightsPhase.GameOver;
      events.push({ type: 'gameOver', winners: winnersOf(state.scores) });
    }
    return { ok: true, state: next, events };
  }
  // [C8-13] The deal passes to the left and the stored generator deals on.
  const dealer = (state.dealer + 1) % state.seats;
  const next = dealHand(
    {
      seats: state.seats,
      drawRule: state.drawRule,
      target: state.target,
      dealer,
      scores: state.scores,
      handNumber: state.handNumber + 1,
      lastHandPoints: state.lastHandPoints,
      lastHandWinner: state.lastHandWinner,
    },
    Rng.fromState(state.rng),
  );
  events.push({ type: 'handDealt', handNumber: next.handNumber, dealer, top: next.discard[0]! });
  return { ok: true, state: next, events };
}

// ---------------------------------------------------------------------------
// Views, audit, determinize

function activeOf(state: CrazyEightsState): number[] {
  switch (state.phase) {
    case CrazyEightsPhase.Play:
      return [state.turn];
    case CrazyEightsPhase.HandOver:
      return state.continued.flatMap((done, s) => (done ? [] : [s]));
    case CrazyEightsPhase.GameOver:
      return [];
    default: {
      const unreachable: never = state.phase;
      return unreachable;
    }
  }
}

function viewOf(state: CrazyEightsState, seat: Seat | null): CrazyEightsView {
  const over = state.phase === CrazyEightsPhase.GameOver;
  const pub: CrazyEightsPublic = {
    phase: state.phase,
    active: activeOf(state),
    turn: state.turn,
    suit: state.suit,
    discard: state.discard.slice(),
    stockCount: state.stock.length,
    handCounts: state.hands.map((hand) => hand.length),
    scores: state.scores.slice(),
    handNumber: state.handNumber,
    dealer: state.dealer,
    drawn: state.drawn,
    passes: state.passes,
    reshuffles: state.reshuffles,
    lastHandPoints: state.lastHandPoints.slice(),
    lastHandWinner: state.lastHandWinner,
    target: state.target,
    drawRule: state.drawRule,
    continued: state.continued.slice(),
    winners: over ? winnersOf(state.scores) : [],
    gameEnding: state.phase === CrazyEightsPhase.HandOver && isGameEnding(state),
  };
  return { seat, public: pub, private: privateOf(state, seat) };
}

function privateOf(state: CrazyEightsState, seat: Seat | null): CrazyEightsPrivate | null {
  return seat !== null && isSeatIndex(seat, state.seats) ? { hand: state.hands[seat]!.slice() } : null;
}

/**
 * [C8-14] A move's events read back from the public views around it: the
 * mover's hand count says whether it played (one fewer), drew (one more) or
 * passed, and the board shows the rest.
 */
function eventsBetweenViews(before: CrazyEightsPublic, after: CrazyEightsPublic, seat: Seat): CrazyEightsEvent[] {
  switch (before.phase) {
    case CrazyEightsPhase.Play: {
      const held = (after.handCounts[seat] ?? 0) - (before.handCounts[seat] ?? 0);
      const events: CrazyEightsEvent[] = [];
      if (held < 0) {
        events.push({ type: 'played', seat, card: discardTop(after.discard), suit: after.suit as Suit });
      } else if (held > 0) {
        // The stock was refilled just before the draw took its top card.
        if (after.reshuffles > before.reshuffles) events.push({ type: 'reshuffled', stockCount: after.stockCount + 1 });
        events.push({ type: 'drew', seat });
      } else {
        events.push({ type: 'passed', seat });
      }
      if (after.phase === CrazyEightsPhase.HandOver) {
        // Only a pass can block a hand; a play ends it by emptying a hand.
        events.push({ type: 'handScored', points: after.lastHandPoints.slice(), winner: after.lastHandWinner, blocked: held === 0 });
      }
      return events;
    }
    case CrazyEightsPhase.HandOver: {
      const events: CrazyEightsEvent[] = [{ type: 'continued', seat }];
      if (after.phase === CrazyEightsPhase.GameOver) {
        events.push({ type: 'gameOver', winners: after.winners.slice() });
      } else if (after.handNumber !== before.handNumber) {
        events.push({ type: 'handDealt', handNumber: after.handNumber, dealer: after.dealer, top: after.discard[0] ?? -1 });
      }
      return events;
    }
    case CrazyEightsPhase.GameOver:
      return [];
    default: {
      const unreachable: never = before.phase;
      return unreachable;
    }
  }
}

function invariantsOf(state: CrazyEightsState): string[] {
  const problems: string[] = [];
  const where = new Array<number>(DECK_SIZE).fill(0);
  const count = (cards: readonly Card[], label: string): void => {
    for (const card of cards) {
      if (!isCard(card)) problems.push(`${label} holds ${String(card)}, not a card`);
      else where[card]! += 1;
    }
  };
  state.hands.forEach((hand, s) => count(hand, `hand ${s}`));
  count(state.stock, 'stock');
  count(state.discard, 'discard');
  where.forEach((n, card) => {
    if (n !== 1) problems.push(`card ${card} is in ${n} places`);
  });
  if (state.hands.length !== state.seats) problems.push('one hand per seat expected');
  if (state.discard.length === 0) problems.push('the discard pile is empty');
  if (!isSuit(state.suit)) problems.push(`suit ${state.suit} is not a suit`);
  const top = state.discard[state.discard.length - 1];
  if (top !== undefined && rankOf(top) !== 8 && suitOf(top) !== state.suit) {
    problems.push('the current suit differs from the top card although it is not an 8');
  }
  if (state.scores.some((s) => !Number.isInteger(s) || s < 0)) problems.push('scores must be whole and non-negative');
  const handTotal = state.lastHandPoints.reduce((a, b) => a + b, 0);
  if (state.lastHandWinner === -1 ? handTotal !== 0 : state.lastHandPoints[state.lastHandWinner] !== handTotal) {
    problems.push('last hand points do not match its winner');
  }
  const over = state.scores.some((s) => s >= state.target);
  if (state.phase === CrazyEightsPhase.GameOver && !over) problems.push('game over before any score reached the target');
  if (over && state.phase !== CrazyEightsPhase.GameOver && state.phase !== CrazyEightsPhase.HandOver) {
    problems.push('play went on after a score reached the target');
  }
  if (state.phase === CrazyEightsPhase.Play && state.hands.some((hand) => hand.length === 0)) {
    problems.push('a hand is empty but the hand goes on');
  }
  if (state.passes < 0 || state.passes > state.seats) problems.push(`passes ${state.passes} out of range`);
  return problems;
}

function knownCardsOf(state: CrazyEightsState, seat: Seat | null): ReadonlySet<Card> {
  const known = new Set<Card>(state.discard);
  if (seat !== null) for (const card of state.hands[seat] ?? []) known.add(card);
  return known;
}

function cardsInViewOf(view: CrazyEightsView): Card[] {
  const pub = view.public;
  const cards: Card[] = [...pub.discard];
  if (view.private) cards.push(...view.private.hand);
  return cards;
}

/** [C8-15] Deals the cards this seat cannot see (other hands and the stock) at random. */
function determinizeView(view: CrazyEightsView, seat: Seat, rng: Rng): CrazyEightsState {
  const pub = view.public;
  const own = view.private?.hand ?? [];
  const seen = new Set<Card>([...own, ...pub.discard]);
  const unknown = rng.shuffle(fullDeck().filter((card) => !seen.has(card)));
  let next = 0;
  const hands = pub.handCounts.map((count, s) => {
    if (s === seat) return own.slice();
    const hand = unknown.slice(next, next + count).sort((a, b) => a - b);
    next += count;
    return hand;
  });
  const stock = unknown.slice(next, next + pub.stockCount);
  return {
    seats: pub.handCounts.length,
    drawRule: pub.drawRule,
    target: pub.target,
    phase: pub.phase,
    hands,
    stock,
    discard: pub.discard.slice(),
    suit: pub.suit as Suit,
    turn: pub.turn,
    dealer: pub.dealer,
    drawn: pub.drawn,
    passes: pub.passes,
    reshuffles: pub.reshuffles,
    scores: pub.scores.slice(),
    handNumber: pub.handNumber,
    lastHandPoints: pub.lastHandPoints.slice(),
    lastHandWinner: pub.lastHandWinner,
    continued: pub.continued.slice(),
    rng: rng.state(),
  };
}

export const crazyEightsDefaultOptions: CrazyEightsOptions = { drawRule: DrawRule.UntilPlayable, target: 'auto' };

/** Starts a game; exported for tests that need a particular dealer or draw rule. */
export function setupCrazyEights(seed: string, seats: number, options: CrazyEightsOptions): CrazyEightsState {
  return dealHand(
    {
      seats,
      drawRule: options.drawRule,
      target: resolveTarget(options.target, seats),
      dealer: 0,
      scores: new Array<number>(seats).fill(0),
      handNumber: 1,
      lastHandPoints: new Array<number>(seats).fill(0),
      lastHandWinner: -1,
    },
    Rng.fromSeed(seed),
  );
}

export const crazyEights: GameDefinition<
  CrazyEightsState,
  CrazyEightsMove,
  CrazyEightsView,
  CrazyEightsOptions,
  CrazyEightsEvent
> = {
  id: 'crazy-eights',
  name: 'Crazy Eights',
  description: 'Match the top card by suit or rank; eights are wild. First to empty their hand scores.',
  minSeats: 2,
  maxSeats: 6,
  options: OPTIONS,

  defaultOptions() {
    return { ...crazyEightsDefaultOptions };
  },
  parseOptions(input) {
    return parseChoiceOptions(OPTIONS, { ...crazyEightsDefaultOptions }, input);
  },
  setup(config) {
    return setupCrazyEights(config.seed, config.seats, config.options);
  },
  activeSeats: activeOf,
  legalMoves(state, seat) {
    if (!isSeatIndex(seat, state.seats)) return [];
    return legalMovesOf(contextOfState(state, seat), seat);
  },
  apply(state, seat, move) {
    if (isSharedPlay(state, seat, move)) {
      const { card, suit } = move as { card: Card; suit?: Suit };
      return applyPlay(state, seat, card, suit);
    }
    if (move === DRAW && state.phase === CrazyEightsPhase.Play && seat === state.turn && mayDraw(contextOfState(state, seat))) {
      return applyDraw(state, seat);
    }
    const ctx = contextOfState(state, isSeatIndex(seat, state.seats) ? seat : 0);
    const problem = moveError(ctx, seat, state.seats, move);
    if (problem) return { ok: false, error: problem };
    switch (move.type) {
      case 'play':
        return applyPlay(state, seat, move.card, move.card % 13 === EIGHT_INDEX ? move.suit : undefined);
      case 'draw':
        return applyDraw(state, seat);
      case 'pass':
        return applyPass(state, seat);
      case 'continue':
        return applyContinue(state, seat);
      default: {
        const unreachable: never = move;
        return unreachable;
      }
    }
  },
  view: viewOf,
  privateView: privateOf,
  legalMovesInView(view) {
    if (view.seat === null) return [];
    return legalMovesOf(contextOfView(view), view.seat);
  },
  moveErrorInView(view, move) {
    if (view.seat === null) return err(CommonError.NotYourTurn, 'Spectators do not play.');
    return moveError(contextOfView(view), view.seat, view.public.handCounts.length, move);
  },
  eventsBetween: eventsBetweenViews,
  outcome(state): Outcome | null {
    if (state.phase !== CrazyEightsPhase.GameOver) return null;
    return { scores: state.scores.slice(), winners: winnersOf(state.scores), ranking: rankingOf(state.scores) };
  },
  scores(state) {
    return state.scores;
  },
  determinize: determinizeView,
  rngState(state) {
    return state.rng;
  },
  bots: {
    random: randomBot<CrazyEightsView, CrazyEightsMove>(),
    heuristic: crazyEightsHeuristicBot,
  },
  audit: {
    invariants: invariantsOf,
    cardsInView: cardsInViewOf,
    knownCards: knownCardsOf,
  },
  publicWire: crazyEightsWire,
};
