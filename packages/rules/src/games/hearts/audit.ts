/**
 * The Hearts rules audit: a second, independent statement of where every card
 * is and who may know it, read from the state's own fields (never from `view`),
 * so a view that leaks a card is caught by comparing the two.
 */
import { DECK_SIZE, isCard } from '../../cards';
import type { Card } from '../../cards';
import type { GameAudit, Seat } from '../../game';
import { HAND_SIZE, HeartsPhase, SEATS, cardPoints } from './state';
import type { HeartsState } from './state';
import type { HeartsView } from './views';

function invariants(state: HeartsState): string[] {
  const problems: string[] = [];
  const where = new Array<string[]>(DECK_SIZE);
  for (let card = 0; card < DECK_SIZE; card++) where[card] = [];
  const put = (card: number, place: string): void => {
    if (!isCard(card)) problems.push(`${place} holds ${String(card)}, which is not a card`);
    else where[card]!.push(place);
  };
  const pendingPass = state.phase === HeartsPhase.Passing;
  for (let s = 0; s < SEATS; s++) {
    for (const card of state.hands[s] ?? []) put(card, `hand ${s}`);
    if (pendingPass) for (const card of state.passed[s] ?? []) put(card, `pass of ${s}`);
    const passedCount = state.passed[s]?.length ?? -1;
    if (passedCount !== 0 && passedCount !== 3) problems.push(`seat ${s} passed ${passedCount} cards`);
    const card = state.trick[s];
    if (card !== undefined && card >= 0) put(card, 'trick');
  }
  for (let card = 0; card < DECK_SIZE; card++) {
    const s = state.wonBy[card]!;
    if (s >= 0) where[card]!.push(`won by ${s}`);
  }
  for (let card = 0; card < DECK_SIZE; card++) {
    const places = where[card]!;
    if (places.length !== 1) problems.push(`card ${card} is in ${places.length === 0 ? 'no place' : places.join(' and ')}`);
  }
  const inTrick = state.trick.filter((c) => c >= 0).length;
  const played = state.tricksPlayed * SEATS + inTrick;
  if (state.phase === HeartsPhase.Playing || state.phase === HeartsPhase.HandOver) {
    const handTotal = state.hands.reduce((n, h) => n + h.length, 0);
    if (handTotal + played !== DECK_SIZE) problems.push(`hands hold ${handTotal} cards after ${played} plays`);
    const tricks = state.tricksWon.reduce((n, t) => n + t, 0);
    if (tricks !== state.tricksPlayed) problems.push(`tricksWon add to ${tricks}, not ${state.tricksPlayed}`);
    for (let s = 0; s < SEATS; s++) {
      // Seats play in turn from the leader, so hand sizes differ by at most one.
      const expected = HAND_SIZE - state.tricksPlayed - (state.trick[s]! >= 0 ? 1 : 0);
      if (state.hands[s]!.length !== expected) problems.push(`seat ${s} holds ${state.hands[s]!.length}, expected ${expected}`);
    }
  }
  const points = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    const s = state.wonBy[card]!;
    if (s >= 0) points[s]! += cardPoints(card, state.options.jackOfDiamonds);
  }
  if (state.phase === HeartsPhase.Playing) {
    for (let s = 0; s < SEATS; s++) {
      if (points[s] !== state.handPoints[s]) problems.push(`seat ${s} took ${state.handPoints[s]} points, cards say ${points[s]}`);
    }
  }
  if (state.phase === HeartsPhase.HandOver) {
    const sum = state.lastHandPoints.reduce((n, p) => n + p, 0);
    const jack = state.options.jackOfDiamonds ? -10 : 0;
    const allowed = state.moonShooter >= 0 ? [78 + jack, -26 + jack] : [26 + jack];
    if (!allowed.includes(sum)) problems.push(`the hand's points add to ${sum}`);
  }
  return problems;
}

function cardsInView(view: HeartsView): Card[] {
  const cards: Card[] = [];
  const pub = view.public;
  for (const card of pub.trick) if (card >= 0) cards.push(card);
  for (const card of pub.lastTrick) if (card >= 0) cards.push(card);
  pub.wonBy.forEach((s, card) => {
    if (s >= 0) cards.push(card);
  });
  if (view.private) cards.push(...view.private.hand, ...view.private.passed, ...view.private.received);
  return cards;
}

function knownCards(state: HeartsState, seat: Seat | null): ReadonlySet<Card> {
  const known = new Set<Card>();
  for (const card of state.trick) if (card >= 0) known.add(card);
  for (const card of state.lastTrick) if (card >= 0) known.add(card);
  for (let card = 0; card < DECK_SIZE; card++) if (state.wonBy[card]! >= 0) known.add(card);
  if (seat !== null && seat >= 0 && seat < SEATS) {
    for (const card of state.hands[seat]!) known.add(card);
    for (const card of state.passed[seat]!) known.add(card);
    for (const card of state.received[seat]!) known.add(card);
  }
  return known;
}

export const heartsAudit: GameAudit<HeartsState, HeartsView> = { invariants, cardsInView, knownCards };
