/**
 * A strong bot for any game: single-observer information-set Monte Carlo tree
 * search (SO-ISMCTS; Cowling, Powley & Whitehouse, "Information Set Monte
 * Carlo Tree Search", IEEE TCIAIG 4(2), 2012).
 *
 * One tree is grown from the bot's own view. Each iteration samples a fresh
 * full deal consistent with that view (`determinize`), walks down the tree
 * through the moves that are legal in that deal (UCB1 with availability
 * counts), adds one new move, plays on to the end of the HAND (the game's
 * `heuristic` bot, or random moves) and backs up a reward for every seat from
 * how the hand moved the scores. The bot reads nothing but its view, so it
 * cannot cheat, and draws all randomness from the `rng` it is handed, so a
 * seed replays its choices.
 *
 * The move is then settled on common deals: the game's `heuristic` choice
 * (the anchor; without one, the tree's most visited move) and its rivals are
 * played out from the same sampled deals with the same rollout dice, and a
 * rival is played only when its paired gain over the anchor is clearly above
 * zero. A single rollout's reward is mostly the luck of the deal; in a paired
 * difference that luck cancels, so a few dozen deals tell moves apart that
 * hundreds of independent rollouts cannot.
 *
 * Only the contract is used: a hand ends when the scores change, the game
 * ends, or every seat must acknowledge at once (`continue`); which way scores
 * point is learned from the game (`scoreScaleOf`).
 */
import type { AnyGame, Bot, EventBase, GameDefinition, GameView, MoveBase, Seat, WireRecord } from '../game';
import { Rng } from '../rng';
import type { RngState } from '../rng';

export const ISMCTS_BOT_ID = 'ismcts';

/**
 * Tree iterations per decision when no budget is given. With the comparison on
 * common deals after it, sized to the speed target (median 50 ms, p99 200 ms
 * per decision; figures in the rules README).
 */
export const DEFAULT_ISMCTS_ITERATIONS = 100;

/** At most this many deals are shared by the anchor and its rivals (`commonDeals`). */
export const DEFAULT_COMMON_DEALS = 128;

/** At most this many rollouts are spent comparing on common deals (`commonRollouts`). */
export const DEFAULT_COMMON_ROLLOUTS = 256;

/** UCB1 constant for rewards in [0, 1]; 0.7 is the value Cowling et al. use. */
export const DEFAULT_ISMCTS_EXPLORATION = 0.7;

/** How a rollout picks moves after the tree: uniformly at random, or as the game's `heuristic` bot would. */
export const RolloutPolicy = {
  Random: 'random',
  Heuristic: 'heuristic',
} as const;
export type RolloutPolicy = (typeof RolloutPolicy)[keyof typeof RolloutPolicy];

export interface IsmctsOptions {
  /** Tree iterations per decision. Default `DEFAULT_ISMCTS_ITERATIONS`, or unbounded when only `timeMs` is given. */
  readonly iterations?: number;
  /**
   * Milliseconds per decision, measured with `now`: the tree search stops at
   * half of it, the comparison on common deals at all of it (between batches
   * of deals). With `iterations` too, whichever runs out first stops the tree.
   * A time budget makes choices depend on the machine's speed, so seeded
   * replays need `iterations` alone.
   */
  readonly timeMs?: number;
  /** A millisecond clock (`performance.now`), passed in because the rules package reads no clock itself. */
  readonly now?: () => number;
  /** UCB1 exploration constant; default `DEFAULT_ISMCTS_EXPLORATION`. */
  readonly exploration?: number;
  /** Default `heuristic` when the game has such a bot, else `random`. */
  readonly rollout?: RolloutPolicy;
  /** A rollout that has not reached the end of the hand after this many moves stops and is scored as it stands. */
  readonly maxRolloutMoves?: number;
  /**
   * A decision with more legal moves than this (the Hearts pass: 286 ways to
   * choose three cards) goes to the game's `heuristic` bot when it has one:
   * so wide a root would spread the budget to a few visits a move.
   */
  readonly maxSearchedMoves?: number;
  /**
   * The anchor (the `heuristic` bot's choice, or the most visited move in a
   * game without one) is played unless a rival's mean paired gain over it on
   * common deals is this many standard errors above zero (with `commonDeals:
   * 0`, its mean reward in the tree that many standard errors above the
   * anchor's). Infinity: always the heuristic; 0: plain ISMCTS, the most
   * visited move, with no comparison.
   */
  readonly anchorConfidence?: number;
  /**
   * The most deals on which the anchor and its rivals are played out
   * together, in batches of 16, dropping after each batch the rivals that
   * cannot catch up; default `DEFAULT_COMMON_DEALS`. 0: decide from the tree.
   */
  readonly commonDeals?: number;
  /** The most rollouts the comparison may spend; default `DEFAULT_COMMON_ROLLOUTS`. */
  readonly commonRollouts?: number;
  /** At most this many root moves, the anchor included, are compared (the tree's best first); default 8. */
  readonly commonMoves?: number;
}

const DEFAULT_MAX_ROLLOUT_MOVES = 1_000;
const DEFAULT_MAX_SEARCHED_MOVES = 64;
/**
 * Two standard errors: the best of several equally good moves often looks one
 * standard error better by chance (with five alternatives, more than half the
 * time), and one that did cost Crazy Eights games against its heuristic.
 */
const DEFAULT_ANCHOR_CONFIDENCE = 2;
const DEFAULT_COMMON_MOVES = 8;
/** Deals per batch of the comparison: enough for a first standard error. */
const COMMON_BATCH = 16;
/**
 * After each batch a rival is dropped unless its mean gain plus half a standard
 * error is above zero: most rivals are no better than the anchor, and this
 * stops their rollouts early; a rival that is better seldom looks that bad.
 */
const COMMON_DROP_CONFIDENCE = 0.5;

/** One move in the tree: the statistics of the seat that made it. */
interface TreeNode {
  readonly key: string;
  readonly move: MoveBase | null;
  /** The seat that made `move` (its reward is the one summed in `total`). */
  readonly seat: Seat;
  readonly children: Map<string, TreeNode>;
  visits: number;
  /** How many times this move was legal when its parent was chosen from (the UCB1 availability count). */
  available: number;
  total: number;
  /** Sum of squared rewards, for the variance of the mean. */
  totalSquares: number;
}

/**
 * How a game's scores turn into a reward, learned from the game itself (see
 * `scoreScaleOf`), so the bot needs nothing from a game beyond the contract.
 */
export interface ScoreScale {
  /** Lower scores win (Hearts), rather than higher (Crazy Eights). */
  readonly lowerWins: boolean;
  /** Mean total of score changes in one hand, summed over seats (Hearts: 26). */
  readonly handSpread: number;
}

type IsmctsGame<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>> = GameDefinition<
  State,
  Move,
  View,
  unknown,
  EventBase
>;

/** A search bot over any game; see the module comment. Throws on a budget that cannot work (a bug in the caller). */
export function createIsmctsBot<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>>(
  game: IsmctsGame<State, Move, View>,
  options: IsmctsOptions = {},
): Bot<View, Move> {
  const { timeMs, now } = options;
  const iterations = options.iterations ?? (timeMs === undefined ? DEFAULT_ISMCTS_ITERATIONS : Infinity);
  const exploration = options.exploration ?? DEFAULT_ISMCTS_EXPLORATION;
  const maxRolloutMoves = options.maxRolloutMoves ?? DEFAULT_MAX_ROLLOUT_MOVES;
  const maxSearchedMoves = options.maxSearchedMoves ?? DEFAULT_MAX_SEARCHED_MOVES;
  const heuristic = game.bots['heuristic'];
  const anchorConfidence = options.anchorConfidence ?? DEFAULT_ANCHOR_CONFIDENCE;
  const commonDeals = options.commonDeals ?? DEFAULT_COMMON_DEALS;
  const commonRollouts = options.commonRollouts ?? DEFAULT_COMMON_ROLLOUTS;
  const commonMoves = options.commonMoves ?? DEFAULT_COMMON_MOVES;
  const rollout = options.rollout ?? (heuristic ? RolloutPolicy.Heuristic : RolloutPolicy.Random);
  let rolloutBot: Bot<View, Move> | null;
  switch (rollout) {
    case RolloutPolicy.Random:
      rolloutBot = null;
      break;
    case RolloutPolicy.Heuristic:
      if (!heuristic) throw new RangeError(`ismcts: ${game.id} has no heuristic bot for rollouts`);
      rolloutBot = heuristic;
      break;
    default: {
      const never: never = rollout;
      throw new RangeError(`ismcts: unknown rollout policy ${String(never)}`);
    }
  }
  if (timeMs !== undefined && (now === undefined || !(timeMs > 0))) {
    throw new RangeError('ismcts: timeMs needs a positive number of milliseconds and a clock in `now`');
  }
  if (!(iterations >= 1)) throw new RangeError(`ismcts: iterations must be at least 1 (got ${iterations})`);
  if (!(commonDeals >= 0) || !(commonRollouts >= 0) || !(commonMoves >= 1)) {
    throw new RangeError('ismcts: commonDeals and commonRollouts must not be negative, commonMoves at least 1');
  }

  return {
    id: ISMCTS_BOT_ID,
    name: 'Expert',
    choose(view, legalMoves, rng) {
      const only = legalMoves[0];
      if (only === undefined) throw new RangeError('ismcts: choose needs at least one legal move');
      if (legalMoves.length === 1) return only;
      if (legalMoves.length > maxSearchedMoves && heuristic) return heuristic.choose(view, legalMoves, rng);
      const observer = view.seat;
      if (observer === null) throw new RangeError('ismcts: a spectator view has no moves to choose');

      const root = newNode('', null, -1);
      const started = now?.() ?? 0;
      const search: Search<State, Move, View> = { game, view, observer, rng, exploration, maxRolloutMoves, rolloutBot };
      const compare = commonDeals > 0 && commonRollouts > 0 && anchorConfidence > 0;
      const treeMs = timeMs === undefined ? Infinity : compare ? timeMs / 2 : timeMs;
      for (let done = 0; done < iterations; done++) {
        if (done > 0 && treeMs < Infinity && now!() - started >= treeMs) break;
        iterate(search, root, game.determinize(view, observer, rng));
      }
      const anchor = heuristic && anchorConfidence > 0 ? heuristic.choose(view, legalMoves, rng) : null;
      if (!compare) return decide(root, legalMoves, anchor, anchorConfidence);
      const leader = anchor ?? decide(root, legalMoves, null, 0);
      const outOfTime = timeMs === undefined ? () => false : () => now!() - started >= timeMs;
      return compareOnCommonDeals(search, rivalsOf(root, legalMoves, leader, commonMoves), {
        maxDeals: commonDeals,
        maxRollouts: commonRollouts,
        confidence: anchorConfidence,
        outOfTime,
      });
    },
  };
}

function newNode(key: string, move: MoveBase | null, seat: Seat): TreeNode {
  return { key, move, seat, children: new Map(), visits: 0, available: 1, total: 0, totalSquares: 0 };
}

const keys = new WeakMap<object, string>();

/** Moves are compared across deals by content: the same card played is the same move in every deal. */
function moveKey(move: MoveBase): string {
  let key = keys.get(move);
  if (key === undefined) {
    key = JSON.stringify(move);
    keys.set(move, key);
  }
  return key;
}

/** What one search holds fixed across its iterations. */
interface Search<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>> {
  readonly game: IsmctsGame<State, Move, View>;
  readonly view: View;
  readonly observer: Seat;
  readonly rng: Rng;
  readonly exploration: number;
  readonly maxRolloutMoves: number;
  /** Null: uniformly random rollouts. */
  readonly rolloutBot: Bot<View, Move> | null;
}

/** One ISMCTS iteration on one sampled deal: select, expand, roll out, back up. */
function iterate<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>>(
  search: Search<State, Move, View>,
  root: TreeNode,
  deal: State,
): void {
  const { game, observer, rng, exploration } = search;
  const before = game.scores(deal).slice();
  const path: TreeNode[] = [root];
  let node = root;
  let state = deal;
  let expanded = false;
  // Selection and expansion. At the root the observer acts, even in a phase
  // where several seats act at once (the pass); below it, the lowest active seat.
  for (let depth = 0; !expanded; depth++) {
    const seat = depth === 0 ? observer : handTurn(game, state, before);
    if (seat < 0) break;
    const legal = game.legalMoves(state, seat);
    if (legal.length === 0) throw new Error(`ismcts: ${game.id} determinization gives seat ${seat} no legal move`);
    const untried: Move[] = [];
    for (const move of legal) if (!node.children.has(moveKey(move))) untried.push(move);
    let move: Move;
    if (untried.length > 0) {
      move = untried[rng.int(untried.length)]!;
      const child = newNode(moveKey(move), move, seat);
      node.children.set(child.key, child);
      node = child;
      expanded = true;
    } else {
      // UCB1 over the moves legal in this deal; each of them was available for this choice.
      let best: TreeNode | null = null;
      let bestMove: Move = legal[0]!;
      let bestScore = -Infinity;
      for (const candidate of legal) {
        const child = node.children.get(moveKey(candidate))!;
        child.available++;
        const score = child.total / child.visits + exploration * Math.sqrt(Math.log(child.available) / child.visits);
        if (score > bestScore) {
          bestScore = score;
          best = child;
          bestMove = candidate;
        }
      }
      move = bestMove;
      node = best!;
    }
    path.push(node);
    state = applyOrThrow(game, state, seat, move);
  }

  const end = rollout(search, state, before, rng);
  const rewards = handRewards(before, game.scores(end), scoreScaleOf(game, before.length));
  for (const visited of path) {
    visited.visits++;
    if (visited.seat < 0) continue;
    const reward = rewards[visited.seat]!;
    visited.total += reward;
    visited.totalSquares += reward * reward;
  }
}

/** Plays on to the end of the hand that was being played when the scores were `before`. */
function rollout<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>>(
  search: Search<State, Move, View>,
  start: State,
  before: readonly number[],
  rng: Rng,
): State {
  const { game, rolloutBot } = search;
  let state = start;
  for (let step = 0; step < search.maxRolloutMoves; step++) {
    const seat = handTurn(game, state, before);
    if (seat < 0) break;
    const legal = game.legalMoves(state, seat);
    const move =
      legal.length === 1 ? legal[0]! : rolloutBot ? rolloutBot.choose(game.view(state, seat), legal, rng) : legal[rng.int(legal.length)]!;
    state = applyOrThrow(game, state, seat, move);
  }
  return state;
}

/**
 * The anchor first, then the other root moves by their mean reward in the
 * tree (moves it never tried last), at most `limit` in all.
 */
function rivalsOf<Move extends MoveBase>(root: TreeNode, legalMoves: readonly Move[], anchor: Move, limit: number): Move[] {
  const anchorKey = moveKey(anchor);
  const treeMean = (move: Move): number => {
    const child = root.children.get(moveKey(move));
    return child === undefined || child.visits === 0 ? -Infinity : meanOf(child);
  };
  const others = legalMoves.filter((move) => moveKey(move) !== anchorKey);
  // Array sort is stable: among equals the legal-move order stands, so the choice replays.
  others.sort((a, b) => treeMean(b) - treeMean(a));
  return [anchor, ...others.slice(0, limit - 1)];
}

/** A root move compared with the anchor on common deals: sums of its paired gains. */
interface Rival<Move> {
  readonly move: Move;
  deals: number;
  gain: number;
  squares: number;
}

/** What the comparison on common deals may spend, and how sure it must be. */
interface CommonPlan {
  readonly maxDeals: number;
  readonly maxRollouts: number;
  /** Standard errors by which a rival's mean paired gain must clear zero. */
  readonly confidence: number;
  readonly outOfTime: () => boolean;
}

/**
 * Settles the move with common random numbers: the anchor (`candidates[0]`)
 * and every rival still in the race are played out from the same sampled deal
 * with the same rollout dice, batch after batch; a rival whose paired gain is
 * below zero by more than half a standard error is dropped. The best rival
 * whose mean gain is `confidence` standard errors above zero is played;
 * otherwise the anchor.
 */
function compareOnCommonDeals<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>>(
  search: Search<State, Move, View>,
  candidates: readonly Move[],
  plan: CommonPlan,
): Move {
  const { game, view, observer, rng } = search;
  const anchor = candidates[0]!;
  let alive: Rival<Move>[] = candidates.slice(1).map((move) => ({ move, deals: 0, gain: 0, squares: 0 }));
  let deals = 0;
  let rollouts = 0;
  while (alive.length > 0 && deals < plan.maxDeals && rollouts < plan.maxRollouts && !plan.outOfTime()) {
    for (let b = 0; b < COMMON_BATCH && deals < plan.maxDeals && rollouts < plan.maxRollouts; b++, deals++) {
      const deal = game.determinize(view, observer, rng);
      const before = game.scores(deal).slice();
      const scale = scoreScaleOf(game, before.length);
      const dice: RngState = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
      const rewardOf = (move: Move): number => {
        const end = rollout(search, applyOrThrow(game, deal, observer, move), before, Rng.fromState(dice));
        return handRewards(before, game.scores(end), scale)[observer]!;
      };
      const base = rewardOf(anchor);
      for (const rival of alive) {
        const gain = rewardOf(rival.move) - base;
        rival.deals++;
        rival.gain += gain;
        rival.squares += gain * gain;
      }
      rollouts += 1 + alive.length;
    }
    // A rival that has tied the anchor on every deal so far (another small club on a trick lost anyway) goes too.
    alive = alive.filter((rival) => gainBound(rival, COMMON_DROP_CONFIDENCE) > 0);
  }
  let best = anchor;
  let bestGain = -Infinity;
  for (const rival of alive) {
    const mean = rival.gain / rival.deals;
    if (gainBound(rival, -plan.confidence) > 0 && mean > bestGain) {
      bestGain = mean;
      best = rival.move;
    }
  }
  return best;
}

/** The rival's mean paired gain plus `z` standard errors (minus, for a negative `z`). */
function gainBound(rival: Rival<unknown>, z: number): number {
  if (rival.deals < 2) return z > 0 ? Infinity : -Infinity;
  const mean = rival.gain / rival.deals;
  const variance = Math.max(0, (rival.squares - rival.deals * mean * mean) / (rival.deals - 1));
  return mean + z * Math.sqrt(variance / rival.deals);
}

/**
 * The seat to act next within the hand that was being played, or -1 once that
 * hand is over: the game ended, the scores moved, or every seat must
 * acknowledge at once with a single move (the `continue` between hands; a
 * hand that scored nothing ends there too).
 */
function handTurn<State>(game: AnyGame, state: State, before: readonly number[]): Seat {
  const active: readonly Seat[] = game.activeSeats(state);
  if (active.length === 0) return -1;
  const scores: readonly number[] = game.scores(state);
  for (let s = 0; s < before.length; s++) if (scores[s] !== before[s]) return -1;
  if (active.length > 1 && game.legalMoves(state, active[0]!).length === 1) return -1;
  return active[0]!;
}

function applyOrThrow<State, Move extends MoveBase, View extends GameView<WireRecord, WireRecord>>(
  game: IsmctsGame<State, Move, View>,
  state: State,
  seat: Seat,
  move: Move,
): State {
  const result = game.apply(state, seat, move);
  if (!result.ok) throw new Error(`ismcts: ${game.id} refused its own legal move ${moveKey(move)}: ${result.error.code}`);
  return result.state;
}

/**
 * Each seat's reward in [0, 1] for one hand, from the change of the game
 * scores: half for its rank against each other seat (ties count half), half
 * for its margin over the others' mean, in units of a typical hand's points.
 * Relative terms reward what wins games: a moon shot in Hearts (others +26)
 * and a big Crazy Eights hand count in full.
 */
export function handRewards(before: readonly number[], after: readonly number[], scale: ScoreScale): number[] {
  const seats = before.length;
  const gains = before.map((score, s) => (scale.lowerWins ? score - after[s]! : after[s]! - score));
  const sum = gains.reduce((a, b) => a + b, 0);
  return gains.map((gain) => {
    let beaten = 0;
    for (const other of gains) beaten += gain > other ? 1 : gain === other ? 0.5 : 0;
    const rank = (beaten - 0.5) / (seats - 1); // minus the half for tying itself
    const margin = (gain - (sum - gain) / (seats - 1)) / scale.handSpread;
    return 0.5 * rank + 0.25 * (1 + Math.max(-1, Math.min(1, margin)));
  });
}

/**
 * The root move to play. Without an anchor, the move searched most (the
 * robust child). With one (the heuristic bot's choice), the anchor stands
 * unless another move's mean reward beats it by `confidence` standard errors:
 * where a few hundred noisy rollouts cannot tell moves apart (Crazy Eights),
 * the search then plays as well as the heuristic instead of at random, and
 * where they can (Hearts), it overrules it.
 */
function decide<Move extends MoveBase>(root: TreeNode, legalMoves: readonly Move[], anchor: Move | null, confidence: number): Move {
  if (anchor !== null) {
    const held = root.children.get(moveKey(anchor));
    if (held === undefined || held.visits < 2) return anchor;
    let best = anchor;
    let bestMargin = 0;
    for (const move of legalMoves) {
      const child = root.children.get(moveKey(move));
      if (child === undefined || child === held || child.visits < 2) continue;
      const margin = meanOf(child) - meanOf(held) - confidence * Math.sqrt(errorOf(child) + errorOf(held));
      if (margin > bestMargin) {
        bestMargin = margin;
        best = move;
      }
    }
    return best;
  }
  let best = legalMoves[0]!;
  let bestVisits = -1;
  for (const move of legalMoves) {
    const visits = root.children.get(moveKey(move))?.visits ?? 0;
    if (visits > bestVisits) {
      bestVisits = visits;
      best = move;
    }
  }
  return best;
}

function meanOf(node: TreeNode): number {
  return node.total / node.visits;
}

/** Squared standard error of the node's mean reward. */
function errorOf(node: TreeNode): number {
  const mean = meanOf(node);
  const variance = Math.max(0, (node.totalSquares - node.visits * mean * mean) / (node.visits - 1));
  return variance / node.visits;
}

const CALIBRATION_HANDS = 30;
const CALIBRATION_MAX_MOVES = 20_000;
const calibrations = new WeakMap<AnyGame, Map<number, ScoreScale>>();

/**
 * Learns which way a game's scores point and how many points a hand moves by
 * playing a few games at random from fixed seeds: the contract says who won
 * (`outcome.winners`) but not whether that means the lowest or the highest
 * score. Deterministic, and cached per game and table size.
 */
export function scoreScaleOf(game: AnyGame, seats: number): ScoreScale {
  let bySeats = calibrations.get(game);
  if (bySeats === undefined) {
    bySeats = new Map();
    calibrations.set(game, bySeats);
  }
  const known = bySeats.get(seats);
  if (known !== undefined) return known;

  const rng = Rng.fromSeed(`ismcts-calibration/${game.id}/${seats}`);
  let lowerWins: boolean | undefined;
  let hands = 0;
  let spread = 0;
  let moves = 0;
  for (let g = 0; moves < CALIBRATION_MAX_MOVES && (lowerWins === undefined || hands < CALIBRATION_HANDS); g++) {
    let state: unknown = game.setup({ seed: `calibration-${g}`, seats, options: game.defaultOptions(seats) });
    let scores: readonly number[] = game.scores(state).slice();
    for (; moves < CALIBRATION_MAX_MOVES; moves++) {
      const active: readonly Seat[] = game.activeSeats(state);
      if (active.length === 0) break;
      const legal: readonly MoveBase[] = game.legalMoves(state, active[0]!);
      const result = game.apply(state, active[0]!, rng.pick(legal));
      if (!result.ok) throw new Error(`ismcts: ${game.id} refused its own legal move: ${result.error.code}`);
      state = result.state;
      const next: readonly number[] = game.scores(state);
      let moved = 0;
      for (let s = 0; s < seats; s++) moved += Math.abs(next[s]! - scores[s]!);
      if (moved > 0) {
        hands++;
        spread += moved;
        scores = next.slice();
      }
    }
    const outcome = game.outcome(state);
    if (outcome !== null && lowerWins === undefined) {
      const best = outcome.scores[outcome.winners[0]!]!;
      if (best !== Math.max(...outcome.scores)) lowerWins = true;
      else if (best !== Math.min(...outcome.scores)) lowerWins = false;
    }
  }
  const scale: ScoreScale = { lowerWins: lowerWins ?? false, handSpread: hands > 0 ? spread / hands : 1 };
  bySeats.set(seats, scale);
  return scale;
}
