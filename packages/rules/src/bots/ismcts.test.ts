/**
 * The ISMCTS bot on a toy game of its own (so these tests do not wait on a
 * real game) and on every registered game.
 */
import { describe, expect, it } from 'vitest';
import { CommonError } from '../game';
import type { Bot, GameDefinition, GameView, Seat } from '../game';
import { GAMES, botIds, findBot } from '../registry';
import { Rng } from '../rng';
import type { RngState } from '../rng';
import { randomBot } from './random';
import { ISMCTS_BOT_ID, createIsmctsBot, handRewards, scoreScaleOf } from './ismcts';

// ---------------------------------------------------------------------------
// Duel: two seats, cards 0-7 (higher is stronger), three each, two left out
// unseen. The leader plays a card, the other follows with any card, the
// higher card takes the trick and leads the next. After three tricks each
// seat scores a point per trick taken and both continue to a new deal; 5
// points win. Hidden hands and a
// clear best play (win cheaply, or throw the lowest card) make it a small test
// of search under hidden information.

const DUEL_CARDS = 8;
const DUEL_HAND = 3;
const DUEL_TARGET = 5;

type DuelPhase = 'play' | 'handOver' | 'gameOver';
type DuelMove = { readonly type: 'play'; readonly card: number } | { readonly type: 'continue' };

interface DuelState {
  readonly phase: DuelPhase;
  readonly hands: readonly (readonly number[])[];
  /** The two cards nobody holds this deal. */
  readonly outOfPlay: readonly number[];
  /** The card led to the current trick, -1 before the lead. */
  readonly led: number;
  readonly turn: Seat;
  /** Cards played this deal, in order. */
  readonly played: readonly number[];
  /** Tricks taken this deal, by seat. */
  readonly tricks: readonly number[];
  readonly scores: readonly number[];
  readonly continued: readonly boolean[];
  readonly rng: RngState;
}

type DuelPublic = {
  readonly phase: string;
  readonly active: readonly number[];
  readonly led: number;
  readonly turn: number;
  readonly played: readonly number[];
  readonly tricks: readonly number[];
  readonly handCounts: readonly number[];
  readonly scores: readonly number[];
  readonly continued: readonly boolean[];
};
type DuelView = GameView<DuelPublic, { readonly hand: readonly number[] }>;

function dealDuel(scores: readonly number[], rng: Rng, leader: Seat): DuelState {
  const deck = rng.shuffle(Array.from({ length: DUEL_CARDS }, (_, card) => card));
  return {
    phase: 'play',
    hands: [deck.slice(0, DUEL_HAND).sort(), deck.slice(DUEL_HAND, 2 * DUEL_HAND).sort()],
    outOfPlay: deck.slice(2 * DUEL_HAND),
    led: -1,
    turn: leader,
    played: [],
    tricks: [0, 0],
    scores,
    continued: [false, false],
    rng: rng.state(),
  };
}

function duelActive(state: DuelState): Seat[] {
  if (state.phase === 'play') return [state.turn];
  if (state.phase === 'handOver') return [0, 1].filter((seat) => !state.continued[seat]);
  return [];
}

function duelMoves(state: DuelState, seat: Seat): DuelMove[] {
  if (!duelActive(state).includes(seat)) return [];
  if (state.phase === 'handOver') return [{ type: 'continue' }];
  return state.hands[seat]!.map((card) => ({ type: 'play', card }));
}

function duelView(state: DuelState, seat: Seat | null): DuelView {
  return {
    seat,
    public: {
      phase: state.phase,
      active: duelActive(state),
      led: state.led,
      turn: state.turn,
      played: state.played.slice(),
      tricks: state.tricks.slice(),
      handCounts: state.hands.map((hand) => hand.length),
      scores: state.scores.slice(),
      continued: state.continued.slice(),
    },
    private: seat === null ? null : { hand: state.hands[seat]!.slice() },
  };
}

function duelApply(state: DuelState, seat: Seat, move: DuelMove): ReturnType<DuelGame['apply']> {
  if (!duelMoves(state, seat).some((legal) => JSON.stringify(legal) === JSON.stringify(move))) {
    return { ok: false, error: { code: CommonError.InvalidMove, message: 'Not a legal Duel move.' } };
  }
  if (move.type === 'continue') {
    const continued = state.continued.map((done, s) => done || s === seat);
    if (continued.some((done) => !done)) return { ok: true, state: { ...state, continued }, events: [] };
    return { ok: true, state: dealDuel(state.scores, Rng.fromState(state.rng), state.scores[0]! <= state.scores[1]! ? 0 : 1), events: [] };
  }
  const hands = state.hands.map((hand, s) => (s === seat ? hand.filter((card) => card !== move.card) : hand));
  const played = [...state.played, move.card];
  if (state.led < 0) return { ok: true, state: { ...state, hands, played, led: move.card, turn: 1 - seat }, events: [] };
  const winner = move.card > state.led ? seat : 1 - seat;
  const tricks = state.tricks.map((taken, s) => (s === winner ? taken + 1 : taken));
  if (hands[0]!.length > 0) return { ok: true, state: { ...state, hands, played, tricks, led: -1, turn: winner }, events: [] };
  const scores = state.scores.map((score, s) => score + tricks[s]!);
  const phase: DuelPhase = scores.some((score) => score >= DUEL_TARGET) ? 'gameOver' : 'handOver';
  return { ok: true, state: { ...state, hands, played, tricks, led: -1, turn: winner, scores, phase }, events: [] };
}

function duelDeterminize(view: DuelView, seat: Seat, rng: Rng): DuelState {
  const own = view.private?.hand ?? [];
  const unseen = rng.shuffle(
    Array.from({ length: DUEL_CARDS }, (_, card) => card).filter((card) => !own.includes(card) && !view.public.played.includes(card)),
  );
  const other = 1 - seat;
  const otherHand = unseen.slice(0, view.public.handCounts[other]).sort();
  const pub = view.public;
  return {
    phase: pub.phase as DuelPhase,
    hands: seat === 0 ? [own.slice(), otherHand] : [otherHand, own.slice()],
    outOfPlay: unseen.slice(otherHand.length),
    led: pub.led,
    turn: pub.turn,
    played: pub.played.slice(),
    tricks: pub.tricks.slice(),
    scores: pub.scores.slice(),
    continued: pub.continued.slice(),
    rng: rng.state(),
  };
}

type DuelGame = GameDefinition<DuelState, DuelMove, DuelView, Record<string, never>>;

function duelOutcome(state: DuelState): ReturnType<DuelGame['outcome']> {
  if (state.phase !== 'gameOver') return null;
  const winner: Seat = state.scores[0]! > state.scores[1]! ? 0 : 1;
  return { scores: state.scores.slice(), winners: [winner], ranking: [winner, 1 - winner] };
}

const duel: DuelGame = {
  id: 'duel',
  name: 'Duel',
  description: 'A test game: three hidden cards each, higher card takes the trick.',
  minSeats: 2,
  maxSeats: 2,
  options: [],
  defaultOptions: () => ({}),
  parseOptions: () => ({ ok: true, value: {} }),
  setup: (config) => dealDuel([0, 0], Rng.fromSeed(config.seed), 0),
  activeSeats: duelActive,
  legalMoves: duelMoves,
  apply: duelApply,
  view: duelView,
  privateView: (state, seat) => duelView(state, seat).private,
  legalMovesInView: () => [],
  moveErrorInView: () => null,
  eventsBetween: () => [],
  outcome: duelOutcome,
  scores: (state) => state.scores,
  determinize: duelDeterminize,
  rngState: (state) => state.rng,
  bots: { random: randomBot<DuelView, DuelMove>() },
  audit: { invariants: () => [], cardsInView: () => [], knownCards: () => new Set() },
};

/** Plays Duel to the end; returns the winning seat. */
function playDuel(seed: string, bots: readonly Bot<DuelView, DuelMove>[]): Seat {
  const rng = Rng.fromSeed(`${seed}/bots`);
  let state = duel.setup({ seed, seats: 2, options: {} });
  for (;;) {
    const seat = duelActive(state)[0];
    if (seat === undefined) return duelOutcome(state)!.winners[0]!;
    const move = bots[seat]!.choose(duelView(state, seat), duelMoves(state, seat), rng);
    const result = duelApply(state, seat, move);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
}

/** A poor heuristic: always the highest card, so it wastes the 7 on a 4 that the 5 takes. */
const highestCard: Bot<DuelView, DuelMove> = { id: 'heuristic', name: 'Highest card', choose: (_view, legal) => legal[legal.length - 1]! };
const lowestCard: Bot<DuelView, DuelMove> = { id: 'heuristic', name: 'Lowest card', choose: (_view, legal) => legal[0]! };

/** A Duel position: seat 1 must follow a led 4 holding 1, 5 and 7. */
function followingFour(): DuelState {
  return {
    phase: 'play',
    hands: [[0, 6], [1, 5, 7]],
    outOfPlay: [2, 3],
    led: 4,
    turn: 1,
    played: [4],
    tricks: [0, 0],
    scores: [2, 2],
    continued: [false, false],
    rng: Rng.fromSeed('position').state(),
  };
}

describe('ismcts on a toy game', () => {
  it('[ISMCTS-01] takes the trick as cheaply as it can: follows a 4 with the 5, not the 7', () => {
    const bot = createIsmctsBot(duel, { iterations: 400 });
    const state = followingFour();
    expect(bot.choose(duelView(state, 1), duelMoves(state, 1), Rng.fromSeed('a'))).toEqual({ type: 'play', card: 5 });
  });

  it('[ISMCTS-02] beats a random player over 100 seeded games', { timeout: 30_000 }, () => {
    const bot = createIsmctsBot(duel, { iterations: 100 });
    const random = randomBot<DuelView, DuelMove>();
    let wins = 0;
    for (let game = 0; game < 100; game++) {
      // Alternate seats so the first lead is no advantage to either bot.
      const seat = game % 2;
      const winner = playDuel(`duel-${game}`, seat === 0 ? [bot, random] : [random, bot]);
      if (winner === seat) wins++;
    }
    // A random player wins about half; a 60% floor is two standard deviations (5% over 100 games) above that.
    expect(wins / 100).toBeGreaterThan(0.6);
  });

  it('[ISMCTS-03] returns the only move without searching (continue between hands)', () => {
    let determinized = 0;
    const counting: DuelGame = { ...duel, determinize: (view, seat, rng) => (determinized++, duel.determinize(view, seat, rng)) };
    const state: DuelState = { ...followingFour(), phase: 'handOver', hands: [[], []], led: -1 };
    const move = createIsmctsBot(counting).choose(duelView(state, 0), duelMoves(state, 0), Rng.fromSeed('c'));
    expect(move).toEqual({ type: 'continue' });
    expect(determinized).toBe(0);
  });

  it('[ISMCTS-04] a time budget stops the search when the injected clock says so', () => {
    let determinized = 0;
    const counting: DuelGame = { ...duel, determinize: (view, seat, rng) => (determinized++, duel.determinize(view, seat, rng)) };
    const state = followingFour();
    // The clock reads the work done: 1 ms a sampled deal.
    const clock = () => determinized;
    const treeOnly = createIsmctsBot(counting, { timeMs: 40, now: clock, commonDeals: 0 });
    treeOnly.choose(duelView(state, 1), duelMoves(state, 1), Rng.fromSeed('d'));
    expect(determinized).toBe(40);
    // With the comparison, the tree stops at half the budget (20 deals) and the
    // comparison after the batch of 16 deals that crosses the deadline (20 + 16 + 16).
    determinized = 0;
    const withHeuristic: DuelGame = { ...counting, bots: { ...duel.bots, heuristic: highestCard } };
    createIsmctsBot(withHeuristic, { timeMs: 40, now: clock }).choose(duelView(state, 1), duelMoves(state, 1), Rng.fromSeed('d'));
    expect(determinized).toBe(52);
    expect(() => createIsmctsBot(duel, { timeMs: 25 })).toThrow(RangeError);
  });

  it('[ISMCTS-05] the same seed gives the same choice, drawing the same random numbers', () => {
    const bot = createIsmctsBot(duel, { iterations: 50 });
    const state = { ...followingFour(), hands: [[0, 4, 6], [1, 3, 5]], outOfPlay: [2, 7], led: -1, played: [], turn: 1 };
    const view = duelView(state, 1);
    const rng = Rng.fromSeed('same');
    const first = bot.choose(view, duelMoves(state, 1), rng);
    const after = rng.state();
    for (let i = 0; i < 3; i++) {
      const again = Rng.fromSeed('same');
      expect(bot.choose(view, duelMoves(state, 1), again)).toEqual(first);
      expect(again.state()).toEqual(after);
    }
  });

  it('[ISMCTS-11] overrules a heuristic move the search finds clearly worse, and keeps it otherwise', () => {
    const withHeuristic: DuelGame = { ...duel, bots: { ...duel.bots, heuristic: highestCard } };
    const state = followingFour();
    const view = duelView(state, 1);
    const legal = duelMoves(state, 1);
    expect(createIsmctsBot(withHeuristic).choose(view, legal, Rng.fromSeed('e'))).toEqual({ type: 'play', card: 5 });
    // The comparison on common deals alone finds it, with a single tree iteration...
    expect(createIsmctsBot(withHeuristic, { iterations: 1 }).choose(view, legal, Rng.fromSeed('e'))).toEqual({ type: 'play', card: 5 });
    // ...which on its own keeps the heuristic's move.
    const treeOnly = createIsmctsBot(withHeuristic, { iterations: 1, commonDeals: 0 });
    expect(treeOnly.choose(view, legal, Rng.fromSeed('e'))).toEqual({ type: 'play', card: 7 });
    const trusting = createIsmctsBot(withHeuristic, { anchorConfidence: Infinity });
    expect(trusting.choose(view, legal, Rng.fromSeed('e'))).toEqual({ type: 'play', card: 7 });
  });

  it('[ISMCTS-12] keeps the heuristic move when every rival ties it on common deals, and stops comparing after one batch', () => {
    // Seat 0 led the 7; seat 1 holds 0 and 1. Whatever it keeps, seat 0's last card is higher: both moves lose both tricks.
    const state: DuelState = {
      ...followingFour(),
      hands: [[6], [0, 1]],
      outOfPlay: [2, 4],
      led: 7,
      played: [5, 3, 7],
      tricks: [1, 0],
    };
    let determinized = 0;
    for (const heuristic of [highestCard, lowestCard]) {
      const game: DuelGame = {
        ...duel,
        determinize: (view, seat, rng) => (determinized++, duel.determinize(view, seat, rng)),
        bots: { ...duel.bots, heuristic },
      };
      determinized = 0;
      const move = createIsmctsBot(game, { iterations: 10 }).choose(duelView(state, 1), duelMoves(state, 1), Rng.fromSeed('tie'));
      expect(move).toEqual(heuristic === highestCard ? { type: 'play', card: 1 } : { type: 'play', card: 0 });
      expect(determinized).toBe(10 + 16);
    }
  });

  it('[ISMCTS-13] pairs moves on the same deals, so a small edge shows through a large luck of the deal', () => {
    // Lucky Duel: the hand's last trick also hands a bonus of 0-19 points to a seat picked by the deal's
    // own generator. The bonus swamps the one trick that the 5 saves over the 7, but it is the same
    // for both moves on one deal, so their paired difference keeps only the trick.
    const lucky: DuelGame = {
      ...duel,
      bots: { ...duel.bots, heuristic: highestCard },
      apply: (state, seat, move) => {
        const result = duel.apply(state, seat, move);
        if (!result.ok || result.state.scores === state.scores) return result;
        const dice = Rng.fromState(state.rng);
        const bonus = dice.int(20);
        const lucky = dice.int(2);
        const scores = result.state.scores.map((score, s) => (s === lucky ? score + bonus : score));
        return { ...result, state: { ...result.state, scores } };
      },
    };
    const state = followingFour();
    const view = duelView(state, 1);
    const legal = duelMoves(state, 1);
    const treeOnly = createIsmctsBot(lucky, { iterations: 300, commonDeals: 0 });
    expect(treeOnly.choose(view, legal, Rng.fromSeed('luck'))).toEqual({ type: 'play', card: 7 });
    const paired = createIsmctsBot(lucky, { iterations: 1, commonRollouts: 150 });
    expect(paired.choose(view, legal, Rng.fromSeed('luck'))).toEqual({ type: 'play', card: 5 });
  });

  it('[ISMCTS-06] learns the direction of the scores: higher wins in Duel', () => {
    const scale = scoreScaleOf(duel, 2);
    expect(scale.lowerWins).toBe(false);
    // Every Duel hand scores its three tricks.
    expect(scale.handSpread).toBe(3);
  });
});

describe('ismcts hand rewards', () => {
  const hearts = { lowerWins: true, handSpread: 26 };
  it('[ISMCTS-07] in a lower-wins game the seat that took fewest points gets the most, the moon shooter most of all', () => {
    const [clean, some, queen] = handRewards([0, 0, 0, 0], [0, 4, 13, 9], hearts);
    expect(clean!).toBeGreaterThan(some!);
    expect(some!).toBeGreaterThan(queen!);
    const moon = handRewards([10, 10, 10, 10], [10, 36, 36, 36], hearts);
    expect(moon[0]!).toBeGreaterThan(clean!);
    expect(moon[1]!).toBeLessThan(0.5);
    for (const reward of [...moon, clean!, queen!]) expect(reward).toBeGreaterThanOrEqual(0);
  });

  it('[ISMCTS-08] in a higher-wins game the hand winner gets the most, more for a bigger hand', () => {
    const eights = { lowerWins: false, handSpread: 40 };
    const small = handRewards([0, 0, 0, 0], [0, 0, 12, 0], eights);
    const big = handRewards([0, 0, 0, 0], [0, 0, 80, 0], eights);
    expect(small[2]!).toBeGreaterThan(small[0]!);
    expect(big[2]!).toBeGreaterThan(small[2]!);
    expect(big[2]!).toBeLessThanOrEqual(1);
    expect(handRewards([5, 5], [5, 5], eights)).toEqual([0.5, 0.5]);
  });
});

describe('ismcts on the registered games', () => {
  it('[ISMCTS-09] every game that can determinize offers the ismcts bot', () => {
    for (const game of GAMES) {
      expect(findBot(game, ISMCTS_BOT_ID)?.id).toBe(ISMCTS_BOT_ID);
      expect(botIds(game)).toContain(ISMCTS_BOT_ID);
    }
  });

  it('[ISMCTS-10] sees only its own view: two deals that look the same to it get the same move', { timeout: 30_000 }, () => {
    for (const game of [duel, ...GAMES] as typeof GAMES) {
      const seats = Math.max(game.minSeats, Math.min(4, game.maxSeats));
      const bot = createIsmctsBot(game, { iterations: 60 });
      const walk = Rng.fromSeed(`walk/${game.id}`);
      let state: unknown = game.setup({ seed: `same-view/${game.id}`, seats, options: game.defaultOptions(seats) });
      let checked = 0;
      // Walk a game with random play and check the first few real decisions.
      for (let step = 0; step < 400 && checked < 3; step++) {
        const active: readonly Seat[] = game.activeSeats(state);
        if (active.length === 0) break;
        const seat = active[0]!;
        const legal = game.legalMoves(state, seat);
        if (legal.length > 1 && legal.length <= 64) {
          const other: unknown = game.determinize(game.view(state, seat), seat, Rng.fromSeed(`other/${step}`));
          expect(game.view(other, seat)).toEqual(game.view(state, seat));
          expect(JSON.stringify(other)).not.toBe(JSON.stringify(state));
          const mine = bot.choose(game.view(state, seat), legal, Rng.fromSeed(`choose/${step}`));
          const theirs = bot.choose(game.view(other, seat), game.legalMoves(other, seat), Rng.fromSeed(`choose/${step}`));
          expect(theirs).toEqual(mine);
          checked++;
        }
        const result = game.apply(state, seat, walk.pick(legal));
        if (!result.ok) throw new Error(result.error.message);
        state = result.state;
      }
      expect(checked).toBe(3);
    }
  });
});
