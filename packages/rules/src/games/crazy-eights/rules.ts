/**
 * Crazy Eights' move rules (C8-04 to C8-08, C8-16): who may play, draw, pass
 * or continue, judged once from the state or from a seat's view alike, and the
 * legal moves listed as shared, frozen values.
 */
import { DECK_SIZE, cardName, isCard, suitName } from '../../cards';
import type { Card, Suit } from '../../cards';
import { CommonError } from '../../game';
import type { RuleError, Seat } from '../../game';
import { CrazyEightsError, CrazyEightsPhase, DrawRule, discardTop } from './state';
import type { CrazyEightsMove, CrazyEightsState } from './state';

/** Rank index 0-12 (2..A) of a card code; an 8 is index 6. A constant, so the hot path reads the rank index without calling `rankOf`. */
export const EIGHT_INDEX = 6;

/** [C8-04] An 8 always matches; otherwise the current suit or the top card's rank. */
export function isPlayable(card: Card, top: Card, suit: Suit): boolean {
  const rank = card % 13;
  return rank === EIGHT_INDEX || ((card / 13) | 0) === suit || rank === top % 13;
}

export function hasPlayable(hand: readonly Card[], top: Card, suit: Suit): boolean {
  for (let i = 0; i < hand.length; i++) if (isPlayable(hand[i]!, top, suit)) return true;
  return false;
}

/**
 * What the turn rules need, given by the state and by a seat's view alike, so
 * the server and the client check moves with the same code.
 */
export interface TurnContext {
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

/**
 * [C8-07] The discard pile is shuffled into a new stock at most
 * MAX_RESHUFFLES times a hand. Without a limit, a few cards (typically the
 * 8s) can circulate forever between players who cannot match each other's
 * suit; with it, the stock finally runs dry and the hand ends, at worst blocked.
 */
export const MAX_RESHUFFLES = 3;

export function canRefill(stockCount: number, discardCount: number, reshuffles: number): boolean {
  return stockCount > 0 || (discardCount > 1 && reshuffles < MAX_RESHUFFLES);
}

/** [C8-06] Drawing: see RULES.md for when each draw rule allows another draw. */
export function mayDraw(ctx: TurnContext): boolean {
  if (!ctx.canRefill) return false;
  if (ctx.drawRule === DrawRule.DrawOne) return !ctx.drawn;
  return !ctx.drawn || !hasPlayable(ctx.hand, ctx.top, ctx.suit);
}

/** [C8-08] Passing: after the one draw of `drawOne`, or when nothing can be drawn and nothing played. */
function mayPass(ctx: TurnContext): boolean {
  if (ctx.drawRule === DrawRule.DrawOne && ctx.drawn) return true;
  return !ctx.canRefill && !hasPlayable(ctx.hand, ctx.top, ctx.suit);
}

export function err(code: string, message: string): RuleError {
  return { code, message };
}

export function isSeatIndex(seat: unknown, seats: number): seat is number {
  return typeof seat === 'number' && Number.isInteger(seat) && seat >= 0 && seat < seats;
}

export function isSuit(value: unknown): value is Suit {
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
export function moveError(ctx: TurnContext, seat: unknown, seats: number, move: unknown): RuleError | null {
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

export const DRAW: CrazyEightsMove = Object.freeze({ type: 'draw' });
const PASS: CrazyEightsMove = Object.freeze({ type: 'pass' });
const CONTINUE: CrazyEightsMove = Object.freeze({ type: 'continue' });
/**
 * The moves `legalMoves` hands out are shared, frozen values: one per card,
 * and one per 8 and named suit. Listing them allocates nothing, and `apply`
 * knows them (`isSharedPlay`) and skips the checks of their shape.
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
export function isSharedPlay(state: CrazyEightsState, seat: Seat, move: CrazyEightsMove): boolean {
  if (typeof move !== 'object' || move === null || move.type !== 'play') return false;
  const { card, suit } = move as { card: unknown; suit?: unknown };
  if (typeof card !== 'number' || (suit !== undefined && typeof suit !== 'number')) return false;
  if ((suit === undefined ? PLAY_MOVES[card] : EIGHT_MOVES[card * 4 + suit]) !== move) return false;
  if (state.phase !== CrazyEightsPhase.Play || seat !== state.turn) return false;
  return state.hands[seat]!.includes(card) && isPlayable(card, discardTop(state.discard), state.suit);
}

export function legalMovesOf(ctx: TurnContext, seat: Seat): CrazyEightsMove[] {
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
