/**
 * The Hearts game definition (rules in RULES.md beside this file). The rule
 * logic lives in state.ts, rules.ts, moves.ts, apply.ts, scoring.ts and
 * views.ts; this module assembles it into the contract.
 */
import type { GameDefinition, OptionSpec } from '../../game';
import { parseChoiceOptions } from '../../options';
import { randomBot } from '../../bots/random';
import { heartsAudit } from './audit';
import { heartsHeuristicBot } from './bot';
import { determinizeHearts } from './determinize';
import { heartsEventsBetween } from './events';
import { heartsWire } from './wire';
import { SEATS, setupHearts, HeartsPhase } from './state';
import type { HeartsEvent, HeartsMove, HeartsOptions, HeartsState } from './state';
import { activeSeatsOf, contextOfState, moveError } from './rules';
import { movesFromContext } from './moves';
import { applyMove } from './apply';
import { outcomeOf } from './scoring';
import { contextOfView, viewOf, privateOf } from './views';
import type { HeartsView } from './views';

const HEARTS_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'target',
    label: 'Play to',
    description: 'The game ends after the hand in which someone reaches this score; lowest total wins.',
    choices: [
      { value: 50, label: '50 points' },
      { value: 100, label: '100 points' },
      { value: 150, label: '150 points' },
    ],
  },
  {
    key: 'jackOfDiamonds',
    label: 'Jack of diamonds',
    description: 'Whoever takes the jack of diamonds scores -10.',
    choices: [
      { value: false, label: 'Off' },
      { value: true, label: 'On (-10)' },
    ],
  },
  {
    key: 'moonSubtract',
    label: 'Shooting the moon',
    description: 'When one player takes every heart and the queen of spades: others +26, or the shooter -26.',
    choices: [
      { value: false, label: 'Everyone else +26' },
      { value: true, label: 'Shooter -26' },
    ],
  },
];

const DEFAULT_OPTIONS: HeartsOptions = { target: 100, jackOfDiamonds: false, moonSubtract: false };

export const hearts: GameDefinition<HeartsState, HeartsMove, HeartsView, HeartsOptions, HeartsEvent> = {
  id: 'hearts',
  name: 'Hearts',
  description: 'Four players dodge hearts and the queen of spades; lowest score wins.',
  minSeats: SEATS,
  maxSeats: SEATS,
  options: HEARTS_OPTIONS,
  defaultOptions: () => ({ ...DEFAULT_OPTIONS }),
  parseOptions: (input) => parseChoiceOptions<HeartsOptions & Record<string, number | boolean>>(HEARTS_OPTIONS, { ...DEFAULT_OPTIONS }, input),
  setup: ({ seed, options }) => setupHearts(seed, options),
  activeSeats: activeSeatsOf,
  legalMoves: (state, seat) => movesFromContext(contextOfState(state, seat), seat),
  apply: (state, seat, move) => applyMove(state, seat, move),
  view: viewOf,
  privateView: privateOf,
  // Lists a move changes (the hand and the trick); the others travel packed (`GameDefinition.liveLists`).
  liveLists: ['hand', 'plays'],
  legalMovesInView: (view) => (view.seat === null ? [] : movesFromContext(contextOfView(view), view.seat)),
  moveErrorInView: (view, move) => moveError(contextOfView(view), view.seat ?? -1, move),
  eventsBetween: heartsEventsBetween,
  outcome: (state) => (state.phase === HeartsPhase.GameOver ? outcomeOf(state.scores) : null),
  scores: (state) => state.scores,
  determinize: determinizeHearts,
  rngState: (state) => state.rng,
  bots: { random: randomBot<HeartsView, HeartsMove>(), heuristic: heartsHeuristicBot() },
  audit: heartsAudit,
  publicWire: heartsWire,
};


