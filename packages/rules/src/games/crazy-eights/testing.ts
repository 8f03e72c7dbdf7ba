import { DECK_SIZE, parseCard, parseCards, suitOf } from '../../cards';
import type { Card, Suit } from '../../cards';
import { Rng } from '../../rng';
import { CrazyEightsPhase, DrawRule, resolveTarget } from './state';
import type { CrazyEightsState, CrazyEightsTarget } from './state';

export interface ScenarioSpec {
  /** One hand per seat, in short names: `['8S 3H', 'KD']`. */
  readonly hands: readonly string[];
  /** Discard pile, bottom first; the last card is the top. */
  readonly discard: string;
  /** Stock, bottom first; the last card is drawn first. Omitted: every card not placed elsewhere. */
  readonly stock?: string;
  readonly turn?: number;
  readonly dealer?: number;
  readonly suit?: Suit;
  readonly drawRule?: DrawRule;
  readonly target?: CrazyEightsTarget;
  readonly scores?: readonly number[];
  readonly drawn?: boolean;
  readonly passes?: number;
  readonly reshuffles?: number;
  readonly seed?: string;
}

/**
 * Builds a mid-hand state from hands written by hand, for scenario tests. Cards
 * given nowhere go to the stock unless `stock` is given, in which case they are
 * left out (the state then fails the 52-card invariant on purpose).
 */
export function crazyEightsScenario(spec: ScenarioSpec): CrazyEightsState {
  const hands = spec.hands.map((text) => parseCards(text));
  const discard = parseCards(spec.discard);
  const placed = new Set<Card>([...hands.flat(), ...discard]);
  const stock = spec.stock !== undefined
    ? parseCards(spec.stock)
    : Array.from({ length: DECK_SIZE }, (_, c) => c).filter((c) => !placed.has(c));
  const seats = hands.length;
  const top = discard[discard.length - 1] ?? parseCard('2C')!;
  return {
    seats,
    drawRule: spec.drawRule ?? DrawRule.UntilPlayable,
    target: resolveTarget(spec.target ?? 'auto', seats),
    phase: CrazyEightsPhase.Play,
    hands,
    stock,
    discard,
    suit: spec.suit ?? suitOf(top),
    turn: spec.turn ?? 0,
    dealer: spec.dealer ?? seats - 1,
    drawn: spec.drawn ?? false,
    passes: spec.passes ?? 0,
    reshuffles: spec.reshuffles ?? 0,
    scores: spec.scores ?? new Array<number>(seats).fill(0),
    handNumber: 1,
    lastHandPoints: new Array<number>(seats).fill(0),
    lastHandWinner: -1,
    continued: new Array<boolean>(seats).fill(false),
    rng: Rng.fromSeed(spec.seed ?? 'scenario').state(),
  };
}
