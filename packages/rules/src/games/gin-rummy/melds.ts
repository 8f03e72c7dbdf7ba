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
  if (meld.length < 3 || meld.includes(card)) return false;
  const first = meld[0]!;
  if (first % 13 === meld[1]! % 13) return meld.length < 4 && card % 13 === first % 13 && isSet(meld);
  if (suitIndex(card) !== suitIndex(first) || !isRun(meld)) return false;
  let low = 13;
  let high = -1;
  for (const other of meld) {
    low = Math.min(low, runOrder(other));
    high = Math.max(high, runOrder(other));
  }
  const order = runOrder(card);
  return order === low - 1 || order === high + 1;
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
/** Enough for any hand of MAX_HAND cards: at most 5 melds per set rank and a few runs per card. */
const MAX_MELDS = 256;
const meldMasks = new Int32Array(MAX_MELDS);
const meldValues = new Int32Array(MAX_MELDS);
let meldCount = 0;
/** For each hand position, the indexes (into meldMasks) of the melds that contain it. */
const meldsByCard = new Int32Array(MAX_HAND * MAX_MELDS);
const meldsByCardCount = new Int32Array(MAX_HAND);
const cardValues = new Int32Array(MAX_HAND);
/** Hand position of each card, by suit * 13 + run order; -1 when absent. Reset after each use. */
const byRunSlot = new Int32Array(52).fill(-1);
const rankCounts = new Int32Array(13);

let bestMelded = 0;
let bestChoice: number[] = [];
const stack: number[] = [];
let handSize = 0;
let totalValue = 0;

function addMeld(mask: number): void {
  const index = meldCount++;
  meldMasks[index] = mask;
  let value = 0;
  for (let i = 0; i < handSize; i++) {
    if (mask & (1 << i)) {
      value += cardValues[i]!;
      meldsByCard[i * MAX_MELDS + meldsByCardCount[i]!] = index;
      meldsByCardCount[i]!++;
    }
  }
  meldValues[index] = value;
}

/** Lists every meld the hand contains: every set of three or four, and every sub-run of three or more. */
function collectMelds(hand: readonly Card[]): void {
  handSize = hand.length;
  if (handSize > MAX_HAND) throw new RangeError(`A gin rummy hand holds at most ${MAX_HAND} cards`);
  meldCount = 0;
  totalValue = 0;
  rankCounts.fill(0);
  for (let i = 0; i < handSize; i++) {
    meldsByCardCount[i] = 0;
    const card = hand[i]!;
    cardValues[i] = cardValue(card);
    totalValue += cardValues[i]!;
    byRunSlot[suitIndex(card) * 13 + runOrder(card)] = i;
    rankCounts[card % 13]!++;
  }
  // Sets: all four, and each three of them.
  for (let rank = 0; rank < 13; rank++) {
    if (rankCounts[rank]! < 3) continue;
    const order = rank === ACE_INDEX ? 0 : rank + 1;
    let mask = 0;
    for (let suit = 0; suit < 4; suit++) {
      const position = byRunSlot[suit * 13 + order]!;
      if (position >= 0) mask |= 1 << position;
    }
    addMeld(mask);
    if (rankCounts[rank] === 4) for (let i = 0; i < handSize; i++) if (mask & (1 << i)) addMeld(mask & ~(1 << i));
  }
  // Runs: every stretch of three or more consecutive cards of a suit, from each card up.
  for (let i = 0; i < handSize; i++) {
    const card = hand[i]!;
    const base = suitIndex(card) * 13;
    let mask = 1 << i;
    for (let order = runOrder(card) + 1, length = 2; order < 13; order++, length++) {
      const position = byRunSlot[base + order]!;
      if (position < 0) break;
      mask |= 1 << position;
      if (length >= 3) addMeld(mask);
    }
  }
  for (let i = 0; i < handSize; i++) byRunSlot[suitIndex(hand[i]!) * 13 + runOrder(hand[i]!)] = -1;
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
  const count = meldsByCardCount[position]!;
  for (let k = 0; k < count; k++) {
    const index = meldsByCard[position * MAX_MELDS + k]!;
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
  if (meldCount > 0) search(0, 0, totalValue);
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

/** A hand's least deadwood, and what discarding each card would leave. */
export interface DiscardOutlook {
  readonly whole: number;
  /** By hand position: the least deadwood without that card (see `deadwoodAfterDiscards`). */
  readonly after: readonly number[];
  /** By hand position: the card is in a meld of the best arrangement found. */
  readonly melded: readonly boolean[];
}

/**
 * The least deadwood left by discarding each card of `hand`, by hand position,
 * exactly where it is at most `limit` (a value above `limit` may be a lower
 * bound). One search serves every card that is deadwood in a best arrangement:
 * dropping it leaves exactly the rest of that deadwood, since no arrangement of
 * the other cards can do better (it would improve the whole hand too). Only a
 * melded card that might leave `limit` or less is searched again.
 */
export function deadwoodAfterDiscards(hand: readonly Card[], limit = Infinity): DiscardOutlook {
  // The rules list a seat's moves and its bot then weighs the same hand: the
  // last answer is kept (an exact one, computed without a limit, serves any limit).
  if (lastOutlook !== null && (lastLimit === Infinity || lastLimit === limit) && sameCards(lastHand, hand)) return lastOutlook;
  const outlook = computeOutlook(hand, limit);
  lastHand = hand.slice();
  lastLimit = limit;
  lastOutlook = outlook;
  return outlook;
}

let lastHand: readonly Card[] = [];
let lastLimit = 0;
let lastOutlook: DiscardOutlook | null = null;

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function computeOutlook(hand: readonly Card[], limit: number): DiscardOutlook {
  runSearch(hand);
  const whole = totalValue - bestMelded;
  let melded = 0;
  for (const index of bestChoice) melded |= meldMasks[index]!;
  const result: number[] = [];
  for (let i = 0; i < hand.length; i++) result.push(whole - cardValues[i]!);
  const rest: Card[] = [];
  for (let i = 0; i < hand.length; i++) {
    if (!(melded & (1 << i)) || result[i]! > limit) continue;
    rest.length = 0;
    for (let j = 0; j < hand.length; j++) if (j !== i) rest.push(hand[j]!);
    result[i] = minDeadwood(rest);
  }
  const inMeld: boolean[] = [];
  for (let i = 0; i < hand.length; i++) inMeld.push((melded & (1 << i)) !== 0);
  return { whole, after: result, melded: inMeld };
}

/**
 * [G-08] The least deadwood after discarding one card other than `keep`
 * (the card just taken from the discard pile; -1 for none), and that card.
 */
export function bestDiscard(hand: readonly Card[], keep: Card): { card: Card; deadwood: number } {
  let best: { card: Card; deadwood: number } = { card: -1, deadwood: Infinity };
  const { after } = deadwoodAfterDiscards(hand);
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    if (card === keep) continue;
    const deadwood = after[i]!;
    if (deadwood < best.deadwood || (deadwood === best.deadwood && cardValue(card) > cardValue(best.card))) best = { card, deadwood };
  }
  return best;
}
