/**
 * What each seat may know of a Crazy Eights table, the events read back from
 * the public views (C8-14), the audit, and sampling a full state from a view
 * (C8-15).
 */
import { DECK_SIZE, fullDeck, isCard, rankOf, suitOf } from '../../cards';
import type { Card, Suit } from '../../cards';
import type { Seat } from '../../game';
import type { Rng } from '../../rng';
import { isSeatIndex, isSuit } from './rules';
import { isGameEnding, winnersOf } from './scoring';
import { CrazyEightsPhase, discardTop } from './state';
import type { CrazyEightsEvent, CrazyEightsPrivate, CrazyEightsPublic, CrazyEightsState, CrazyEightsView } from './state';

export function activeOf(state: CrazyEightsState): number[] {
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

export function viewOf(state: CrazyEightsState, seat: Seat | null): CrazyEightsView {
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

export function privateOf(state: CrazyEightsState, seat: Seat | null): CrazyEightsPrivate | null {
  return seat !== null && isSeatIndex(seat, state.seats) ? { hand: state.hands[seat]!.slice() } : null;
}

/**
 * [C8-14] A move's events read back from the public views around it: the
 * mover's hand count says whether it played (one fewer), drew (one more) or
 * passed, and the board shows the rest.
 */
export function eventsBetweenViews(before: CrazyEightsPublic, after: CrazyEightsPublic, seat: Seat): CrazyEightsEvent[] {
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

export function invariantsOf(state: CrazyEightsState): string[] {
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

export function knownCardsOf(state: CrazyEightsState, seat: Seat | null): ReadonlySet<Card> {
  const known = new Set<Card>(state.discard);
  if (seat !== null) for (const card of state.hands[seat] ?? []) known.add(card);
  return known;
}

export function cardsInViewOf(view: CrazyEightsView): Card[] {
  const pub = view.public;
  const cards: Card[] = [...pub.discard];
  if (view.private) cards.push(...view.private.hand);
  return cards;
}

/** [C8-15] Deals the cards this seat cannot see (other hands and the stock) at random. */
export function determinizeView(view: CrazyEightsView, seat: Seat, rng: Rng): CrazyEightsState {
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
