import { playGame } from '../../play';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardOf, parseCard, parseCards } from '../../cards';
import type { Card } from '../../cards';
import { Rng } from '../../rng';
import { handSize } from './apply';
import { crazyEights } from './crazyEights';
import { resolveTarget } from './state';
import type { CrazyEightsMove, CrazyEightsOptions, CrazyEightsState } from './state';
import { crazyEightsScenario } from './testing';

const game = crazyEights;
const c = (text: string): Card => parseCard(text)!;

function ok(state: CrazyEightsState, seat: number, move: unknown): CrazyEightsState {
  const result = game.apply(state, seat, move as CrazyEightsMove);
  if (!result.ok) throw new Error(`${JSON.stringify(move)} refused: ${result.error.message}`);
  return result.state;
}

function errorCode(state: CrazyEightsState, seat: number, move: unknown): string | null {
  const result = game.apply(state, seat, move as CrazyEightsMove);
  return result.ok ? null : result.error.code;
}

function newGame(seed: string, seats: number, options: Partial<CrazyEightsOptions> = {}): CrazyEightsState {
  return game.setup({ seed, seats, options: { ...game.defaultOptions(seats), ...options } });
}

/** Plays random legal moves until game over (or a move cap), calling `visit` before each move. */
function playRandom(
  state: CrazyEightsState,
  rng: Rng,
  visit: (state: CrazyEightsState) => void = () => {},
  maxMoves = 20000,
): CrazyEightsState {
  for (let i = 0; i < maxMoves && game.outcome(state) === null; i++) {
    visit(state);
    const seat = game.activeSeats(state)[0]!;
    state = ok(state, seat, rng.pick(game.legalMoves(state, seat)));
  }
  return state;
}

describe('crazy eights: dealing and options', () => {
  it('[C8-02] two players get 7 cards, three to six get 5', () => {
    expect(newGame('d', 2).hands.map((h) => h.length)).toEqual([7, 7]);
    for (const seats of [3, 4, 5, 6]) {
      const state = newGame('d', seats);
      expect(state.hands.map((h) => h.length)).toEqual(new Array(seats).fill(5));
      expect(state.stock.length).toBe(52 - seats * handSize(seats) - 1);
    }
  });

  it('[C8-03] one card starts the discard pile, its suit is the suit, left of the dealer plays first', () => {
    for (let i = 0; i < 50; i++) {
      const state = newGame(`start-${i}`, 4);
      expect(state.discard).toHaveLength(1);
      expect(state.suit).toBe(Math.floor(state.discard[0]! / 13));
      expect(game.activeSeats(state)).toEqual([(state.dealer + 1) % 4]);
      expect(game.audit.invariants(state)).toEqual([]);
    }
  });

  it('[C8-03] a starting 8 sets its own suit', () => {
    let found = false;
    for (let i = 0; i < 400 && !found; i++) {
      const state = newGame(`eight-${i}`, 3);
      const top = state.discard[0]!;
      if (top % 13 === 6) {
        found = true;
        expect(state.suit).toBe(Math.floor(top / 13));
      }
    }
    expect(found).toBe(true);
  });

  it('[C8-12] the auto target is 50 per player', () => {
    expect(resolveTarget('auto', 2)).toBe(100);
    expect(resolveTarget('auto', 4)).toBe(200);
    expect(newGame('t', 2).target).toBe(100);
    expect(newGame('t', 4).target).toBe(200);
    expect(newGame('t', 6).target).toBe(300);
    expect(newGame('t', 4, { target: 150 }).target).toBe(150);
    expect(game.view(newGame('t', 3), 0).public.target).toBe(150);
  });

  it('[C8-12] options are validated with every problem listed', () => {
    expect(game.parseOptions(undefined, 4)).toEqual({ ok: true, value: { drawRule: 'untilPlayable', target: 'auto' } });
    expect(game.parseOptions({ drawRule: 'drawOne', target: 300 }, 4)).toEqual({
      ok: true,
      value: { drawRule: 'drawOne', target: 300 },
    });
    const bad = game.parseOptions({ drawRule: 'never', target: 70, jokers: true }, 4);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.problems).toHaveLength(3);
  });

  it('[C8-13] the same seed deals the same game', () => {
    const a = playRandom(newGame('same', 4), Rng.fromSeed('moves'));
    const b = playRandom(newGame('same', 4), Rng.fromSeed('moves'));
    expect(a).toEqual(b);
    expect(newGame('same', 4).hands).not.toEqual(newGame('other', 4).hands);
  });
});

describe('crazy eights: playing', () => {
  const base = { hands: ['5S 9H 8D KC', 'QH 2C'], discard: '4C 9S' };

  it('[C8-04] a card matching the suit or the rank is playable; others are refused with the top card named', () => {
    const state = crazyEightsScenario(base);
    expect(game.apply(state, 0, { type: 'play', card: c('5S') }).ok).toBe(true);
    expect(game.apply(state, 0, { type: 'play', card: c('9H') }).ok).toBe(true);
    const refused = game.apply(state, 0, { type: 'play', card: c('KC') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CARD_DOES_NOT_MATCH');
      expect(refused.error.message).toContain('Nine of spades');
      expect(refused.error.message).toContain('spades');
    }
    const after = ok(state, 0, { type: 'play', card: c('9H') });
    expect(after.suit).toBe(3);
    expect(after.turn).toBe(1);
    expect(after.hands[0]).toEqual(parseCards('5S 8D KC'));
  });

  it('[C8-05] an 8 needs a named suit, which becomes the suit to follow', () => {
    const state = crazyEightsScenario(base);
    expect(errorCode(state, 0, { type: 'play', card: c('8D') })).toBe('MUST_NAME_SUIT');
    expect(errorCode(state, 0, { type: 'play', card: c('8D'), suit: 7 })).toBe('INVALID_MOVE');
    expect(errorCode(state, 0, { type: 'play', card: c('5S'), suit: 2 })).toBe('INVALID_MOVE');
    const after = ok(state, 0, { type: 'play', card: c('8D'), suit: 0 });
    expect(after.suit).toBe(0);
    // Seat 1 may now play the 2 of clubs but not the queen of hearts.
    expect(game.legalMoves(after, 1)).toEqual([{ type: 'play', card: c('2C') }, { type: 'draw' }]);
    expect(errorCode(after, 1, { type: 'play', card: c('QH') })).toBe('CARD_DOES_NOT_MATCH');
  });

  it('[C8-04] an 8 may be played on an 8, naming a new suit', () => {
    const state = crazyEightsScenario({ hands: ['8H 3C', '8S 4D'], discard: '5C 8C', suit: 1 });
    const one = ok(state, 0, { type: 'play', card: c('8H'), suit: 2 });
    expect(one.suit).toBe(2);
    const moves = game.legalMoves(one, 1).filter((m) => m.type === 'play');
    expect(moves).toHaveLength(4);
    const two = ok(one, 1, { type: 'play', card: c('8S'), suit: 1 });
    expect(two.suit).toBe(1);
    expect(two.discard.slice(-2)).toEqual([c('8H'), c('8S')]);
  });

  it('[C8-16] turn order, phase and hand are checked', () => {
    const state = crazyEightsScenario(base);
    expect(errorCode(state, 1, { type: 'play', card: c('QH') })).toBe('NOT_YOUR_TURN');
    expect(errorCode(state, 0, { type: 'play', card: c('QH') })).toBe('CARD_NOT_IN_HAND');
    expect(errorCode(state, 0, { type: 'continue' })).toBe('WRONG_PHASE');
    expect(errorCode(state, 0, { type: 'shuffle' })).toBe('INVALID_MOVE');
    expect(errorCode(state, 0, null)).toBe('INVALID_MOVE');
    expect(errorCode(state, 9, { type: 'draw' })).toBe('NOT_YOUR_TURN');
  });

  it('[C8-16] a move with fields it does not use is refused', () => {
    const state = crazyEightsScenario(base);
    expect(errorCode(state, 0, { type: 'draw', suit: 3 })).toBe('INVALID_MOVE');
    expect(errorCode(state, 0, { type: 'play', card: c('5S'), cards: [1] })).toBe('INVALID_MOVE');
    expect(errorCode(state, 0, { type: 'play', card: c('5S'), suit: undefined })).toBeNull();
  });

  it('[C8-16] apply never throws and refuses garbage with a code', () => {
    const states = [crazyEightsScenario(base), newGame('garbage', 3), newGame('garbage-1', 3, { drawRule: 'drawOne' })];
    const garbage = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('play', 'draw', 'pass', 'continue', 'x'), card: fc.anything(), suit: fc.anything() }),
      fc.record({ type: fc.constant('play'), card: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double()) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.oneof(fc.integer({ min: -2, max: 7 }), fc.anything()), garbage, (state, seat, move) => {
        const result = game.apply(state, seat as number, move as CrazyEightsMove);
        if (!result.ok) {
          expect(typeof result.error.code).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(0);
        } else {
          expect(game.audit.invariants(result.state)).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('crazy eights: drawing and passing', () => {
  it('[C8-06] untilPlayable: a first draw is allowed, then more draws only while nothing is playable', () => {
    const state = crazyEightsScenario({ hands: ['5S 2H', 'QH 2C'], discard: '9S', stock: '3H 4S 7D 6D', seed: 'u' });
    expect(game.legalMoves(state, 0)).toContainEqual({ type: 'draw' });
    const one = ok(state, 0, { type: 'draw' });
    expect(one.hands[0]).toContain(c('6D'));
    expect(one.turn).toBe(0);
    expect(one.drawn).toBe(true);
    // Still holds the 5 of spades: must play now.
    expect(errorCode(one, 0, { type: 'draw' })).toBe('CANNOT_DRAW');
    expect(errorCode(one, 0, { type: 'pass' })).toBe('CANNOT_PASS');
    expect(game.legalMoves(one, 0)).toEqual([{ type: 'play', card: c('5S') }]);

    const stuck = crazyEightsScenario({ hands: ['2H', 'QH 2C'], discard: '9S', stock: '3H 4S 7D 6D' });
    let s = ok(stuck, 0, { type: 'draw' }); // 6D
    s = ok(s, 0, { type: 'draw' }); // 7D
    s = ok(s, 0, { type: 'draw' }); // 4S: playable now
    expect([...s.hands[0]!].sort((a, b) => a - b)).toEqual(parseCards('2H 7D 6D 4S').sort((a, b) => a - b));
    expect(s.stock).toEqual([c('3H')]);
    expect(errorCode(s, 0, { type: 'draw' })).toBe('CANNOT_DRAW');
    expect(game.legalMoves(s, 0)).toEqual([{ type: 'play', card: c('4S') }]);
  });

  it('[C8-06] drawOne: one draw, then play or pass', () => {
    const state = crazyEightsScenario({
      hands: ['5S 2H', 'QH 2C'], discard: '9S', stock: '3H 4S 7D 6D', drawRule: 'drawOne',
    });
    expect(errorCode(state, 0, { type: 'pass' })).toBe('CANNOT_PASS');
    const one = ok(state, 0, { type: 'draw' });
    expect(errorCode(one, 0, { type: 'draw' })).toBe('CANNOT_DRAW');
    expect(game.legalMoves(one, 0)).toEqual([{ type: 'play', card: c('5S') }, { type: 'pass' }]);
    const passed = ok(one, 0, { type: 'pass' });
    expect(passed.turn).toBe(1);
    expect(passed.drawn).toBe(false);
    expect(passed.hands[0]).toHaveLength(3);
  });

  it('[C8-07] an empty stock is refilled from the discard pile under its top card; cards are conserved', () => {
    const state = crazyEightsScenario({
      hands: ['3H', '4D'], discard: '5C 6C 7C 9C 10C', stock: '', seed: 'reshuffle',
    });
    const before = [...state.hands.flat(), ...state.discard].sort((a, b) => a - b);
    const result = game.apply(state, 0, { type: 'draw' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = result.state;
    expect(after.discard).toEqual([c('10C')]);
    expect(after.stock).toHaveLength(3);
    expect(after.hands[0]).toHaveLength(2);
    expect([...after.hands.flat(), ...after.stock, ...after.discard].sort((a, b) => a - b)).toEqual(before);
    expect(new Set([...after.stock, ...after.hands[0]!.filter((x) => x !== c('3H'))])).toEqual(
      new Set(parseCards('5C 6C 7C 9C')),
    );
    expect(result.events.map((e) => e.type)).toEqual(['reshuffled', 'drew']);
    expect(after.rng).not.toEqual(state.rng);
  });

  it('[C8-07] the discard pile is reshuffled at most three times a hand; then an empty stock stays empty', () => {
    const third = crazyEightsScenario({ hands: ['3H', '4D'], discard: '5C 6C 7C 9C 10C', stock: '', reshuffles: 2 });
    const drew = ok(third, 0, { type: 'draw' });
    expect(drew.reshuffles).toBe(3);
    expect(game.view(drew, 1).public.reshuffles).toBe(3);
    const spent = crazyEightsScenario({ hands: ['3H', '4D'], discard: '5C 6C 7C 9C 10C', stock: '', reshuffles: 3 });
    expect(errorCode(spent, 0, { type: 'draw' })).toBe('CANNOT_DRAW');
    expect(game.legalMoves(spent, 0)).toEqual([{ type: 'pass' }]);
    expect(game.legalMovesInView(game.view(spent, 0))).toEqual([{ type: 'pass' }]);
  });

  it('[C8-07] four heuristic players no longer pass the 8s around forever (seed 1-212 used to loop)', () => {
    const bot = game.bots['heuristic']!;
    const played = playGame(game, { seed: '1-212', bots: [bot, bot, bot, bot], maxMoves: 20_000 });
    expect(played.outcome.winners.length).toBeGreaterThan(0);
  });

  it('[C8-08] with nothing to draw, a seat without a playable card passes; one with a playable card may not', () => {
    const state = crazyEightsScenario({ hands: ['3H', '4S'], discard: '9S', stock: '' });
    expect(game.legalMoves(state, 0)).toEqual([{ type: 'pass' }]);
    expect(errorCode(state, 0, { type: 'draw' })).toBe('CANNOT_DRAW');
    const passed = ok(state, 0, { type: 'pass' });
    expect(passed.passes).toBe(1);
    expect(errorCode(passed, 1, { type: 'pass' })).toBe('CANNOT_PASS');
    const played = ok(passed, 1, { type: 'play', card: c('4S') });
    expect(played.phase).toBe('handOver');
  });
});

describe('crazy eights: scoring', () => {
  it('[C8-09] [C8-11] going out scores the penalty points left in the other hands', () => {
    const state = crazyEightsScenario({ hands: ['4S', '8H KD AC 7C', '2D 10C'], discard: '9S' });
    const result = game.apply(state, 0, { type: 'play', card: c('4S') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 50 + 10 + 1 + 7 + 2 + 10
    expect(result.state.lastHandPoints).toEqual([80, 0, 0]);
    expect(result.state.scores).toEqual([80, 0, 0]);
    expect(result.state.lastHandWinner).toBe(0);
    expect(result.state.phase).toBe('handOver');
    expect(result.events).toContainEqual({ type: 'handScored', points: [80, 0, 0], winner: 0, blocked: false });
    const view = game.view(result.state, 2);
    expect(view.public.active).toEqual([0, 1, 2]);
    expect(view.public.lastHandPoints).toEqual([80, 0, 0]);
  });

  it('[C8-09] [C8-10] a blocked hand goes to the lowest penalty total', () => {
    const state = crazyEightsScenario({ hands: ['3H 4D', 'KD', '2H 2D 10H'], discard: '9S', stock: '' });
    let s = ok(state, 0, { type: 'pass' });
    s = ok(s, 1, { type: 'pass' });
    expect(s.phase).toBe('play');
    const result = game.apply(s, 2, { type: 'pass' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.phase).toBe('handOver');
    expect(result.state.lastHandWinner).toBe(0);
    expect(result.state.lastHandPoints).toEqual([24, 0, 0]);
    expect(result.events).toContainEqual({ type: 'handScored', points: [24, 0, 0], winner: 0, blocked: true });
  });

  it('[C8-10] a tie for the lowest blocked total scores nobody', () => {
    const state = crazyEightsScenario({ hands: ['3H 4D', 'KD', '7H'], discard: '9S', stock: '' });
    let s = ok(state, 0, { type: 'pass' });
    s = ok(s, 1, { type: 'pass' });
    s = ok(s, 2, { type: 'pass' });
    expect(s.phase).toBe('handOver');
    expect(s.lastHandWinner).toBe(-1);
    expect(s.scores).toEqual([0, 0, 0]);
  });

  it('[C8-12] reaching the target ends the game; highest score wins', () => {
    const state = crazyEightsScenario({ hands: ['4S', '8H 8D', '2D'], discard: '9S', scores: [10, 0, 120], target: 100 });
    const summary = ok(state, 0, { type: 'play', card: c('4S') });
    // The last hand is still shown as a summary, marked as the one that ends the game.
    expect(summary.phase).toBe('handOver');
    expect(game.view(summary, 1).public.gameEnding).toBe(true);
    expect(game.outcome(summary)).toBeNull();
    const over = [0, 1, 2].reduce((s, seat) => ok(s, seat, { type: 'continue' }), summary);
    expect(over.phase).toBe('gameOver');
    expect(over.scores).toEqual([112, 0, 120]);
    expect(game.activeSeats(over)).toEqual([]);
    expect(game.outcome(over)).toEqual({ scores: [112, 0, 120], winners: [2], ranking: [2, 0, 1] });
    expect(errorCode(over, 0, { type: 'continue' })).toBe('GAME_OVER');
    expect(game.view(over, null).public.winners).toEqual([2]);
  });

  it('[C8-12] tied top scores share the win', () => {
    const state = crazyEightsScenario({ hands: ['4S', '10H', '2D'], discard: '9S', scores: [140, 0, 152] });
    const summary = ok(state, 0, { type: 'play', card: c('4S') });
    const over = [0, 1, 2].reduce((s, seat) => ok(s, seat, { type: 'continue' }), summary);
    expect(game.outcome(over)?.winners).toEqual([0, 2]);
  });

  it('[C8-13] after every seat continues the next hand is dealt by the next dealer', () => {
    const state = crazyEightsScenario({ hands: ['4S', '8H', '2D'], discard: '9S', dealer: 2 });
    let s = ok(state, 0, { type: 'play', card: c('4S') });
    s = ok(s, 1, { type: 'continue' });
    expect(errorCode(s, 1, { type: 'continue' })).toBe('NOT_YOUR_TURN');
    expect(game.activeSeats(s)).toEqual([0, 2]);
    s = ok(s, 0, { type: 'continue' });
    s = ok(s, 2, { type: 'continue' });
    expect(s.phase).toBe('play');
    expect(s.handNumber).toBe(2);
    expect(s.dealer).toBe(0);
    expect(game.activeSeats(s)).toEqual([1]);
    expect(s.hands.map((h) => h.length)).toEqual([5, 5, 5]);
    expect(s.scores).toEqual([52, 0, 0]);
    expect(game.audit.invariants(s)).toEqual([]);
  });
});

describe('crazy eights: events read back from the board', () => {
  /** Applies a legal move and checks that the public views around it give back exactly its events. */
  function readBack(state: CrazyEightsState, seat: number, move: CrazyEightsMove): { state: CrazyEightsState; events: unknown[] } {
    const result = game.apply(state, seat, move);
    if (!result.ok) throw new Error(result.error.message);
    const events = game.eventsBetween(game.view(state, null).public, game.view(result.state, null).public, seat);
    expect(events).toEqual(result.events);
    return { state: result.state, events };
  }

  it('[C8-05] [C8-14] an 8 is read back with the suit it named', () => {
    const state = crazyEightsScenario({ hands: ['8C 3D', '4D'], discard: '9S' });
    expect(readBack(state, 0, { type: 'play', card: c('8C'), suit: 3 }).events).toEqual([{ type: 'played', seat: 0, card: c('8C'), suit: 3 }]);
  });

  it('[C8-07] [C8-14] a reshuffle before a draw is read back with the new stock size, never the drawn card', () => {
    const state = crazyEightsScenario({ hands: ['3H', '4D'], discard: '5C 6C 7C 9C 10C', stock: '', seed: 'reshuffle' });
    expect(readBack(state, 0, { type: 'draw' }).events).toEqual([{ type: 'reshuffled', stockCount: 4 }, { type: 'drew', seat: 0 }]);
  });

  it('[C8-10] [C8-14] the pass that blocks a hand is read back with the blocked hand scored', () => {
    let state = crazyEightsScenario({ hands: ['3H 4D', 'KD', '2H 2D 10H'], discard: '9S', stock: '' });
    state = readBack(state, 0, { type: 'pass' }).state;
    state = readBack(state, 1, { type: 'pass' }).state;
    expect(readBack(state, 2, { type: 'pass' }).events).toEqual([
      { type: 'passed', seat: 2 },
      { type: 'handScored', points: [24, 0, 0], winner: 0, blocked: true },
    ]);
  });
});

describe('crazy eights: views, audit and determinize over random games', () => {
  const configs: [number, CrazyEightsOptions['drawRule']][] = [
    [2, 'untilPlayable'], [3, 'drawOne'], [4, 'untilPlayable'], [5, 'drawOne'], [6, 'untilPlayable'],
  ];

  it('[C8-14] legalMovesInView and moveErrorInView agree with the state; views leak nothing', () => {
    let checked = 0;
    configs.forEach(([seats, drawRule], k) => {
      for (let g = 0; g < 2; g++) {
        const rng = Rng.fromSeed(`view-${k}-${g}`);
        playRandom(newGame(`view-${k}-${g}`, seats, { drawRule }), rng, (state) => {
          const broken = game.audit.invariants(state);
          if (broken.length > 0) expect(broken).toEqual([]);
          for (let seat = 0; seat < seats; seat++) {
            const view = game.view(state, seat);
            const inView = game.legalMovesInView(view);
            const fromState = game.legalMoves(state, seat);
            if (JSON.stringify(inView) !== JSON.stringify(fromState)) expect(inView).toEqual(fromState);
            const known = game.audit.knownCards(state, seat);
            const leaked = game.audit.cardsInView(view).filter((card) => !known.has(card));
            if (leaked.length > 0) expect(leaked).toEqual([]);
            const probe: CrazyEightsMove = rng.pick([
              { type: 'draw' }, { type: 'pass' }, { type: 'continue' },
              { type: 'play', card: rng.int(52) }, { type: 'play', card: cardOf(8, 0), suit: 1 },
            ]);
            const applied = game.apply(state, seat, probe);
            const errorInView = game.moveErrorInView(view, probe);
            const expected = applied.ok ? null : applied.error;
            if (JSON.stringify(errorInView) !== JSON.stringify(expected)) expect(errorInView).toEqual(expected);
          }
          const spectator = game.view(state, null);
          expect(spectator.private).toBeNull();
          const publicKnown = game.audit.knownCards(state, null);
          const leaked = game.audit.cardsInView(spectator).filter((card) => !publicKnown.has(card));
          if (leaked.length > 0) expect(leaked).toEqual([]);
          checked++;
        });
      }
    });
    expect(checked).toBeGreaterThan(1000);
  }, 60_000);

  it('[C8-15] determinize gives a sound state with the same view', () => {
    configs.forEach(([seats, drawRule], k) => {
      const rng = Rng.fromSeed(`det-${k}`);
      let n = 0;
      playRandom(newGame(`det-${k}`, seats, { drawRule }), rng, (state) => {
        if (n++ % 7 !== 0) return;
        const seat = rng.int(seats);
        const view = game.view(state, seat);
        const sample = game.determinize(view, seat, Rng.fromSeed(`sample-${n}`));
        expect(game.audit.invariants(sample)).toEqual([]);
        expect(game.view(sample, seat)).toEqual(view);
        for (const active of game.activeSeats(sample)) {
          if (active === seat) expect(game.legalMoves(sample, active)).toEqual(game.legalMoves(state, active));
          const moves = game.legalMoves(sample, active);
          expect(moves.length).toBeGreaterThan(0);
          expect(game.apply(sample, active, moves[0]!).ok).toBe(true);
        }
      });
    });
  });

  it('[C8-12] random games finish with a winner at or above the target', () => {
    for (const [seats, drawRule] of configs) {
      const end = playRandom(newGame(`end-${seats}`, seats, { drawRule }), Rng.fromSeed(`end-${seats}`));
      const outcome = game.outcome(end);
      expect(outcome).not.toBeNull();
      expect(Math.max(...outcome!.scores)).toBeGreaterThanOrEqual(end.target);
    }
  });
});
