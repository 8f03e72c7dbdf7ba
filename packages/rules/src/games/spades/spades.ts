/**
 * The Spades game definition (rules in RULES.md beside this file). The rule
 * logic lives in rules.ts, scoring.ts and views.ts; this module assembles it
 * into the contract.
 */
import type { GameDefinition, OptionSpec, Outcome, Seat } from '../../game';
import { parseChoiceOptions } from '../../options';
import { randomBot } from '../../bots/random';
import { spadesAudit } from './audit';
import { spadesHeuristicBot } from './bot';
import { determinizeSpades } from './determinize';
import {
  SEATS, SpadesPhase, activeSeatsOf, applyMove, contextOfState, moveError, movesFromContext, seatsOfSide, setupSpades,
} from './rules';
import type { SpadesEvent, SpadesMove, SpadesOptions, SpadesState } from './rules';
import { seatScores, winnerOf } from './scoring';
import { contextOfView, privateOf, spadesEventsBetween, viewOf } from './views';
import { spadesWire } from './wire';
import type { SpadesView } from './views';

const SPADES_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'target',
    label: 'Play to',
    description: 'The game ends after the hand in which a side reaches this score (or falls to -200); the higher side wins.',
    choices: [
      { value: 500, label: '500 points' },
      { value: 300, label: '300 points' },
    ],
  },
  {
    key: 'blindNil',
    label: 'Blind nil',
    description: 'A player whose side trails by 100 or more may bid nil before seeing their cards: +200 or -200.',
    choices: [
      { value: false, label: 'Off' },
      { value: true, label: 'On' },
    ],
  },
];

const DEFAULT_OPTIONS: SpadesOptions = { target: 500, blindNil: false };
/** [S-01] Partners sit across the table. */
const PARTNERSHIPS: readonly (readonly Seat[])[] = Object.freeze([Object.freeze(seatsOfSide(0)), Object.freeze(seatsOfSide(1))]);

/** [S-12] The winning side's seats first; both partners share the win. */
function outcomeOf(state: SpadesState): Outcome | null {
  if (state.phase !== SpadesPhase.GameOver) return null;
  const side = winnerOf(state.scores, state.options.target) ?? 0;
  const winners = seatsOfSide(side);
  return { scores: seatScores(state.scores), winners, ranking: [...winners, ...seatsOfSide(1 - side)] };
}

export const spades: GameDefinition<SpadesState, SpadesMove, SpadesView, SpadesOptions, SpadesEvent> = {
  id: 'spades',
  name: 'Spades',
  description: 'Two partnerships bid their tricks and play with spades as trumps; first side to 500 wins.',
  minSeats: SEATS,
  maxSeats: SEATS,
  teams: () => PARTNERSHIPS,
  options: SPADES_OPTIONS,
  defaultOptions: () => ({ ...DEFAULT_OPTIONS }),
  parseOptions: (input) => parseChoiceOptions<SpadesOptions & Record<string, number | boolean>>(SPADES_OPTIONS, { ...DEFAULT_OPTIONS }, input),
  setup: ({ seed, options }) => setupSpades(seed, options),
  activeSeats: activeSeatsOf,
  legalMoves: (state, seat) => movesFromContext(contextOfState(state, seat), seat),
  apply: applyMove,
  view: viewOf,
  privateView: privateOf,
  // Lists a move changes (the hand and the trick); the others travel packed (`GameDefinition.liveLists`).
  liveLists: ['hand', 'plays'],
  legalMovesInView: (view) => (view.seat === null ? [] : movesFromContext(contextOfView(view), view.seat)),
  moveErrorInView: (view, move) => moveError(contextOfView(view), view.seat ?? -1, move),
  eventsBetween: spadesEventsBetween,
  handFaceDown: (view) => view.seat !== null && view.public.looked[view.seat] === false,
  outcome: outcomeOf,
  scores: (state) => seatScores(state.scores),
  determinize: determinizeSpades,
  rngState: (state) => state.rng,
  bots: { random: randomBot<SpadesView, SpadesMove>(), heuristic: spadesHeuristicBot() },
  audit: spadesAudit,
  publicWire: spadesWire,
};
