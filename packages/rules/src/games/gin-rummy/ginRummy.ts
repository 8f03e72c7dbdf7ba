/**
 * Gin Rummy (rules in RULES.md, ids G-xx) as a game definition: two players,
 * draw and discard, knock, layoff and showdown, all as moves.
 */
import { CommonError } from '../../game';
import type { GameDefinition, Outcome, Seat } from '../../game';
import { parseChoiceOptions } from '../../options';
import { Rng } from '../../rng';
import { randomBot } from '../../bots/random';
import { ginRummyHeuristicBot } from './heuristicBot';
import {
  SEATS, actorsOf, applyContinue, applyDiscard, applyDone, applyDraw, applyKnock, applyLayoff, dealHand, legalMovesOf, moveError, winnersOf,
} from './rules';
import type { TurnContext } from './rules';
import { GIN_RUMMY_OPTIONS, GinRummyPhase, HandResult, ginRummyDefaultOptions, unflattenMelds } from './state';
import type { GinRummyEvent, GinRummyMove, GinRummyOptions, GinRummyState, GinRummyView } from './state';
import { cardsInViewOf, determinizeView, eventsBetweenViews, invariantsOf, knownCardsOf, privateOf, viewOf } from './views';

function contextOfState(state: GinRummyState, seat: Seat): TurnContext {
  return {
    phase: state.phase,
    turn: state.turn,
    knocker: state.knocker,
    hand: state.hands[seat] ?? [],
    lastTaken: state.lastTaken,
    knockLimit: state.knockLimit,
    stockCount: state.stock.length,
    discardCount: state.discard.length,
    knockerMelds: state.knockerMelds,
    continued: state.continued,
  };
}

function contextOfView(view: GinRummyView): TurnContext {
  const pub = view.public;
  return {
    phase: pub.phase,
    turn: pub.turn,
    knocker: pub.knocker,
    hand: view.private?.hand ?? [],
    lastTaken: pub.lastTaken,
    knockLimit: pub.knockLimit,
    stockCount: pub.stockCount,
    discardCount: pub.discard.length,
    knockerMelds: unflattenMelds(pub.knockerMelds, pub.knockerMeldSizes),
    continued: pub.continued,
  };
}

/** Starts a game; exported for tests that need particular options. */
export function setupGinRummy(seed: string, options: GinRummyOptions): GinRummyState {
  return dealHand(
    {
      target: options.target,
      oklahoma: options.oklahoma,
      dealer: 0,
      points: [0, 0],
      handsWon: [0, 0],
      scores: [0, 0],
      handNumber: 1,
      lastHandPoints: [0, 0],
      lastHandWinner: -1,
      result: HandResult.None,
    },
    Rng.fromSeed(seed),
  );
}

export const ginRummy: GameDefinition<GinRummyState, GinRummyMove, GinRummyView, GinRummyOptions, GinRummyEvent> = {
  id: 'gin-rummy',
  name: 'Gin Rummy',
  description: 'Two players draw and discard to build melds; knock with little deadwood, or go gin.',
  minSeats: SEATS,
  maxSeats: SEATS,
  options: GIN_RUMMY_OPTIONS,

  defaultOptions() {
    return { ...ginRummyDefaultOptions };
  },
  parseOptions(input) {
    return parseChoiceOptions(GIN_RUMMY_OPTIONS, { ...ginRummyDefaultOptions }, input);
  },
  setup(config) {
    return setupGinRummy(config.seed, config.options);
  },
  activeSeats(state) {
    return actorsOf(state.phase, state.turn, state.knocker, state.continued);
  },
  legalMoves(state, seat) {
    return legalMovesOf(contextOfState(state, seat), seat);
  },
  apply(state, seat, move) {
    const problem = moveError(contextOfState(state, seat === 1 ? 1 : 0), seat, move);
    if (problem) return { ok: false, error: problem };
    switch (move.type) {
      case 'draw':
        return applyDraw(state, seat, move.from);
      case 'discard':
        return applyDiscard(state, seat, move.card);
      case 'knock':
      case 'gin':
        return applyKnock(state, seat, move.type, move.card);
      case 'bigGin':
        return applyKnock(state, seat, 'bigGin', -1);
      case 'layoff':
        return applyLayoff(state, seat, move.card, move.meld);
      case 'done':
        return applyDone(state);
      case 'continue':
        return applyContinue(state, seat);
      default: {
        const unreachable: never = move;
        return unreachable;
      }
    }
  },
  view: viewOf,
  privateView: privateOf,
  // Lists a move changes (what a draw or a discard changes); the others travel packed (`GameDefinition.liveLists`).
  liveLists: ['hand', 'discard', 'active', 'handCounts', 'taken', 'takenBy'],
  legalMovesInView(view) {
    if (view.seat === null) return [];
    return legalMovesOf(contextOfView(view), view.seat);
  },
  moveErrorInView(view, move) {
    if (view.seat === null) return { code: CommonError.NotYourTurn, message: 'Spectators do not play.' };
    return moveError(contextOfView(view), view.seat, move);
  },
  eventsBetween: eventsBetweenViews,
  outcome(state): Outcome | null {
    if (state.phase !== GinRummyPhase.GameOver) return null;
    const scores = state.scores.slice();
    return { scores, winners: winnersOf(scores), ranking: [0, 1].sort((a, b) => scores[b]! - scores[a]! || a - b) };
  },
  scores(state) {
    return state.scores;
  },
  determinize: determinizeView,
  rngState(state) {
    return state.rng;
  },
  bots: {
    random: randomBot<GinRummyView, GinRummyMove>(),
    heuristic: ginRummyHeuristicBot,
  },
  audit: {
    invariants: invariantsOf,
    cardsInView: cardsInViewOf,
    knownCards: knownCardsOf,
  },
};
