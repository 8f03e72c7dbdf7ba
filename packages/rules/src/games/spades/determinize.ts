/**
 * Samples a full Spades state consistent with one seat's view: its own hand
 * (when it has looked), every card played, shown voids and hand counts. The
 * unknown cards go to the seats by a bipartite matching over a shuffled order,
 * so voids that a greedy deal could paint into a corner still find a deal.
 */
import { DECK_SIZE } from '../../cards';
import type { Card } from '../../cards';
import type { Seat } from '../../game';
import type { Rng } from '../../rng';
import { matchCards } from '../../matchCards';
import { SEATS } from './rules';
import type { SpadesState } from './rules';
import { optionsOfView } from './views';
import type { SpadesView } from './views';

export function determinizeSpades(view: SpadesView, seat: Seat, rng: Rng): SpadesState {
  const pub = view.public;
  const ownHand = view.private?.hand ?? [];
  const placed = new Array<boolean>(DECK_SIZE).fill(false);
  for (let card = 0; card < DECK_SIZE; card++) if (pub.wonBy[card]! >= 0) placed[card] = true;
  for (const card of pub.trick) if (card >= 0) placed[card] = true;
  for (const card of ownHand) placed[card] = true;

  const hands: Card[][] = [[], [], [], []];
  hands[seat] = ownHand.slice();
  const slotSeat: Seat[] = [];
  for (let s = 0; s < SEATS; s++) for (let i = hands[s]!.length; i < pub.handCounts[s]!; i++) slotSeat.push(s);
  const unknown: Card[] = [];
  for (let card = 0; card < DECK_SIZE; card++) if (!placed[card]) unknown.push(card);
  rng.shuffle(unknown);
  rng.shuffle(slotSeat);
  if (pub.voids.every((mask) => mask === 0)) {
    // No void shown yet: any deal of the unknown cards fits, the shuffled order is one.
    for (let slot = 0; slot < slotSeat.length; slot++) hands[slotSeat[slot]!]!.push(unknown[slot]!);
  } else {
    const fits = (card: Card, s: Seat): boolean => ((pub.voids[s]! >> ((card / 13) | 0)) & 1) === 0;
    matchCards(unknown, slotSeat, fits).forEach((cardIndex, slot) => {
      if (cardIndex >= 0) hands[slotSeat[slot]!]!.push(unknown[cardIndex]!);
    });
  }
  for (const hand of hands) hand.sort((a, b) => a - b);

  return {
    options: optionsOfView(pub),
    rng: rng.state(),
    phase: pub.phase,
    handNumber: pub.handNumber,
    dealer: pub.dealer,
    hands,
    bids: pub.bids.slice(),
    blind: pub.blindNil.slice(),
    looked: pub.looked.slice(),
    turn: pub.active.length === 1 ? pub.active[0]! : pub.leader,
    leader: pub.leader,
    trick: pub.trick.slice(),
    tricksPlayed: pub.tricksPlayed,
    lastTrick: pub.lastTrick.slice(),
    lastTrickWinner: pub.lastTrickWinner,
    spadesBroken: pub.spadesBroken,
    wonBy: pub.wonBy.slice(),
    tricksWon: pub.tricksWon.slice(),
    voids: pub.voids.slice(),
    scores: pub.sideScores.slice(),
    bags: pub.bags.slice(),
    lastPoints: [pub.lastHandPoints[0] ?? 0, pub.lastHandPoints[1] ?? 0],
    lastNil: pub.lastNil.slice(),
    lastBagPenalty: pub.lastBagPenalty.slice(),
    continued: pub.continued.slice(),
  };
}
