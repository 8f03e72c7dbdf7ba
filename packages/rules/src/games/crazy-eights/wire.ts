/**
 * What a Crazy Eights client computes instead of receiving. The server sends
 * two fields the view does not have, carried from move to move: `moves`, one
 * entry per move of this hand (the card's code for a play, an 8 with the suit
 * it named in one code, `DRAW` or `PASS`), and `start`, the card turned up at
 * the deal. From them and the rules a
 * client replays the hand: the discard pile, the reshuffles, each seat's hand
 * size, whose turn it is, whether the seat to move has drawn, and the suit to
 * follow. Every move then adds
 * one entry to one list, and a new hand empties it in one operation. The
 * winners and the last-hand flag follow from the scores.
 *
 * Where the moves are not known (a table restored in the middle of a hand),
 * whose turn it is follows from the seat that moved last (the table's
 * `lastSeat`): a draw keeps the turn, a play or a pass hands it on
 * [C8-05, C8-06]; everything else then travels as it is.
 */
import { DECK_SIZE } from '../../cards';
import type { WireRecord } from '../../game';
import { sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';

/** The phases as the view names them (state.ts's `CrazyEightsPhase`). */
const Phase = { Play: 'play', HandOver: 'handOver', GameOver: 'gameOver' } as const;

/** A move in `moves` that is not a card: one card off the stock, or a pass. Below 128: one byte each. */
const DRAW = DECK_SIZE;
const PASS = DECK_SIZE + 1;
const RANKS = 13;
const EIGHT = 6;
/** An 8 of suit `s` naming suit `n` is `NAMED_EIGHT + s * 4 + n`: the named suit needs no field of its own. */
const NAMED_EIGHT = DECK_SIZE + 8;

function suitOfCard(card: number): number {
  return (card / RANKS) | 0;
}

/** The move's code for a play of `card`, with the suit named if it is an 8. */
function playCode(card: number, suit: number): number {
  return card % RANKS === EIGHT ? NAMED_EIGHT + suitOfCard(card) * 4 + suit : card;
}

/** [C8-02] Seven cards each for two players, five otherwise. */
function handSizeFor(seats: number): number {
  return seats === 2 ? 7 : 5;
}

interface ReplayedHand {
  /** The seat that made the last move of `moves` (-1 for none). */
  readonly lastMover: number;
  readonly discard: number[];
  readonly suit: number;
  readonly handCounts: number[];
  readonly turn: number;
  readonly drawn: boolean;
  readonly reshuffles: number;
}

/** The hand so far, from the deal and its moves in order [C8-03, C8-05, C8-06, C8-07]. */
function replayHand(moves: readonly number[], start: number, seats: number, dealer: number): ReplayedHand {
  const size = handSizeFor(seats);
  const handCounts = new Array<number>(seats).fill(size);
  let discard = [start];
  let stock = DECK_SIZE - seats * size - 1;
  let turn = (dealer + 1) % seats;
  let drawn = false;
  let reshuffles = 0;
  let suit = suitOfCard(start);
  let lastMover = -1;
  for (const move of moves) {
    lastMover = turn;
    if (move === DRAW) {
      if (stock === 0) {
        // [C8-07] Everything under the top discard becomes the new stock.
        reshuffles++;
        stock = discard.length - 1;
        discard = discard.slice(-1);
      }
      stock--;
      handCounts[turn]!++;
      drawn = true;
      continue;
    }
    if (move !== PASS) {
      const eight = move >= NAMED_EIGHT;
      const card = eight ? ((move - NAMED_EIGHT) >> 2) * RANKS + EIGHT : move;
      handCounts[turn]!--;
      discard.push(card);
      // [C8-04] An 8 names the suit to follow; any other card's suit is followed.
      suit = eight ? (move - NAMED_EIGHT) & 3 : suitOfCard(card);
    }
    turn = (turn + 1) % seats;
    drawn = false;
  }
  return { lastMover, discard, suit, handCounts, turn, drawn, reshuffles };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Whether the hand replayed from `moves` is the one the view shows. */
function replays(view: WireRecord, moves: readonly number[], start: number): boolean {
  const seats = sentNumbers(view, 'handCounts').length;
  const hand = replayHand(moves, start, seats, sentNumber(view, 'dealer', () => 0));
  return (
    sameNumbers(hand.discard, sentNumbers(view, 'discard')) &&
    sameNumbers(hand.handCounts, sentNumbers(view, 'handCounts')) &&
    hand.turn === view['turn'] &&
    hand.drawn === view['drawn'] &&
    hand.reshuffles === view['reshuffles'] &&
    hand.suit === view['suit']
  );
}

/**
 * The moves of this hand: none at a deal, else the previous moves and the one
 * that leads to this view (a play of the new top card, a draw, a pass, or
 * nothing, in a hand summary). Nothing when they cannot be told: the fields
 * then travel as they are.
 */
function carryCrazyEights(view: WireRecord, previous: WireRecord | null): WireRecord {
  const discard = sentNumbers(view, 'discard');
  if (view['phase'] === Phase.Play && discard.length === 1 && replays(view, [], discard[0]!)) return { moves: [], start: discard[0]! };
  if (previous === null || !Array.isArray(previous['moves']) || typeof previous['start'] !== 'number') return {};
  if (previous['handNumber'] !== view['handNumber']) return {};
  const before = sentNumbers(previous, 'moves');
  const start = previous['start'];
  const top = discard[discard.length - 1] ?? -1;
  const played = [...before, playCode(top, sentNumber(view, 'suit', () => suitOfCard(top)))];
  for (const next of [before, played, [...before, DRAW], [...before, PASS]]) {
    if (replays(view, next, start)) return { moves: next, start };
  }
  return {};
}

function deriveCrazyEights(sent: WireRecord): WireRecord {
  const scores = sentNumbers(sent, 'scores');
  const seats = scores.length;
  const moves = sent['moves'];
  const start = sent['start'];
  const hand =
    Array.isArray(moves) && typeof start === 'number' && seats > 0
      ? replayHand(moves as readonly number[], start, seats, sentNumber(sent, 'dealer', () => 0))
      : null;
  const discard = Array.isArray(sent['discard']) ? sentNumbers(sent, 'discard') : (hand?.discard ?? []);
  const handCounts = Array.isArray(sent['handCounts']) ? sentNumbers(sent, 'handCounts') : (hand?.handCounts ?? scores.map(() => 0));
  const drawn = typeof sent['drawn'] === 'boolean' ? sent['drawn'] : (hand?.drawn ?? false);
  const lastSeat = sentNumber(sent, 'lastSeat', () => -1);
  const turn = sentNumber(sent, 'turn', () =>
    hand ? hand.turn : lastSeat < 0 || seats === 0 ? 0 : drawn ? lastSeat : (lastSeat + 1) % seats,
  );
  const top = discard[discard.length - 1];
  const phase = sent['phase'];
  // [C8-04] The suit to follow is the top card's, or the one an 8 named (told by the moves, else it travels).
  const suit = hand && !Array.isArray(sent['discard']) ? hand.suit : top === undefined ? 0 : suitOfCard(top);
  const continued = sentBooleans(sent, 'continued');
  const best = Math.max(...scores);
  const target = sentNumber(sent, 'target', () => Infinity);
  return {
    discard,
    handCounts,
    drawn,
    reshuffles: sentNumber(sent, 'reshuffles', () => hand?.reshuffles ?? 0),
    turn,
    suit,
    active: phase === Phase.Play ? [turn] : phase === Phase.HandOver ? handCounts.flatMap((_, seat) => (continued[seat] ? [] : [seat])) : [],
    stockCount: DECK_SIZE - discard.length - handCounts.reduce((sum, count) => sum + count, 0),
    winners: phase === Phase.GameOver ? scores.flatMap((score, seat) => (score === best ? [seat] : [])) : [],
    gameEnding: phase === Phase.HandOver && scores.some((score) => score >= target),
  };
}

/**
 * While a hand is played, every move of the table is a move of the hand, so
 * the moves tell who moved last; a hand summary's `continue` is not one of
 * them, nor is the deal.
 */
function lastMoverOfCrazyEights(sent: WireRecord): number | null {
  const moves = sent['moves'];
  const start = sent['start'];
  const seats = sentNumbers(sent, 'scores').length;
  if (sent['phase'] !== Phase.Play || !Array.isArray(moves) || moves.length === 0 || typeof start !== 'number' || seats === 0) return null;
  return replayHand(moves as readonly number[], start, seats, sentNumber(sent, 'dealer', () => 0)).lastMover;
}

export const crazyEightsWire: PublicWire = {
  // In this order: a field sent because it could not be derived (the discard pile) fixes the ones after it.
  derivedKeys: ['discard', 'handCounts', 'drawn', 'reshuffles', 'turn', 'suit', 'active', 'stockCount', 'winners', 'gameEnding'],
  derive: deriveCrazyEights,
  carry: carryCrazyEights,
  carriedKeys: ['moves', 'start'],
  lastMover: lastMoverOfCrazyEights,
};
