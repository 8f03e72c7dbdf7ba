/**
 * What each Spades seat may know ([S-14]), and a move's events read back from
 * the public views around it.
 */
import type { GameView, Seat } from '../../game';
import {
  SEATS, SpadesPhase, activeSeatsOf, blindNilAllowed, seatsOfSide,
} from './rules';
import type { SpadesEvent, SpadesOptions, SpadesState, TableContext } from './rules';
import { seatScores, winnerOf } from './scoring';

export type SpadesPublic = {
  readonly phase: SpadesPhase;
  readonly active: readonly number[];
  readonly handNumber: number;
  readonly dealer: number;
  /** By seat: -1 not yet bid, 0 nil. */
  readonly bids: readonly number[];
  readonly blindNil: readonly boolean[];
  /** By seat: has seen its cards this hand ([S-06]: false only while a blind nil is still possible). */
  readonly looked: readonly boolean[];
  readonly trick: readonly number[];
  readonly leader: number;
  readonly lastTrick: readonly number[];
  readonly lastTrickWinner: number;
  readonly spadesBroken: boolean;
  readonly tricksPlayed: number;
  /** By card code: the seat that took it this hand, -1 if not taken yet. */
  readonly wonBy: readonly number[];
  readonly tricksWon: readonly number[];
  readonly handCounts: readonly number[];
  readonly voids: readonly number[];
  /** By seat, each seat carrying its side's score (the contract's per-seat scores). */
  readonly scores: readonly number[];
  /** By side. */
  readonly sideScores: readonly number[];
  /** By side: bags carried. */
  readonly bags: readonly number[];
  /** By seat, each seat carrying what the last hand moved its side's score. */
  readonly lastHandPoints: readonly number[];
  /** By seat: what its nil scored in the last hand. */
  readonly lastNil: readonly number[];
  /** By side: the bag penalty paid in the last hand. */
  readonly lastBagPenalty: readonly number[];
  readonly continued: readonly boolean[];
  /** handOver: this was the last hand. */
  readonly gameEnding: boolean;
  readonly target: number;
  readonly blindNilOption: boolean;
};

export type SpadesPrivate = {
  /** Empty while the cards are face down ([S-06]). */
  readonly hand: readonly number[];
  /** This seat may bid blind nil now. */
  readonly canBlindNil: boolean;
};

export type SpadesView = GameView<SpadesPublic, SpadesPrivate>;

const NO_CARDS: readonly number[] = Object.freeze([]);

/**
 * The view shares the state's arrays instead of copying them: states are never
 * mutated (every move builds new arrays), and search bots build a view for
 * every move of every rollout, where the copies were the largest cost.
 */
export function viewOf(state: SpadesState, seat: Seat | null): SpadesView {
  const mine = seat !== null && seat >= 0 && seat < SEATS ? seat : null;
  const sidePoints = state.lastPoints;
  const pub: SpadesPublic = {
    phase: state.phase,
    active: activeSeatsOf(state),
    handNumber: state.handNumber,
    dealer: state.dealer,
    bids: state.bids,
    blindNil: state.blind,
    looked: state.looked,
    trick: state.trick,
    leader: state.leader,
    lastTrick: state.lastTrick,
    lastTrickWinner: state.lastTrickWinner,
    spadesBroken: state.spadesBroken,
    tricksPlayed: state.tricksPlayed,
    wonBy: state.wonBy,
    tricksWon: state.tricksWon,
    handCounts: state.hands.map((hand) => hand.length),
    voids: state.voids,
    scores: seatScores(state.scores),
    sideScores: state.scores,
    bags: state.bags,
    lastHandPoints: seatScores(sidePoints),
    lastNil: state.lastNil,
    lastBagPenalty: state.lastBagPenalty,
    continued: state.continued,
    gameEnding: state.phase === SpadesPhase.HandOver && winnerOf(state.scores, state.options.target) !== null,
    target: state.options.target,
    blindNilOption: state.options.blindNil,
  };
  return { seat: mine, public: pub, private: privateOf(state, mine) };
}

export function privateOf(state: SpadesState, seat: Seat | null): SpadesPrivate | null {
  if (seat === null || seat < 0 || seat >= SEATS) return null;
  return { hand: state.looked[seat] ? state.hands[seat]! : NO_CARDS, canBlindNil: blindNilAllowed(state, seat) };
}

export function contextOfView(view: SpadesView): TableContext {
  const pub = view.public;
  const seat = view.seat ?? -1;
  return {
    phase: pub.phase,
    active: pub.active,
    hand: view.private?.hand ?? [],
    looked: pub.looked[seat] ?? true,
    blindNilAllowed: view.private?.canBlindNil ?? false,
    trick: pub.trick,
    leader: pub.leader,
    spadesBroken: pub.spadesBroken,
  };
}

export function optionsOfView(pub: SpadesPublic): SpadesOptions {
  return { target: pub.target as SpadesOptions['target'], blindNil: pub.blindNilOption };
}

/** The events of `seat`'s move, read back from the public boards before and after it. */
export function spadesEventsBetween(before: SpadesPublic, after: SpadesPublic, seat: Seat): SpadesEvent[] {
  switch (before.phase) {
    case SpadesPhase.Bidding:
      if (after.phase === SpadesPhase.Bidding && after.bids[seat] === -1) return [{ type: 'looked', seat }];
      return [{ type: 'bid', seat, tricks: after.bids[seat] ?? 0, blind: after.blindNil[seat] === true }];
    case SpadesPhase.Playing: {
      // The fourth card completes the trick, which then shows as the last trick.
      const trickDone = after.tricksPlayed !== before.tricksPlayed || after.phase !== SpadesPhase.Playing;
      const card = (trickDone ? after.lastTrick : after.trick)[seat] ?? -1;
      const events: SpadesEvent[] = [{ type: 'played', seat, card }];
      if (!before.spadesBroken && after.spadesBroken) events.push({ type: 'spadesBroken', seat, card });
      if (trickDone) events.push({ type: 'trickWon', seat: after.lastTrickWinner });
      if (after.phase === SpadesPhase.HandOver) {
        events.push({ type: 'handScored', points: [after.lastHandPoints[0] ?? 0, after.lastHandPoints[1] ?? 0] });
      }
      return events;
    }
    case SpadesPhase.HandOver: {
      const events: SpadesEvent[] = [{ type: 'continued', seat }];
      if (after.phase === SpadesPhase.GameOver) {
        const side = winnerOf(after.sideScores, after.target);
        events.push({ type: 'gameOver', winners: side === null ? [] : seatsOfSide(side) });
      } else if (after.handNumber !== before.handNumber) {
        events.push({ type: 'handDealt', handNumber: after.handNumber, dealer: after.dealer });
      }
      return events;
    }
    case SpadesPhase.GameOver:
      return [];
    default: {
      const never: never = before.phase;
      return never;
    }
  }
}
