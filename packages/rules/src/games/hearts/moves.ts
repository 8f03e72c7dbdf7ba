/**
 * Hearts' legal moves, listed as shared, frozen values so enumeration
 * allocates only the array that holds them, and the fast checks that accept
 * one of those shared moves from a state without building a context.
 */
import { DECK_SIZE } from '../../cards';
import type { Card } from '../../cards';
import type { Seat } from '../../game';
import { HEARTS_SUIT, HeartsPhase, PASS_SIZE, QUEEN_OF_SPADES, suitCode } from './state';
import type { HeartsMove, HeartsState } from './state';
import { NO_SEATS, handFacts, isCardCode, playAllowed } from './rules';
import type { TableContext } from './rules';

// ---------------------------------------------------------------------------
// Moves, cached so enumeration allocates only the array that holds them.

const PLAY_MOVES: readonly HeartsMove[] = Array.from({ length: DECK_SIZE }, (_, card) => Object.freeze({ type: 'play', card }) as HeartsMove);
export const CONTINUE_MOVE: HeartsMove = Object.freeze({ type: 'continue' });

export function playMove(card: Card): HeartsMove {
  return PLAY_MOVES[card]!;
}

/**
 * Pass moves are shared, frozen values: listing the 286 passes of a hand four
 * times a hand was most of a simulation's allocation. Keyed by the three
 * cards in ascending order; filled on first use (at most 22,100 entries).
 */
const PASS_MOVES: (HeartsMove | undefined)[] = [];
for (let key = 0; key < DECK_SIZE * DECK_SIZE * DECK_SIZE; key++) PASS_MOVES.push(undefined); // packed, not a sparse dictionary

function sharedPass(key: number, a: Card, b: Card, c: Card): HeartsMove {
  let move = PASS_MOVES[key];
  if (move === undefined) {
    move = Object.freeze({ type: 'pass', cards: Object.freeze([a, b, c]) }) as HeartsMove;
    PASS_MOVES[key] = move;
  }
  return move;
}

/** [H-03] Every pass: the 286 sets of three cards of a 13-card hand (hands are kept sorted). */
function passMoves(hand: readonly Card[]): HeartsMove[] {
  const n = hand.length;
  const out = new Array<HeartsMove>((n * (n - 1) * (n - 2)) / 6);
  let i = 0;
  for (let a = 0; a < n; a++) {
    const ca = hand[a]!;
    for (let b = a + 1; b < n; b++) {
      const cb = hand[b]!;
      const prefix = (ca * DECK_SIZE + cb) * DECK_SIZE;
      for (let c = b + 1; c < n; c++) {
        const cc = hand[c]!;
        out[i++] = PASS_MOVES[prefix + cc] ?? sharedPass(prefix + cc, ca, cb, cc);
      }
    }
  }
  return out;
}

export function movesFromContext(ctx: TableContext, seat: Seat): HeartsMove[] {
  if (!ctx.active.includes(seat)) return [];
  switch (ctx.phase) {
    case HeartsPhase.Playing: {
      const facts = handFacts(ctx);
      const out: HeartsMove[] = [];
      for (let i = 0; i < ctx.hand.length; i++) {
        const card = ctx.hand[i]!;
        if (playAllowed(ctx, facts, card)) out.push(PLAY_MOVES[card]!);
      }
      return out;
    }
    case HeartsPhase.Passing:
      return passMoves(ctx.hand);
    case HeartsPhase.HandOver:
      return [CONTINUE_MOVE];
    default:
      return [];
  }
}

/**
 * True when `move` is one of the shared play moves and the seat may play it
 * now: the common case of a simulation, checked without building a context.
 * Anything else, and every refusal, goes through `moveError`, the single
 * source of the refusal's code and words.
 */
export function isAllowedSharedPlay(state: HeartsState, seat: Seat, move: HeartsMove): boolean {
  if (move.type !== 'play' || PLAY_MOVES[move.card] !== move) return false;
  if (state.phase !== HeartsPhase.Playing || seat !== state.turn) return false;
  const card = move.card;
  const hand = state.hands[seat]!;
  const lead = state.trick[state.leader]!;
  const led = lead < 0 ? -1 : suitCode(lead);
  let inHand = false;
  let holdsLed = false;
  let onlyHearts = true;
  let onlyPoints = true;
  for (let i = 0; i < hand.length; i++) {
    const held = hand[i]!;
    if (held === card) inHand = true;
    const suit = suitCode(held);
    if (suit === led) holdsLed = true;
    if (suit !== HEARTS_SUIT) {
      onlyHearts = false;
      if (held !== QUEEN_OF_SPADES) onlyPoints = false;
    }
  }
  if (!inHand) return false;
  return playAllowed(
    { phase: state.phase, active: NO_SEATS, hand, trick: state.trick, leader: state.leader, heartsBroken: state.heartsBroken, firstTrick: state.tricksPlayed === 0 },
    { led, holdsLed, onlyHearts, onlyPoints },
    card,
  );
}

/** Like `isAllowedSharedPlay`, for the shared pass moves (their cards are ascending). */
export function isAllowedSharedPass(state: HeartsState, seat: Seat, move: HeartsMove): boolean {
  if (move.type !== 'pass' || state.phase !== HeartsPhase.Passing || state.passed[seat]?.length !== 0) return false;
  const cards: unknown = move.cards;
  if (!Array.isArray(cards) || cards.length !== PASS_SIZE) return false;
  const [a, b, c] = cards as unknown[];
  if (!isCardCode(a) || !isCardCode(b) || !isCardCode(c) || PASS_MOVES[(a * DECK_SIZE + b) * DECK_SIZE + c] !== move) return false;
  const hand = state.hands[seat]!;
  return hand.includes(a) && hand.includes(b) && hand.includes(c);
}
