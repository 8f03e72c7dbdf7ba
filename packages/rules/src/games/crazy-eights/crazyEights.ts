/**
 * Crazy Eights (rules in RULES.md, ids C8-xx) as a game definition. The state is
 * immutable plain data; `apply` copies only the arrays a move changes. The rule
 * logic lives in state.ts, rules.ts, apply.ts, scoring.ts and views.ts.
 */
import type { Card, Suit } from '../../cards';
import { CommonError } from '../../game';
import type { GameDefinition, OptionSpec, Outcome, Seat } from '../../game';
import { parseChoiceOptions } from '../../options';
import { Rng } from '../../rng';
import { randomBot } from '../../bots/random';
import { applyContinue, applyDraw, applyPass, applyPlay, dealHand } from './apply';
import { crazyEightsHeuristicBot } from './heuristicBot';
import { DRAW, EIGHT_INDEX, canRefill, err, isSeatIndex, isSharedPlay, legalMovesOf, mayDraw, moveError } from './rules';
import type { TurnContext } from './rules';
import { rankingOf, winnersOf } from './scoring';
import { CrazyEightsPhase, DrawRule, discardTop, resolveTarget } from './state';
import type { CrazyEightsEvent, CrazyEightsMove, CrazyEightsOptions, CrazyEightsState, CrazyEightsTarget, CrazyEightsView } from './state';
import { activeOf, cardsInViewOf, determinizeView, eventsBetweenViews, invariantsOf, knownCardsOf, privateOf, viewOf } from './views';
import { crazyEightsWire } from './wire';

const TARGET_CHOICES: readonly CrazyEightsTarget[] = ['auto', 100, 150, 200, 250, 300, 500];

const OPTIONS: readonly OptionSpec[] = [
  {
    key: 'drawRule',
    label: 'Drawing',
    description: 'Keep drawing until you can play, or draw one card and then play or pass.',
    choices: [
      { value: DrawRule.UntilPlayable, label: 'Draw until playable' },
      { value: DrawRule.DrawOne, label: 'Draw one, then pass' },
    ],
  },
  {
    key: 'target',
    label: 'Target score',
    description: 'The game ends when a player reaches this score (auto: 50 per player).',
    choices: TARGET_CHOICES.map((value) => ({ value, label: value === 'auto' ? 'Auto (50 per player)' : String(value) })),
  },
];

function contextOfState(state: CrazyEightsState, seat: Seat): TurnContext {
  return {
    phase: state.phase,
    turn: state.turn,
    hand: state.hands[seat] ?? [],
    top: discardTop(state.discard),
    suit: state.suit,
    drawRule: state.drawRule,
    drawn: state.drawn,
    canRefill: canRefill(state.stock.length, state.discard.length, state.reshuffles),
    continued: state.continued,
  };
}

function contextOfView(view: CrazyEightsView): TurnContext {
  const pub = view.public;
  return {
    phase: pub.phase,
    turn: pub.turn,
    hand: view.private?.hand ?? [],
    top: discardTop(pub.discard),
    suit: pub.suit as Suit,
    drawRule: pub.drawRule,
    drawn: pub.drawn,
    canRefill: canRefill(pub.stockCount, pub.discard.length, pub.reshuffles),
    continued: pub.continued,
  };
}

export const crazyEightsDefaultOptions: CrazyEightsOptions = { drawRule: DrawRule.UntilPlayable, target: 'auto' };

/** Starts a game; exported for tests that need a particular dealer or draw rule. */
export function setupCrazyEights(seed: string, seats: number, options: CrazyEightsOptions): CrazyEightsState {
  return dealHand(
    {
      seats,
      drawRule: options.drawRule,
      target: resolveTarget(options.target, seats),
      dealer: 0,
      scores: new Array<number>(seats).fill(0),
      handNumber: 1,
      lastHandPoints: new Array<number>(seats).fill(0),
      lastHandWinner: -1,
    },
    Rng.fromSeed(seed),
  );
}

export const crazyEights: GameDefinition<
  CrazyEightsState,
  CrazyEightsMove,
  CrazyEightsView,
  CrazyEightsOptions,
  CrazyEightsEvent
> = {
  id: 'crazy-eights',
  name: 'Crazy Eights',
  description: 'Match the top card by suit or rank; eights are wild. First to empty their hand scores.',
  minSeats: 2,
  maxSeats: 6,
  options: OPTIONS,

  defaultOptions() {
    return { ...crazyEightsDefaultOptions };
  },
  parseOptions(input) {
    return parseChoiceOptions(OPTIONS, { ...crazyEightsDefaultOptions }, input);
  },
  setup(config) {
    return setupCrazyEights(config.seed, config.seats, config.options);
  },
  activeSeats: activeOf,
  legalMoves(state, seat) {
    if (!isSeatIndex(seat, state.seats)) return [];
    return legalMovesOf(contextOfState(state, seat), seat);
  },
  apply(state, seat, move) {
    if (isSharedPlay(state, seat, move)) {
      const { card, suit } = move as { card: Card; suit?: Suit };
      return applyPlay(state, seat, card, suit);
    }
    if (move === DRAW && state.phase === CrazyEightsPhase.Play && seat === state.turn && mayDraw(contextOfState(state, seat))) {
      return applyDraw(state, seat);
    }
    const ctx = contextOfState(state, isSeatIndex(seat, state.seats) ? seat : 0);
    const problem = moveError(ctx, seat, state.seats, move);
    if (problem) return { ok: false, error: problem };
    switch (move.type) {
      case 'play':
        return applyPlay(state, seat, move.card, move.card % 13 === EIGHT_INDEX ? move.suit : undefined);
      case 'draw':
        return applyDraw(state, seat);
      case 'pass':
        return applyPass(state, seat);
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
  // Lists a move changes (the hand and the moves list); the others travel packed (`GameDefinition.liveLists`).
  liveLists: ['hand', 'moves'],
  legalMovesInView(view) {
    if (view.seat === null) return [];
    return legalMovesOf(contextOfView(view), view.seat);
  },
  moveErrorInView(view, move) {
    if (view.seat === null) return err(CommonError.NotYourTurn, 'Spectators do not play.');
    return moveError(contextOfView(view), view.seat, view.public.handCounts.length, move);
  },
  eventsBetween: eventsBetweenViews,
  outcome(state): Outcome | null {
    if (state.phase !== CrazyEightsPhase.GameOver) return null;
    return { scores: state.scores.slice(), winners: winnersOf(state.scores), ranking: rankingOf(state.scores) };
  },
  scores(state) {
    return state.scores;
  },
  determinize: determinizeView,
  rngState(state) {
    return state.rng;
  },
  bots: {
    random: randomBot<CrazyEightsView, CrazyEightsMove>(),
    heuristic: crazyEightsHeuristicBot,
  },
  audit: {
    invariants: invariantsOf,
    cardsInView: cardsInViewOf,
    knownCards: knownCardsOf,
  },
  publicWire: crazyEightsWire,
};
