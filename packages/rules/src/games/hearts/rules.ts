/**
 * Hearts' rule checks (rule ids refer to RULES.md in this folder), and who may
 * act. The checks run over a small `TableContext` that both a full state and
 * one seat's view can give, so the server and the client refuse exactly the
 * same moves with exactly the same words.
 */
import { DECK_SIZE, cardName, isCard, suitName } from '../../cards';
import type { Card, Suit } from '../../cards';
import { CommonError } from '../../game';
import type { RuleError, Seat } from '../../game';
import { HEARTS_SUIT, HeartsError, HeartsPhase, PASS_SIZE, QUEEN_OF_SPADES, SEATS, TWO_OF_CLUBS, suitCode } from './state';
import type { HeartsState } from './state';

// ---------------------------------------------------------------------------
// Rule checks, shared by the state and a seat's view.

/** What the rule checks need to know; a state and a seat's view can both give it. */
export interface TableContext {
  readonly phase: string;
  readonly active: readonly Seat[];
  /** The acting seat's hand (empty when unknown). */
  readonly hand: readonly Card[];
  readonly trick: readonly Card[];
  readonly leader: Seat;
  readonly heartsBroken: boolean;
  readonly firstTrick: boolean;
}

function fail(code: string, message: string): RuleError {
  return { code, message };
}

/** Facts about the acting hand that the play rules need, gathered in one pass. */
export interface HandFacts {
  readonly led: number;
  readonly holdsLed: boolean;
  readonly onlyHearts: boolean;
  readonly onlyPoints: boolean;
}

export function handFacts(ctx: TableContext): HandFacts {
  const lead = ctx.trick[ctx.leader];
  const led = lead === undefined || lead < 0 ? -1 : suitCode(lead);
  let holdsLed = false;
  let onlyHearts = true;
  let onlyPoints = true;
  const hand = ctx.hand;
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    const suit = suitCode(card);
    if (suit === led) holdsLed = true;
    if (suit !== HEARTS_SUIT) {
      onlyHearts = false;
      if (card !== QUEEN_OF_SPADES) onlyPoints = false;
    }
  }
  return { led, holdsLed, onlyHearts, onlyPoints };
}

function playErrorWith(ctx: TableContext, facts: HandFacts, card: Card): RuleError | null {
  const suit = suitCode(card);
  if (facts.led === -1) {
    // [H-05] The first trick is led with the two of clubs.
    if (ctx.firstTrick) {
      return card === TWO_OF_CLUBS ? null : fail(HeartsError.MustLeadTwoOfClubs, 'The first trick must be led with the Two of clubs.');
    }
    // [H-08] No heart lead until hearts are broken, unless the hand is all hearts.
    if (suit === HEARTS_SUIT && !ctx.heartsBroken && !facts.onlyHearts) {
      return fail(HeartsError.HeartsNotBroken, 'Hearts are not broken yet: lead another suit.');
    }
    return null;
  }
  // [H-06] Follow suit when able.
  if (suit !== facts.led && facts.holdsLed) {
    return fail(HeartsError.MustFollowSuit, `You must follow suit: you hold ${suitName(facts.led as Suit)}.`);
  }
  // [H-07] No hearts and no queen of spades on the first trick, unless the hand holds nothing else.
  if (ctx.firstTrick && (suit === HEARTS_SUIT || card === QUEEN_OF_SPADES) && !facts.onlyPoints) {
    return fail(HeartsError.NoPointsOnFirstTrick, `You cannot play the ${cardName(card)} on the first trick.`);
  }
  return null;
}

/** Why `card` (already known to be in the hand) may not be played now; null when it may. */
export function playRuleError(ctx: TableContext, card: Card): RuleError | null {
  return playErrorWith(ctx, handFacts(ctx), card);
}

/** Whether `card` may be played, without building an error. Mirrors `playErrorWith`. */
export function playAllowed(ctx: TableContext, facts: HandFacts, card: Card): boolean {
  const suit = suitCode(card);
  if (facts.led === -1) {
    if (ctx.firstTrick) return card === TWO_OF_CLUBS;
    return suit !== HEARTS_SUIT || ctx.heartsBroken || facts.onlyHearts;
  }
  if (suit !== facts.led && facts.holdsLed) return false;
  return !(ctx.firstTrick && (suit === HEARTS_SUIT || card === QUEEN_OF_SPADES) && !facts.onlyPoints);
}

/** Every card of the hand that may be played now (playing phase, acting seat). */
export function legalPlays(ctx: TableContext): Card[] {
  const facts = handFacts(ctx);
  const out: Card[] = [];
  for (let i = 0; i < ctx.hand.length; i++) {
    const card = ctx.hand[i]!;
    if (playAllowed(ctx, facts, card)) out.push(card);
  }
  return out;
}

export function isCardCode(value: unknown): value is Card {
  return typeof value === 'number' && value >= 0 && value < DECK_SIZE && value === Math.floor(value);
}

/** A move may hold `type` and its own field only (undefined-valued keys count as absent). */
function hasOnlyKeys(move: Record<string, unknown>, field: string): boolean {
  for (const key in move) {
    if (key !== 'type' && key !== field && move[key] !== undefined) return false;
  }
  return true;
}

function isMoveObject(move: unknown): move is { readonly type: unknown } & Record<string, unknown> {
  return typeof move === 'object' && move !== null && !Array.isArray(move);
}

/** Why `seat` may not make `move`; null when it may. The single source of refusals for apply and the view. */
export function moveError(ctx: TableContext, seat: Seat, move: unknown): RuleError | null {
  if (!isMoveObject(move) || (move.type !== 'pass' && move.type !== 'play' && move.type !== 'continue')) {
    return fail(CommonError.InvalidMove, 'That is not a Hearts move.');
  }
  if (!hasOnlyKeys(move, move.type === 'play' ? 'card' : move.type === 'pass' ? 'cards' : 'type')) {
    return fail(CommonError.InvalidMove, 'That move carries fields Hearts does not know.');
  }
  if (move.type === 'play' && !isCardCode(move.card)) {
    return fail(CommonError.InvalidMove, 'That is not a card.');
  }
  if (ctx.phase === HeartsPhase.GameOver) return fail(CommonError.GameOver, 'The game is over.');
  const wanted =
    move.type === 'pass' ? HeartsPhase.Passing : move.type === 'play' ? HeartsPhase.Playing : HeartsPhase.HandOver;
  if (ctx.phase !== wanted) return fail(CommonError.WrongPhase, wrongPhaseMessage(ctx.phase));
  if (!ctx.active.includes(seat)) {
    return fail(CommonError.NotYourTurn, ctx.phase === HeartsPhase.Playing ? 'It is not your turn.' : 'You have already done that; wait for the others.');
  }
  if (move.type === 'pass') return passError(ctx.hand, move.cards);
  if (move.type === 'play') {
    const card = move.card as Card;
    if (!ctx.hand.includes(card)) return fail(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
    return playRuleError(ctx, card);
  }
  return null;
}

function wrongPhaseMessage(phase: string): string {
  if (phase === HeartsPhase.Passing) return 'Choose three cards to pass first.';
  if (phase === HeartsPhase.Playing) return 'The cards are being played: play a card.';
  return 'The hand is over: continue to the next hand.';
}

/** [H-03] A pass is exactly three distinct cards from the hand. */
function passError(hand: readonly Card[], cards: unknown): RuleError | null {
  const message = 'Pass exactly three different cards from your hand.';
  if (!Array.isArray(cards) || cards.length !== PASS_SIZE) return fail(HeartsError.MustPassThree, message);
  for (let i = 0; i < cards.length; i++) {
    const card: unknown = cards[i];
    if (!isCard(card) || cards.indexOf(card) !== i) return fail(HeartsError.MustPassThree, message);
  }
  for (const card of cards as Card[]) {
    if (!hand.includes(card)) return fail(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Who may act, and the context a state gives.

const ONE_SEAT: readonly (readonly Seat[])[] = [0, 1, 2, 3].map((seat) => Object.freeze([seat]));
export const NO_SEATS: readonly Seat[] = Object.freeze([]);

export function activeSeatsOf(state: HeartsState): readonly Seat[] {
  switch (state.phase) {
    case HeartsPhase.Playing:
      return ONE_SEAT[state.turn]!;
    case HeartsPhase.Passing: {
      const out: Seat[] = [];
      for (let s = 0; s < SEATS; s++) if (state.passed[s]!.length === 0) out.push(s);
      return out;
    }
    case HeartsPhase.HandOver: {
      const out: Seat[] = [];
      for (let s = 0; s < SEATS; s++) if (!state.continued[s]) out.push(s);
      return out;
    }
    case HeartsPhase.GameOver:
      return NO_SEATS;
    default: {
      const never: never = state.phase;
      return never;
    }
  }
}

export function contextOfState(state: HeartsState, seat: Seat): TableContext {
  return {
    phase: state.phase,
    active: activeSeatsOf(state),
    hand: state.hands[seat] ?? NO_SEATS,
    trick: state.trick,
    leader: state.leader,
    heartsBroken: state.heartsBroken,
    firstTrick: state.tricksPlayed === 0,
  };
}
