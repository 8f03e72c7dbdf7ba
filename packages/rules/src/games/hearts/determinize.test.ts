import { describe, expect, it } from 'vitest';
import { suitOf } from '../../cards';
import { Rng } from '../../rng';
import { hearts } from './hearts';
import { passDirectionOf, passTarget } from './state';
import type { HeartsState } from './state';

/** Seeded random games; `visit` sees every state before its move. */
function eachState(seed: string, maxMoves: number, visit: (state: HeartsState, step: number) => void): void {
  const rng = Rng.fromSeed(seed);
  let state = hearts.setup({ seed, seats: 4, options: { target: 100, jackOfDiamonds: true, moonSubtract: false } });
  for (let step = 0; step < maxMoves && hearts.outcome(state) === null; step++) {
    visit(state, step);
    const seats = hearts.activeSeats(state);
    const seat = seats[rng.int(seats.length)]!;
    const result = hearts.apply(state, seat, rng.pick(hearts.legalMoves(state, seat)));
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
}

describe('hearts determinize', () => {
  it('gives a sound state whose view equals the input view, with shown voids and passed cards respected', () => {
    const problems: string[] = [];
    for (let g = 0; g < 3; g++) {
      const sampler = Rng.fromSeed(`det-${g}`);
      eachState(`determinize-${g}`, 400, (state, step) => {
        if (step % 3 !== 0) return;
        for (const seat of [0, 1, 2, 3]) {
          const view = hearts.view(state, seat);
          const sample = hearts.determinize(view, seat, sampler);
          const where = `game ${g} step ${step} seat ${seat}`;
          problems.push(...hearts.audit.invariants(sample).map((p) => `${where}: ${p}`));
          if (JSON.stringify(hearts.view(sample, seat)) !== JSON.stringify(view)) problems.push(`${where}: view differs`);
          for (const s of hearts.activeSeats(sample)) {
            if (s === seat && JSON.stringify(hearts.legalMoves(sample, s)) !== JSON.stringify(hearts.legalMoves(state, s))) {
              problems.push(`${where}: own legal moves differ`);
            }
            const moves = hearts.legalMoves(sample, s);
            if (moves.length === 0 || !hearts.apply(sample, s, moves[0]!).ok) problems.push(`${where}: seat ${s} cannot move`);
          }
          sample.hands.forEach((hand, s) => {
            for (const card of hand) if ((view.public.voids[s]! >> suitOf(card)) & 1) problems.push(`${where}: seat ${s} void but holds ${card}`);
          });
          if (state.phase === 'playing' && passDirectionOf(state.handNumber) !== 'none') {
            const receiver = passTarget(seat, passDirectionOf(state.handNumber));
            for (const card of state.passed[seat]!) {
              if (state.hands[receiver]!.includes(card) && !sample.hands[receiver]!.includes(card)) problems.push(`${where}: passed ${card} moved`);
            }
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('deals the unknown cards differently with different generators', () => {
    const state = hearts.setup({ seed: 'det', seats: 4, options: hearts.defaultOptions(4) });
    const view = hearts.view(state, 0);
    const a = hearts.determinize(view, 0, Rng.fromSeed('a'));
    const b = hearts.determinize(view, 0, Rng.fromSeed('b'));
    expect(a.hands[0]).toEqual(state.hands[0]);
    expect(a.hands[1]).not.toEqual(b.hands[1]);
  });
});
