/**
 * What each Hearts seat may know: the public part of a view, a seat's private
 * part (its hand and this hand's pass), and the rule-check context a view gives.
 */
import type { GameView, Seat } from '../../game';
import { HeartsPhase, SEATS, passDirectionOf } from './state';
import type { HeartsState, PassDirection } from './state';
import { activeSeatsOf } from './rules';
import type { TableContext } from './rules';
import { isGameEnding } from './scoring';

export type HeartsPublic = {
  readonly phase: HeartsPhase;
  readonly active: readonly number[];
  readonly handNumber: number;
  readonly passDirection: PassDirection;
  readonly passedSeats: readonly boolean[];
  readonly trick: readonly number[];
  readonly leader: number;
  readonly lastTrick: readonly number[];
  readonly lastTrickWinner: number;
  readonly heartsBroken: boolean;
  readonly firstTrick: boolean;
  readonly tricksPlayed: number;
  /** By card code: the seat that took it this hand, -1 if not taken yet. */
  readonly wonBy: readonly number[];
  readonly handPoints: readonly number[];
  readonly tricksWon: readonly number[];
  readonly handCounts: readonly number[];
  readonly scores: readonly number[];
  readonly voids: readonly number[];
  readonly lastHandPoints: readonly number[];
  readonly moonShooter: number;
  readonly continued: readonly boolean[];
  /** handOver: this was the last hand, the game ends when everyone continues. */
  readonly gameEnding: boolean;
  readonly target: number;
  readonly jackOfDiamonds: boolean;
  readonly moonSubtract: boolean;
};

export type HeartsPrivate = {
  readonly hand: readonly number[];
  /** The three cards this seat passed this hand (empty before passing and on hold hands). */
  readonly passed: readonly number[];
  /** The three cards it received (empty until the exchange). */
  readonly received: readonly number[];
};

export type HeartsView = GameView<HeartsPublic, HeartsPrivate>;

export function viewOf(state: HeartsState, seat: Seat | null): HeartsView {
  const mine = seat !== null && seat >= 0 && seat < SEATS ? seat : null;
  const pub: HeartsPublic = {
    phase: state.phase,
    active: activeSeatsOf(state).slice(),
    handNumber: state.handNumber,
    passDirection: passDirectionOf(state.handNumber),
    passedSeats: state.passed.map((p) => p.length > 0),
    trick: state.trick.slice(),
    leader: state.leader,
    lastTrick: state.lastTrick.slice(),
    lastTrickWinner: state.lastTrickWinner,
    heartsBroken: state.heartsBroken,
    firstTrick: state.tricksPlayed === 0,
    tricksPlayed: state.tricksPlayed,
    wonBy: state.wonBy.slice(),
    handPoints: state.handPoints.slice(),
    tricksWon: state.tricksWon.slice(),
    handCounts: state.hands.map((h) => h.length),
    scores: state.scores.slice(),
    voids: state.voids.slice(),
    lastHandPoints: state.lastHandPoints.slice(),
    moonShooter: state.moonShooter,
    continued: state.continued.slice(),
    gameEnding: state.phase === HeartsPhase.HandOver && isGameEnding(state),
    target: state.options.target,
    jackOfDiamonds: state.options.jackOfDiamonds,
    moonSubtract: state.options.moonSubtract,
  };
  return { seat: mine, public: pub, private: privateOf(state, mine) };
}

export function privateOf(state: HeartsState, seat: Seat | null): HeartsPrivate | null {
  if (seat === null || seat < 0 || seat >= SEATS) return null;
  return { hand: state.hands[seat]!.slice(), passed: state.passed[seat]!.slice(), received: state.received[seat]!.slice() };
}

export function contextOfView(view: HeartsView): TableContext {
  const pub = view.public;
  return {
    phase: pub.phase,
    active: pub.active,
    hand: view.private?.hand ?? [],
    trick: pub.trick,
    leader: pub.leader,
    heartsBroken: pub.heartsBroken,
    firstTrick: pub.firstTrick,
  };
}
