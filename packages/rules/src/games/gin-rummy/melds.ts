/**
 * Melds and deadwood (rules G-03 to G-05): runs of three or more cards of one
 * suit in sequence (ace low), sets of three or four cards of one rank, each
 * card in at most one meld. The best arrangement of a hand is the one with the
 * least deadwood, found exactly by a search over the melds the hand contains.
 */
import type { Card } from '../../cards';

/** Rank index 0-12 of a card code: 2..K, then the ace (12). */
const ACE_INDEX = 12;

/** [G-03] Deadwood value: ace 1, 2-10 their face value, J/Q/K 10. */
export function cardValue(card: Card): number {
  const index = card % 13;
  if (index === ACE_INDEX) return 1;
  return index >= 9 ? 10 : index + 2;
}

/** [G-04] Position in a run: the ace is low (A-2-3), so Q-K-A is no run. */
export function runOrder(card: Card): number {
  const index = card % 13;
  return index === ACE_INDEX ? 0 : index + 1;
}

function suitIndex(card: Card): number {
  return (card / 13) | 0;
}

export function deadwoodValue(cards: readonly Card[]): number {
  let total = 0;
  for (let i = 0; i < cards.length; i++) total += cardValue(cards[i]!);
  return total;
}

/** A hand laid out in melds, with what is left over. */
export interface Arrangement {
  /** Each meld sorted: runs low to high, sets by suit. */
  readonly melds: readonly (readonly Card[])[];
  /** Cards in no meld, in hand order. */
  readonly deadwood: readonly Card[];
  readonly deadwoodValue: number;
}

/** A set of three or four cards of one rank. */
export function isSet(cards: readonly Card[]): boolean {
  if (cards.length < 3 || cards.length > 4) return false;
  const rank = cards[0]! % 13;
  const seen = new Set<Card>();
  for (const card of cards) {
    if (card % 13 !== rank || seen.has(card)) return false;
    seen.add(card);
  }
  return true;
}

/** A run of three or more cards of one suit in sequence, ace low. */
export function isRun(cards: readonly Card[]): boolean {
  if (cards.length < 3) return false;
  const suit = suitIndex(cards[0]!);
  const orders = cards.map(runOrder).sort((a, b) => a - b);
  if (cards.some((card) => suitIndex(card) !== suit)) return false;
  for (let i = 1; i < orders.length; i++) if (orders[i] !== orders[i - 1]! + 1) return false;
  return true;
}

export function isMeld(cards: readonly Card[]): boolean {
  return isSet(cards) || isRun(cards);
}

/** [G-13] A card can be laid off on a meld when the meld with it is still a meld. */
export function fitsMeld(card: Card, meld: readonly Card[]): boolean {
  if (meld.includes(card)) return false;
  return isMeld([...meld, card]);
}

/** A meld in display order: a run low to high, a set by suit. */
export function sortMeld(cards: readonly Card[]): Card[] {
  return isRun(cards) ? cards.slice().sort((a, b) => runOrder(a) - runOrder(b)) : cards.slice().sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// The search. Hands hold at most 11 cards, so a meld is a bitmask of hand
// positions. Scratch arrays are reused: the bots call this thousands of times
// per decision, and allocating per call was most of its cost.

const MAX_HAND = 16;
const meldMasks: number[] = [];
const meldValues: number[] = [];
/** For each hand position, the indexes (into meldMasks) of the melds that contain it. */
const meldsByCard: number[][] = Array.from({ length: MAX_HAND }, () => []);
const cardValues = new Int32Array(MAX_HAND);
const byRunSlot = new Int32Array(52);

let bestMelded = 0;
let bestChoice: number[] = [];
const stack: number[] = [];
let handSize = 0;
let totalValue = 0;

function maskValue(mask: number): number {
  let value = 0;
  for (let i = 0; i < handSize; i++) if (mask & (1 << i)) value += cardValues[i]!;
  return value;
}

function addMeld(mask: number): void {
  const index = meldMasks.length;
  meldMasks.push(mask);
  meldValues.push(maskValue(mask));
  for (let i = 0; i < handSize; i++) if (mask & (1 << i)) meldsByCard[i]!.push(index);
}

/** Lists every meld the hand contains: every set of three or four, and every sub-run of three or more. */
function collectMelds(hand: readonly Card[]): void {
  handSize = hand.length;
  if (handSize > MAX_HAND) throw new RangeError(`A gin rummy hand holds at most ${MAX_HAND} cards`);
  meldMasks.length = 0;
  meldValues.length = 0;
  totalValue = 0;
  byRunSlot.fill(-1);
  for (let i = 0; i < handSize; i++) {
    meldsByCard[i]!.length = 0;
    const card = hand[i]!;
    cardValues[i] = cardValue(card);
    totalValue += cardValues[i]!;
    byRunSlot[suitIndex(card) * 13 + runOrder(card)] = i;
  }
  // Sets: all four, and each three of them.
  for (let rank = 0; rank < 13; rank++) {
    let mask = 0;
    let count = 0;
    for (let suit = 0; suit < 4; suit++) {
      const position = byRunSlot[suit * 13 + (rank === ACE_INDEX ? 0 : rank + 1)]!;
      if (position >= 0) {
        mask |= 1 << position;
        count++;
      }
    }
    if (count < 3) continue;
    addMeld(mask);
    if (count === 4) for (let i = 0; i < handSize; i++) if (mask & (1 << i)) addMeld(mask & ~(1 << i));
  }
  // Runs: every stretch of three or more consecutive cards of a suit.
  for (let suit = 0; suit < 4; suit++) {
    for (let start = 0; start <= 10; start++) {
      let mask = 0;
      for (let order = start; order < 13; order++) {
        const position = byRunSlot[suit * 13 + order]!;
        if (position < 0) break;
        mask |= 1 << position;
        if (order - start >= 2) addMeld(mask);
      }
    }
  }
}

/**
 * Depth first over hand positions: the lowest undecided card is either
 * deadwood or in one of the melds that contain it and no decided card. The
 * bound (everything still undecided melded) prunes most of the tree.
 */
function search(decided: number, melded: number, undecidedValue: number): void {
  if (melded > bestMelded) {
    bestMelded = melded;
    bestChoice = stack.slice();
  }
  if (melded + undecidedValue <= bestMelded) return;
  let position = 0;
  while (position < handSize && decided & (1 << position)) position++;
  if (position === handSize) return;
  const candidates = meldsByCard[position]!;
  for (let k = 0; k < candidates.length; k++) {
    const index = candidates[k]!;
    const mask = meldMasks[index]!;
    if (mask & decided) continue;
    stack.push(index);
    search(decided | mask, melded + meldValues[index]!, undecidedValue - meldValues[index]!);
    stack.pop();
  }
  search(decided | (1 << position), melded, undecidedValue - cardValues[position]!);
}

function runSearch(hand: readonly Card[]): void {
  collectMelds(hand);
  bestMelded = 0;
  bestChoice = [];
  stack.length = 0;
  if (meldMasks.length > 0) search(0, 0, totalValue);
}

/** [G-05] The least deadwood any arrangement of `hand` leaves. */
export function minDeadwood(hand: readonly Card[]): number {
  runSearch(hand);
  return totalValue - bestMelded;
}

/** [G-05] An arrangement of `hand` with the least deadwood. Deterministic: the same hand gives the same melds. */
export function bestArrangement(hand: readonly Card[]): Arrangement {
  runSearch(hand);
  let used = 0;
  const melds: Card[][] = [];
  for (const index of bestChoice) {
    const mask = meldMasks[index]!;
    used |= mask;
    melds.push(sortMeld(hand.filter((_, i) => mask & (1 << i))));
  }
  melds.sort((a, b) => a[0]! - b[0]!);
  const deadwood = hand.filter((_, i) => !(used & (1 << i)));
  return { melds, deadwood, deadwoodValue: totalValue - bestMelded };
}

/**
 * [G-08] The least deadwood after discarding one card other than `keep`
 * (the card just taken from the discard pile; -1 for none), and that card.
 */
export function bestDiscard(hand: readonly Card[], keep: Card): { card: Card; deadwood: number } {
  let best: { card: Card; deadwood: number } = { card: -1, deadwood: Infinity };
  const rest: Card[] = [];
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    if (card === keep) continue;
    rest.length = 0;
    for (let j = 0; j < hand.length; j++) if (j !== i) rest.push(hand[j]!);
    const deadwood = minDeadwood(rest);
    if (deadwood < best.deadwood || (deadwood === best.deadwood && cardValue(card) > cardValue(best.card))) best = { card, deadwood };
  }
  return best;
}
