/**
 * What each accepted Crazy Eights move does to the state (C8-05 to C8-09,
 * C8-13), and the deal that starts every hand (C8-02, C8-03). The moves reach
 * here already judged by rules.ts.
 */
import { fullDeck, suitOf } from '../../cards';
import type { Card, Suit } from '../../cards';
import type { ApplyResult, Seat } from '../../game';
import { Rng } from '../../rng';
import type { RngState } from '../../rng';
import { canRefill, hasPlayable } from './rules';
import { isGameEnding, scoreHand, winnersOf } from './scoring';
import { CrazyEightsPhase, copyState } from './state';
import type { CrazyEightsEvent, CrazyEightsState, WritableState } from './state';
import { replaceAt, withoutCard } from '../../copies';

/** [C8-02] Seven cards each for two players, five otherwise. */
export function handSize(seats: number): number {
  return seats === 2 ? 7 : 5;
}

/** [C8-02]/[C8-03] Shuffles a full deck with the state's generator and deals a hand. */
export function dealHand(
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

export function applyPlay(state: CrazyEightsState, seat: Seat, card: Card, named: Suit | undefined): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
  const hand = withoutCard(state.hands[seat]!, card);
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

export function applyDraw(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
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

export function applyPass(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
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

export function applyContinue(state: CrazyEightsState, seat: Seat): ApplyResult<CrazyEightsState, CrazyEightsEvent> {
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
