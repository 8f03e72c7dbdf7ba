import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../rng';
import { hearts } from './hearts';
import type { HeartsMove, HeartsState } from './state';

/** Plays random legal moves from a seeded game, calling `visit` before each move. */
function playRandom(seed: string, maxMoves: number, visit: (state: HeartsState) => void): HeartsState {
  const rng = Rng.fromSeed(`moves-${seed}`);
  let state = hearts.setup({ seed, seats: 4, options: { target: 50, jackOfDiamonds: seed.length % 2 === 0, moonSubtract: false } });
  for (let i = 0; i < maxMoves && hearts.outcome(state) === null; i++) {
    visit(state);
    const seats = hearts.activeSeats(state);
    const seat = seats[rng.int(seats.length)]!;
    const result = hearts.apply(state, seat, rng.pick(hearts.legalMoves(state, seat)));
    if (!result.ok) throw new Error(`legal move refused: ${result.error.message}`);
    state = result.state;
  }
  return state;
}

describe('hearts definition', () => {
  it('[H-02] the same seed deals the same cards, another seed different ones', () => {
    const a = hearts.setup({ seed: 'x', seats: 4, options: hearts.defaultOptions(4) });
    const b = hearts.setup({ seed: 'x', seats: 4, options: hearts.defaultOptions(4) });
    const c = hearts.setup({ seed: 'y', seats: 4, options: hearts.defaultOptions(4) });
    expect(a.hands).toEqual(b.hands);
    expect(a.hands).not.toEqual(c.hands);
    expect(a.hands.map((h) => h.length)).toEqual([13, 13, 13, 13]);
  });

  it('[H-14] random games run to a game over, with sound invariants at every step', () => {
    for (let g = 0; g < 6; g++) {
      const end = playRandom(`game-${g}`, 20000, (state) => {
        expect(hearts.audit.invariants(state)).toEqual([]);
      });
      const outcome = hearts.outcome(end);
      expect(outcome).not.toBeNull();
      expect(Math.max(...outcome!.scores)).toBeGreaterThanOrEqual(50);
      expect(hearts.activeSeats(end)).toEqual([]);
    }
  });

  it('legalMovesInView and moveErrorInView agree with legalMoves and apply', () => {
    for (let g = 0; g < 4; g++) {
      const probe = Rng.fromSeed(`probe-${g}`);
      playRandom(`view-${g}`, 3000, (state) => {
        for (const seat of [0, 1, 2, 3]) {
          const view = hearts.view(state, seat);
          expect(hearts.legalMovesInView(view)).toEqual(hearts.legalMoves(state, seat));
          const move: HeartsMove = { type: 'play', card: probe.int(52) };
          const applied = hearts.apply(state, seat, move);
          const fromView = hearts.moveErrorInView(view, move);
          expect(fromView).toEqual(applied.ok ? null : applied.error);
        }
      });
    }
  });

  it('[H-04] no view shows a card its seat may not know, and spectators see no hand', () => {
    const leaks: string[] = [];
    for (let g = 0; g < 4; g++) {
      playRandom(`leak-${g}`, 3000, (state) => {
        for (const seat of [0, 1, 2, 3, null]) {
          const view = hearts.view(state, seat);
          const known = hearts.audit.knownCards(state, seat);
          for (const card of hearts.audit.cardsInView(view)) if (!known.has(card)) leaks.push(`seat ${seat} sees ${card}`);
          if (seat === null && view.private !== null) leaks.push('a spectator sees a hand');
          // Flat wire values only: no nulls, no nested objects.
          for (const [key, value] of Object.entries(view.public)) {
            if (value === null || (typeof value === 'object' && !Array.isArray(value))) leaks.push(`${key} is not flat`);
          }
        }
      });
    }
    expect(leaks).toEqual([]);
  });

  it('apply never throws and refuses garbage with INVALID_MOVE or a rule code', () => {
    const state = hearts.setup({ seed: 'garbage', seats: 4, options: hearts.defaultOptions(4) });
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: -2, max: 6 }), (move, seat) => {
        const result = hearts.apply(state, seat, move as HeartsMove);
        if (result.ok) expect(hearts.legalMoves(state, seat)).toContainEqual(move);
      }),
      { seed: 7, numRuns: 500 },
    );
    for (const move of [null, 7, 'play', { type: 'play', card: 99 }, { type: 'play', card: 1.5 }, { type: 'dance' }]) {
      const result = hearts.apply(state, 0, move as unknown as HeartsMove);
      expect(result.ok ? null : result.error.code).toBe('INVALID_MOVE');
    }
  });

  it('parses options with defaults and lists bad values', () => {
    expect(hearts.parseOptions({ target: 50 }, 4)).toEqual({ ok: true, value: { target: 50, jackOfDiamonds: false, moonSubtract: false } });
    const bad = hearts.parseOptions({ target: 70, colour: 'red' }, 4);
    expect(bad.ok ? [] : bad.error.problems).toHaveLength(2);
  });
});
