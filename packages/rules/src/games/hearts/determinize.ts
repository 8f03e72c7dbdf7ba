/**
 * Samples a full Hearts state consistent with one seat's view: its own hand
 * and passes, every card played, shown voids and hand counts. Unknown cards
 * go to the other seats by a bipartite matching over a shuffled order, so a
 * set of void constraints that a greedy deal could paint into a corner still
 * finds a consistent deal.
 */
import { DECK_SIZE, suitOf } from '../../cards';
import type { Card } from '../../cards';
import type { Seat } from '../../game';
import type { Rng } from '../../rng';
import { matchCards } from '../../matchCards';
import { HeartsPhase, PASS_SIZE, SEATS, TWO_OF_CLUBS, passDirectionOf, passTarget } from './state';
import type { HeartsOptions, HeartsState } from './state';
import type { HeartsView } from './views';

export function determinizeHearts(view: HeartsView, seat: Seat, rng: Rng): HeartsState {
  const pub = view.public;
  const mine = view.private;
  const ownHand = mine?.hand ?? [];
  const ownPassed = mine?.passed ?? [];
  const ownReceived = mine?.received ?? [];
  const direction = passDirectionOf(pub.handNumber);
  const exchanged = pub.phase !== HeartsPhase.Passing;
  const receiver = passTarget(seat, direction);
  const sender = (() => {
    for (let s = 0; s < SEATS; s++) if (s !== seat && passTarget(s, direction) === seat) return s;
    return -1;
  })();

  const placed = new Array<boolean>(DECK_SIZE).fill(false);
  for (let card = 0; card < DECK_SIZE; card++) if (pub.wonBy[card]! >= 0) placed[card] = true;
  for (const card of pub.trick) if (card >= 0) placed[card] = true;
  for (const card of ownHand) placed[card] = true;
  // Before the exchange my pass is still mine; after it, the receiver holds what it has not played.
  for (const card of ownPassed) placed[card] = true;

  const hands: Card[][] = [[], [], [], []];
  const pendingPass: Card[][] = [[], [], [], []];
  hands[seat] = ownHand.slice();
  if (!exchanged) pendingPass[seat] = ownPassed.slice();
  else if (receiver !== seat) for (const card of ownPassed) if (pub.wonBy[card]! < 0 && !pub.trick.includes(card)) hands[receiver]!.push(card);

  // [H-05] Before the first lead, the seat to lead is the one holding the two of clubs.
  const awaitingFirstLead = pub.phase === HeartsPhase.Playing && pub.tricksPlayed === 0 && pub.trick[pub.leader]! < 0;
  if (awaitingFirstLead && !placed[TWO_OF_CLUBS] && pub.leader !== seat) {
    placed[TWO_OF_CLUBS] = true;
    hands[pub.leader]!.push(TWO_OF_CLUBS);
  }

  // Slots still to fill per seat (hand cards, plus a pass made but not yet delivered).
  const capacity = [0, 0, 0, 0];
  const passSlots = [0, 0, 0, 0];
  for (let s = 0; s < SEATS; s++) {
    if (s === seat) continue;
    passSlots[s] = !exchanged && pub.passedSeats[s] ? PASS_SIZE : 0;
    capacity[s] = pub.handCounts[s]! - hands[s]!.length + passSlots[s]!;
  }
  const unknown: Card[] = [];
  for (let card = 0; card < DECK_SIZE; card++) if (!placed[card]) unknown.push(card);
  rng.shuffle(unknown);

  const slotSeat: Seat[] = [];
  for (let s = 0; s < SEATS; s++) for (let i = 0; i < capacity[s]!; i++) slotSeat.push(s);
  rng.shuffle(slotSeat);
  // A pending pass was chosen before any play, so voids (shown in play) never constrain it; they
  // cannot exist yet during the pass anyway.
  const fits = (card: Card, s: Seat): boolean => ((pub.voids[s]! >> suitOf(card)) & 1) === 0;
  const slotOwner = matchCards(unknown, slotSeat, fits);
  const dealt: Card[][] = [[], [], [], []];
  slotOwner.forEach((cardIndex, slot) => {
    if (cardIndex >= 0) dealt[slotSeat[slot]!]!.push(unknown[cardIndex]!);
  });
  for (let s = 0; s < SEATS; s++) {
    if (s === seat) continue;
    const cards = dealt[s]!;
    pendingPass[s] = cards.slice(0, passSlots[s]);
    hands[s]!.push(...cards.slice(passSlots[s]));
  }
  for (const h of hands) h.sort((a, b) => a - b);
  for (const p of pendingPass) p.sort((a, b) => a - b);

  // Who passed what: mine and what I received are known; the rest is a plausible guess.
  const passed: Card[][] = [[], [], [], []];
  const received: Card[][] = [[], [], [], []];
  if (!exchanged) {
    for (let s = 0; s < SEATS; s++) passed[s] = pendingPass[s]!;
  } else if (direction !== 'none') {
    passed[seat] = ownPassed.slice();
    received[seat] = ownReceived.slice();
    if (receiver !== seat) received[receiver] = ownPassed.slice();
    if (sender >= 0) passed[sender] = ownReceived.slice();
    for (let s = 0; s < SEATS; s++) {
      if (s === seat || s === sender) continue;
      const to = passTarget(s, direction);
      // Cards still held by the receiver first, then any played card: only the count is visible.
      const candidates = [...hands[to]!, ...playedCards(pub.wonBy, pub.trick)];
      const guess = candidates.filter((card) => !ownPassed.includes(card) && !ownReceived.includes(card)).slice(0, PASS_SIZE);
      passed[s] = guess;
      if (to !== seat) received[to] = guess;
    }
  }

  const options: HeartsOptions = {
    target: pub.target as HeartsOptions['target'],
    jackOfDiamonds: pub.jackOfDiamonds,
    moonSubtract: pub.moonSubtract,
  };
  const turn = pub.phase === HeartsPhase.Playing ? pub.active[0] ?? pub.leader : pub.leader;
  return {
    options,
    rng: rng.state(),
    phase: pub.phase,
    handNumber: pub.handNumber,
    hands,
    passed,
    received,
    trick: pub.trick.slice(),
    leader: pub.leader,
    turn,
    tricksPlayed: pub.tricksPlayed,
    lastTrick: pub.lastTrick.slice(),
    lastTrickWinner: pub.lastTrickWinner,
    heartsBroken: pub.heartsBroken,
    wonBy: pub.wonBy.slice(),
    handPoints: pub.handPoints.slice(),
    tricksWon: pub.tricksWon.slice(),
    voids: pub.voids.slice(),
    scores: pub.scores.slice(),
    lastHandPoints: pub.lastHandPoints.slice(),
    moonShooter: pub.moonShooter,
    continued: pub.continued.slice(),
  };
}

function playedCards(wonBy: readonly number[], trick: readonly Card[]): Card[] {
  const out: Card[] = [];
  for (let card = 0; card < DECK_SIZE; card++) if (wonBy[card]! >= 0) out.push(card);
  for (const card of trick) if (card >= 0) out.push(card);
  return out;
}
