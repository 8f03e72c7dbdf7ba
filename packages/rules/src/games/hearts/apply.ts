/**
 * What each accepted Hearts move does to the state: the pass exchange (H-04),
 * the tricks (H-08, H-09, H-13), the hand's score (H-11, H-12) and the next deal
 * or the end of the game (H-14). Moves reach here judged by rules.ts, or by a
 * fast check of a shared move in moves.ts.
 */
import type { Card } from '../../cards';
import type { ApplyResult, Seat } from '../../game';
import { Rng } from '../../rng';
import {
  HAND_SIZE, HeartsPhase, PASS_SIZE, SEATS, TWO_OF_CLUBS, cardPoints, dealHand, emptyTrick, holderOf, isPointCard, noCards,
  passDirectionOf, passTarget, suitCode,
} from './state';
import type { HeartsEvent, HeartsMove, HeartsState } from './state';
import { contextOfState, moveError } from './rules';
import { CONTINUE_MOVE, isAllowedSharedPass, isAllowedSharedPlay } from './moves';
import { handScore, isGameEnding, outcomeOf } from './scoring';

/** `hand` without `card`, which it holds. */
function without(hand: readonly Card[], card: Card): Card[] {
  const out = new Array<Card>(hand.length - 1);
  let j = 0;
  for (let i = 0; i < hand.length; i++) if (hand[i] !== card) out[j++] = hand[i]!;
  return out;
}

/** `hand` without the three cards of `given`, all held. */
function withoutAll(hand: readonly Card[], given: readonly Card[]): Card[] {
  const [a, b, c] = given;
  const out = new Array<Card>(hand.length - PASS_SIZE);
  let j = 0;
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    if (card !== a && card !== b && card !== c) out[j++] = card;
  }
  return out;
}

/** The three passed cards (already checked: three distinct cards) in ascending order, as a new array. */
function ascendingThree(cards: readonly Card[]): Card[] {
  let a = cards[0]!;
  let b = cards[1]!;
  let c = cards[2]!;
  if (a > b) [a, b] = [b, a];
  if (b > c) [b, c] = [c, b];
  if (a > b) [a, b] = [b, a];
  return [a, b, c];
}

/** Two ascending lists merged into one ascending list. */
function mergeSorted(a: readonly Card[], b: readonly Card[]): Card[] {
  const out = new Array<Card>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * A copy of a per-seat array (always four entries in Hearts) with one entry
 * replaced. Written out for four seats: a generic `slice()` here, shared by
 * arrays of cards, numbers and flags, was the hottest line of a simulation.
 */
function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  const out: T[] = [items[0] as T, items[1] as T, items[2] as T, items[3] as T];
  out[index] = value;
  return out;
}

type WritableState = { -readonly [K in keyof HeartsState]: HeartsState[K] };

/**
 * A field-by-field copy of a state, for the move being applied to change
 * before returning it. Every state after the deal comes from this one object
 * literal, so all share one hidden class: a spread (`{ ...state, x }`) copies
 * through a generic cloning stub, and the states it made could differ in
 * shape, which slowed every later read of their fields.
 */
function copyState(state: HeartsState): WritableState {
  return {
    options: state.options,
    rng: state.rng,
    phase: state.phase,
    handNumber: state.handNumber,
    hands: state.hands,
    passed: state.passed,
    received: state.received,
    trick: state.trick,
    leader: state.leader,
    turn: state.turn,
    tricksPlayed: state.tricksPlayed,
    lastTrick: state.lastTrick,
    lastTrickWinner: state.lastTrickWinner,
    heartsBroken: state.heartsBroken,
    wonBy: state.wonBy,
    handPoints: state.handPoints,
    tricksWon: state.tricksWon,
    voids: state.voids,
    scores: state.scores,
    lastHandPoints: state.lastHandPoints,
    moonShooter: state.moonShooter,
    continued: state.continued,
  };
}

export function applyMove(state: HeartsState, seat: Seat, move: HeartsMove): ApplyResult<HeartsState, HeartsEvent> {
  if (typeof move === 'object' && move !== null) {
    if (isAllowedSharedPlay(state, seat, move)) return applyPlay(state, seat, (move as { readonly card: Card }).card);
    if (isAllowedSharedPass(state, seat, move)) return applyPass(state, seat, (move as { readonly cards: readonly Card[] }).cards);
    if (move === CONTINUE_MOVE && state.phase === HeartsPhase.HandOver && state.continued[seat] === false) {
      return applyContinue(state, seat);
    }
  }
  const error = moveError(contextOfState(state, seat), seat, move);
  if (error) return { ok: false, error };
  switch (move.type) {
    case 'play':
      return applyPlay(state, seat, move.card);
    case 'pass':
      return applyPass(state, seat, move.cards);
    case 'continue':
      return applyContinue(state, seat);
    default: {
      const never: never = move;
      return never;
    }
  }
}

function applyPass(state: HeartsState, seat: Seat, cards: readonly Card[]): ApplyResult<HeartsState, HeartsEvent> {
  const given = ascendingThree(cards);
  const hands = replaceAt(state.hands, seat, withoutAll(state.hands[seat]!, given));
  const passed = replaceAt(state.passed, seat, given);
  const events: HeartsEvent[] = [{ type: 'passed', seat }];
  if (passed[0]!.length === 0 || passed[1]!.length === 0 || passed[2]!.length === 0 || passed[3]!.length === 0) {
    const after = copyState(state);
    after.hands = hands;
    after.passed = passed;
    return { ok: true, state: after, events };
  }
  // [H-04] Nobody receives until all four have passed; then every pass lands at once.
  const direction = passDirectionOf(state.handNumber);
  const received: (readonly Card[])[] = noCards();
  for (let s = 0; s < SEATS; s++) received[passTarget(s, direction)] = passed[s]!;
  const finalHands: Card[][] = [];
  for (let s = 0; s < SEATS; s++) finalHands.push(mergeSorted(hands[s]!, received[s]!));
  const leader = holderOf(finalHands, TWO_OF_CLUBS);
  events.push({ type: 'passesExchanged', passDirection: direction });
  const after = copyState(state);
  after.phase = HeartsPhase.Playing;
  after.hands = finalHands;
  after.passed = passed;
  after.received = received;
  after.leader = leader;
  after.turn = leader;
  return { ok: true, state: after, events };
}

function trickWinner(trick: readonly Card[], leader: Seat): Seat {
  const led = suitCode(trick[leader]!);
  let best = leader;
  for (let s = 0; s < SEATS; s++) {
    const card = trick[s]!;
    if (suitCode(card) === led && card > trick[best]!) best = s;
  }
  return best;
}

function applyPlay(state: HeartsState, seat: Seat, card: Card): ApplyResult<HeartsState, HeartsEvent> {
  const events: HeartsEvent[] = [{ type: 'played', seat, card }];
  const hands = replaceAt(state.hands, seat, without(state.hands[seat]!, card));
  const trick = replaceAt(state.trick, seat, card);
  let heartsBroken = state.heartsBroken;
  if (!heartsBroken && isPointCard(card)) {
    // [H-08] A heart or the queen of spades played to any trick breaks hearts.
    heartsBroken = true;
    events.push({ type: 'heartsBroken', seat, card });
  }
  let voids = state.voids;
  const lead = state.trick[state.leader]!;
  if (lead >= 0 && suitCode(card) !== suitCode(lead)) {
    // [H-13] Not following suit shows the seat void in the led suit.
    voids = replaceAt(voids, seat, voids[seat]! | (1 << suitCode(lead)));
  }
  const next = (seat + 1) % SEATS;
  if (next !== state.leader) {
    const after = copyState(state);
    after.hands = hands;
    after.trick = trick;
    after.turn = next;
    after.heartsBroken = heartsBroken;
    after.voids = voids;
    return { ok: true, state: after, events };
  }
  // [H-09] The trick is complete: the highest card of the led suit takes it and leads next.
  const winner = trickWinner(trick, state.leader);
  const wonBy = state.wonBy.slice();
  let points = 0;
  for (let s = 0; s < SEATS; s++) {
    wonBy[trick[s]!] = winner;
    points += cardPoints(trick[s]!, state.options.jackOfDiamonds);
  }
  events.push({ type: 'trickWon', seat: winner, points });
  const handPoints = replaceAt(state.handPoints, winner, state.handPoints[winner]! + points);
  const tricksWon = replaceAt(state.tricksWon, winner, state.tricksWon[winner]! + 1);
  const tricksPlayed = state.tricksPlayed + 1;
  const after = copyState(state);
  after.hands = hands;
  after.trick = emptyTrick();
  after.lastTrick = trick;
  after.lastTrickWinner = winner;
  after.leader = winner;
  after.turn = winner;
  after.tricksPlayed = tricksPlayed;
  after.heartsBroken = heartsBroken;
  after.voids = voids;
  after.wonBy = wonBy;
  after.handPoints = handPoints;
  after.tricksWon = tricksWon;
  if (tricksPlayed < HAND_SIZE) return { ok: true, state: after, events };
  return { ok: true, state: scoreHand(after, events), events };
}

function scoreHand(state: HeartsState, events: HeartsEvent[]): HeartsState {
  const { points, moonShooter } = handScore(state.wonBy, state.options);
  const scores = state.scores.map((score, s) => score + points[s]!);
  events.push({ type: 'handScored', points, moonShooter });
  const after = copyState(state);
  after.phase = HeartsPhase.HandOver;
  after.scores = scores;
  after.lastHandPoints = points;
  after.moonShooter = moonShooter;
  after.continued = [false, false, false, false];
  return after;
}

function applyContinue(state: HeartsState, seat: Seat): ApplyResult<HeartsState, HeartsEvent> {
  const continued = replaceAt(state.continued, seat, true);
  const events: HeartsEvent[] = [{ type: 'continued', seat }];
  const waiting = continued.some((c) => !c);
  if (waiting || isGameEnding(state)) {
    const after = copyState(state);
    after.continued = continued;
    if (!waiting) {
      after.phase = HeartsPhase.GameOver;
      events.push({ type: 'gameOver', winners: outcomeOf(state.scores).winners });
    }
    return { ok: true, state: after, events };
  }
  const rng = Rng.fromState(state.rng);
  const dealt = dealHand(state, rng, state.handNumber + 1);
  events.push({ type: 'handDealt', handNumber: dealt.handNumber, passDirection: passDirectionOf(dealt.handNumber) });
  return { ok: true, state: dealt, events };
}
