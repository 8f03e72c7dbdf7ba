/**
 * The Spades rules audit: a second, independent statement of where every card
 * is and who may know it, read from the state's own fields (never from
 * `view`), so a view that leaks a card is caught by comparing the two.
 */
import { DECK_SIZE, isCard } from '../../cards';
import type { Card } from '../../cards';
import type { GameAudit, Seat } from '../../game';
import { HAND_SIZE, SEATS, SpadesPhase } from './rules';
import type { SpadesState } from './rules';
import type { SpadesView } from './views';

function invariants(state: SpadesState): string[] {
  const problems: string[] = [];
  const where: string[][] = Array.from({ length: DECK_SIZE }, () => []);
  const put = (card: number, place: string): void => {
    if (!isCard(card)) problems.push(`${place} holds ${String(card)}, which is not a card`);
    else where[card]!.push(place);
  };
  for (let s = 0; s < SEATS; s++) {
    for (const card of state.hands[s] ?? []) put(card, `hand ${s}`);
    const card = state.trick[s];
    if (card !== undefined && card >= 0) put(card, 'trick');
  }
  for (let card = 0; card < DECK_SIZE; card++) if (state.wonBy[card]! >= 0) where[card]!.push(`won by ${state.wonBy[card]}`);
  for (let card = 0; card < DECK_SIZE; card++) {
    const places = where[card]!;
    if (places.length !== 1) problems.push(`card ${card} is in ${places.length === 0 ? 'no place' : places.join(' and ')}`);
  }
  const tricks = state.tricksWon.reduce((n, t) => n + t, 0);
  if (tricks !== state.tricksPlayed) problems.push(`tricksWon add to ${tricks}, not ${state.tricksPlayed}`);
  for (let s = 0; s < SEATS; s++) {
    const expected = HAND_SIZE - state.tricksPlayed - (state.trick[s]! >= 0 ? 1 : 0);
    if (state.hands[s]!.length !== expected) problems.push(`seat ${s} holds ${state.hands[s]!.length}, expected ${expected}`);
    const taken = state.wonBy.filter((owner) => owner === s).length;
    if (taken !== 4 * state.tricksWon[s]!) problems.push(`seat ${s} took ${state.tricksWon[s]} tricks but holds ${taken} won cards`);
    const bid = state.bids[s]!;
    // [S-04] Bids are made in turn from the dealer's left: every seat bid before play.
    if (state.phase !== SpadesPhase.Bidding && (bid < 0 || bid > HAND_SIZE)) problems.push(`seat ${s} plays with bid ${bid}`);
    if (state.blind[s] && bid !== 0) problems.push(`seat ${s} bid blind nil but its bid is ${bid}`);
    if (state.phase !== SpadesPhase.Bidding && !state.looked[s]) problems.push(`seat ${s} plays without seeing its cards`);
  }
  for (let side = 0; side < 2; side++) {
    if (state.bags[side]! < 0 || state.bags[side]! > 9) problems.push(`side ${side} carries ${state.bags[side]} bags`);
  }
  if (state.phase === SpadesPhase.Bidding && state.tricksPlayed !== 0) problems.push('bidding after tricks were played');
  return problems;
}

function cardsInView(view: SpadesView): Card[] {
  const cards: Card[] = [];
  const pub = view.public;
  for (const card of pub.trick) if (card >= 0) cards.push(card);
  for (const card of pub.lastTrick) if (card >= 0) cards.push(card);
  pub.wonBy.forEach((s, card) => {
    if (s >= 0) cards.push(card);
  });
  if (view.private) cards.push(...view.private.hand);
  return cards;
}

/** [S-14] Played cards for everyone; a seat's own hand once it has looked at it. */
function knownCards(state: SpadesState, seat: Seat | null): ReadonlySet<Card> {
  const known = new Set<Card>();
  for (const card of state.trick) if (card >= 0) known.add(card);
  for (const card of state.lastTrick) if (card >= 0) known.add(card);
  for (let card = 0; card < DECK_SIZE; card++) if (state.wonBy[card]! >= 0) known.add(card);
  if (seat !== null && seat >= 0 && seat < SEATS && state.looked[seat]) for (const card of state.hands[seat]!) known.add(card);
  return known;
}

export const spadesAudit: GameAudit<SpadesState, SpadesView> = { invariants, cardsInView, knownCards };
