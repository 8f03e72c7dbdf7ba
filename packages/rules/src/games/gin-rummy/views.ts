/**
 * What each seat may know of a Gin Rummy table (G-20 to G-22), the events read
 * back from the public views, the audit, and sampling a full state from a view.
 */
import { DECK_SIZE, fullDeck, isCard } from '../../cards';
import type { Card } from '../../cards';
import type { Seat } from '../../game';
import type { Rng } from '../../rng';
import { cardValue, isMeld, minDeadwood } from './melds';
import { DEAD_STOCK, HAND_SIZE, actorsOf, isGameEnding, winnersOf } from './rules';
import { GinRummyPhase, HandResult, flattenMelds, unflattenMelds } from './state';
import type { GinRummyEvent, GinRummyPrivate, GinRummyPublic, GinRummyState, GinRummyView } from './state';

function isSeat(seat: Seat | null): seat is Seat {
  return seat === 0 || seat === 1;
}

/** [G-22] The knocker's hand is public from the knock on; both hands at a showdown. */
function revealed(phase: GinRummyPhase, knocker: Seat, result: HandResult): { knocker: boolean; defender: boolean } {
  const after = phase === GinRummyPhase.HandOver || phase === GinRummyPhase.GameOver;
  const knocked = knocker >= 0 && (phase === GinRummyPhase.Layoff || (after && result !== HandResult.Dead));
  return { knocker: knocked, defender: knocked && after };
}

export function viewOf(state: GinRummyState, seat: Seat | null): GinRummyView {
  const knocker = flattenMelds(state.knockerMelds);
  const defender = flattenMelds(state.defenderMelds);
  const pub: GinRummyPublic = {
    phase: state.phase,
    active: actorsOf(state.phase, state.turn, state.knocker, state.continued),
    turn: state.turn,
    dealer: state.dealer,
    handNumber: state.handNumber,
    target: state.target,
    oklahoma: state.oklahoma,
    upcard: state.upcard,
    knockLimit: state.knockLimit,
    multiplier: state.multiplier,
    discard: state.discard.slice(),
    stockCount: state.stock.length,
    handCounts: state.hands.map((hand) => hand.length),
    taken: state.taken.slice(),
    takenBy: state.takenBy.slice(),
    lastTaken: state.lastTaken,
    knocker: state.knocker,
    knockerMelds: knocker.cards,
    knockerMeldSizes: knocker.sizes,
    knockerDeadwood: state.knockerDeadwood.slice(),
    layoffs: state.layoffs.slice(),
    layoffMelds: state.layoffMelds.slice(),
    defenderMelds: defender.cards,
    defenderMeldSizes: defender.sizes,
    defenderDeadwood: state.defenderDeadwood.slice(),
    result: state.result,
    points: state.points.slice(),
    handsWon: state.handsWon.slice(),
    scores: state.scores.slice(),
    lastHandPoints: state.lastHandPoints.slice(),
    lastHandWinner: state.lastHandWinner,
    continued: state.continued.slice(),
    winners: state.phase === GinRummyPhase.GameOver ? winnersOf(state.scores) : [],
    gameEnding: state.phase === GinRummyPhase.HandOver && isGameEnding(state),
  };
  return { seat, public: pub, private: privateOf(state, seat) };
}

export function privateOf(state: GinRummyState, seat: Seat | null): GinRummyPrivate | null {
  return isSeat(seat) ? { hand: state.hands[seat]!.slice() } : null;
}

function top(discard: readonly number[]): Card {
  return discard[discard.length - 1] ?? -1;
}

/** Every event of a move, from the public views just before and after it. */
export function eventsBetweenViews(before: GinRummyPublic, after: GinRummyPublic, seat: Seat): GinRummyEvent[] {
  const scored = (): GinRummyEvent => ({
    type: 'handScored',
    result: after.result,
    points: after.lastHandPoints.slice(),
    winner: after.lastHandWinner,
  });
  switch (before.phase) {
    case GinRummyPhase.Draw: {
      const fromStock = after.stockCount < before.stockCount;
      return [{ type: 'drew', seat, from: fromStock ? 'stock' : 'discard', card: fromStock ? -1 : top(before.discard) }];
    }
    case GinRummyPhase.Discard: {
      if (after.phase === GinRummyPhase.Draw) return [{ type: 'discarded', seat, card: top(after.discard) }];
      if (after.phase === GinRummyPhase.Layoff) {
        return [{ type: 'knocked', seat, card: top(after.discard), deadwood: after.knockerDeadwood.reduce((sum, c) => sum + cardValue(c), 0) }];
      }
      if (after.result === HandResult.Dead) return [{ type: 'discarded', seat, card: top(after.discard) }, scored()];
      const big = after.result === HandResult.BigGin;
      return [{ type: 'ginned', seat, card: big ? -1 : top(after.discard), big }, scored()];
    }
    case GinRummyPhase.Layoff:
      if (after.phase === GinRummyPhase.Layoff) {
        return [{ type: 'laidOff', seat, card: after.layoffs.at(-1)!, meld: after.layoffMelds.at(-1)! }];
      }
      return [scored()];
    case GinRummyPhase.HandOver: {
      const events: GinRummyEvent[] = [{ type: 'continued', seat }];
      if (after.phase === GinRummyPhase.GameOver) events.push({ type: 'gameOver', winners: after.winners.slice() });
      else if (after.handNumber !== before.handNumber) {
        events.push({ type: 'handDealt', handNumber: after.handNumber, dealer: after.dealer, upcard: after.upcard });
      }
      return events;
    }
    case GinRummyPhase.GameOver:
      return [];
    default: {
      const unreachable: never = before.phase;
      return unreachable;
    }
  }
}

// ---------------------------------------------------------------------------
// Audit

export function invariantsOf(state: GinRummyState): string[] {
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
  count(state.layoffs, 'layoffs');
  where.forEach((n, card) => {
    if (n !== 1) problems.push(`card ${card} is in ${n} places`);
  });
  state.hands.forEach((hand, s) => {
    for (let i = 1; i < hand.length; i++) if (hand[i - 1]! >= hand[i]!) problems.push(`hand ${s} is not sorted`);
  });
  // [G-21] Every card listed as taken is in its taker's hand.
  state.taken.forEach((card, i) => {
    if (!state.hands[state.takenBy[i]!]?.includes(card)) problems.push(`taken card ${card} is not in seat ${state.takenBy[i]}'s hand`);
  });
  const playing = state.phase === GinRummyPhase.Draw || state.phase === GinRummyPhase.Discard;
  if (playing) {
    const expected = state.hands.map((_, s) => (state.phase === GinRummyPhase.Discard && s === state.turn ? HAND_SIZE + 1 : HAND_SIZE));
    if (state.hands.some((hand, s) => hand.length !== expected[s])) problems.push('hand sizes do not match the phase');
    if (state.stock.length < DEAD_STOCK) problems.push('play went on past the dead-hand stock');
  }
  if (state.lastTaken >= 0 && (state.phase !== GinRummyPhase.Discard || !state.hands[state.turn]!.includes(state.lastTaken))) {
    problems.push('the card just taken is not in the hand of the seat to discard');
  }
  if (state.knocker >= 0 && state.phase !== GinRummyPhase.Draw && state.phase !== GinRummyPhase.Discard) {
    if (state.knockerMelds.some((meld) => !isMeld(meld))) problems.push('a knocker meld is not a meld');
    const dead = state.knockerDeadwood.reduce((sum, card) => sum + cardValue(card), 0);
    if (dead !== minDeadwood(state.hands[state.knocker]!)) problems.push('the knocker deadwood is not the least possible');
    if (dead > state.knockLimit) problems.push('the knocker knocked above the limit');
  }
  const handTotal = state.lastHandPoints.reduce((a, b) => a + b, 0);
  if (state.lastHandWinner === -1 ? handTotal !== 0 : state.lastHandPoints[state.lastHandWinner] !== handTotal) {
    problems.push('last hand points do not match its winner');
  }
  const wonPoints = state.points.reduce((a, b) => a + b, 0);
  if (state.points.some((p) => !Number.isInteger(p) || p < 0) || (wonPoints > 0) !== state.handsWon.some((n) => n > 0)) {
    problems.push('points and hands won disagree');
  }
  const over = isGameEnding(state);
  if (state.phase === GinRummyPhase.GameOver && !over) problems.push('game over before any score reached the target');
  if (over && playing) problems.push('play went on after the target was reached');
  return problems;
}

/** [G-20]-[G-22] The cards whose place `seat` may know. */
export function knownCardsOf(state: GinRummyState, seat: Seat | null): ReadonlySet<Card> {
  const known = new Set<Card>(state.discard);
  known.add(state.upcard);
  for (const card of state.taken) known.add(card);
  for (const card of state.layoffs) known.add(card);
  if (isSeat(seat)) for (const card of state.hands[seat]!) known.add(card);
  const shown = revealed(state.phase, state.knocker, state.result);
  if (shown.knocker) for (const card of state.hands[state.knocker]!) known.add(card);
  if (shown.defender) for (const card of state.hands[1 - state.knocker]!) known.add(card);
  return known;
}

export function cardsInViewOf(view: GinRummyView): Card[] {
  const pub = view.public;
  const cards: Card[] = [
    ...pub.discard, ...pub.taken, ...pub.knockerMelds, ...pub.knockerDeadwood, ...pub.layoffs,
    ...pub.defenderMelds, ...pub.defenderDeadwood,
  ];
  if (pub.upcard >= 0) cards.push(pub.upcard);
  if (pub.lastTaken >= 0) cards.push(pub.lastTaken);
  if (view.private) cards.push(...view.private.hand);
  return cards;
}

// ---------------------------------------------------------------------------
// Determinize

/**
 * [G-21] A full state consistent with what `seat` knows: its own hand, the
 * discard pile, the cards the other seat took from the pile (still in its
 * hand), and any hand on show. Only the rest is dealt at random.
 */
export function determinizeView(view: GinRummyView, seat: Seat, rng: Rng): GinRummyState {
  const pub = view.public;
  const own = view.private?.hand ?? [];
  const other = 1 - seat;
  const shown = revealed(pub.phase, pub.knocker, pub.result);
  const knownOther = new Set<Card>();
  pub.taken.forEach((card, i) => {
    if (pub.takenBy[i] === other) knownOther.add(card);
  });
  const layoffs = new Set(pub.layoffs);
  if ((shown.knocker && pub.knocker === other) || (shown.defender && pub.knocker === seat)) {
    const melds = pub.knocker === other ? pub.knockerMelds.filter((card) => !layoffs.has(card)) : pub.defenderMelds;
    const deadwood = pub.knocker === other ? pub.knockerDeadwood : pub.defenderDeadwood;
    for (const card of [...melds, ...deadwood]) knownOther.add(card);
  }
  const seen = new Set<Card>([...own, ...pub.discard, ...pub.layoffs, ...knownOther]);
  const unknown = rng.shuffle(fullDeck().filter((card) => !seen.has(card)));
  const otherCount = pub.handCounts[other]!;
  const fill = otherCount - knownOther.size;
  const otherHand = [...knownOther, ...unknown.slice(0, fill)].sort((a, b) => a - b);
  const hands = seat === 0 ? [own.slice(), otherHand] : [otherHand, own.slice()];
  return {
    target: pub.target,
    oklahoma: pub.oklahoma,
    phase: pub.phase,
    hands,
    stock: unknown.slice(fill, fill + pub.stockCount),
    discard: pub.discard.slice(),
    taken: pub.taken.slice(),
    takenBy: pub.takenBy.slice(),
    lastTaken: pub.lastTaken,
    turn: pub.turn,
    dealer: pub.dealer,
    upcard: pub.upcard,
    knockLimit: pub.knockLimit,
    multiplier: pub.multiplier,
    knocker: pub.knocker,
    knockerMelds: unflattenMelds(pub.knockerMelds, pub.knockerMeldSizes),
    knockerDeadwood: pub.knockerDeadwood.slice(),
    layoffs: pub.layoffs.slice(),
    layoffMelds: pub.layoffMelds.slice(),
    defenderMelds: unflattenMelds(pub.defenderMelds, pub.defenderMeldSizes),
    defenderDeadwood: pub.defenderDeadwood.slice(),
    result: pub.result,
    points: pub.points.slice(),
    handsWon: pub.handsWon.slice(),
    scores: pub.scores.slice(),
    handNumber: pub.handNumber,
    lastHandPoints: pub.lastHandPoints.slice(),
    lastHandWinner: pub.lastHandWinner,
    continued: pub.continued.slice(),
    rng: rng.state(),
  };
}
