import { describe, expect, it } from 'vitest';
import { parseCards } from '../../cards';
import { Rng } from '../../rng';
import { hearts } from './hearts';
import type { HeartsMove } from './state';
import { heartsTable } from './testing';

const heuristic = hearts.bots.heuristic!;
const random = hearts.bots.random!;

describe('hearts heuristic bot', () => {
  it('beats three random players decisively over 60 seeded games', () => {
    let wins = 0;
    let own = 0;
    let others = 0;
    const games = 60;
    for (let g = 0; g < games; g++) {
      const rng = Rng.fromSeed(`bot-${g}`);
      let state = hearts.setup({ seed: `bot-game-${g}`, seats: 4, options: hearts.defaultOptions(4) });
      while (hearts.outcome(state) === null) {
        const seat = hearts.activeSeats(state)[0]!;
        const bot = seat === 0 ? heuristic : random;
        const move = bot.choose(hearts.view(state, seat), hearts.legalMoves(state, seat), rng);
        const result = hearts.apply(state, seat, move);
        if (!result.ok) throw new Error(result.error.message);
        state = result.state;
      }
      const outcome = hearts.outcome(state)!;
      if (outcome.winners.includes(0)) wins += 1;
      own += outcome.scores[0]!;
      others += (outcome.scores[1]! + outcome.scores[2]! + outcome.scores[3]!) / 3;
    }
    expect(wins / games).toBeGreaterThan(0.6);
    expect(own / games).toBeLessThan((others / games) / 2);
  });

  it('passes the queen of spades and the high hearts when short in spades', () => {
    const state = hearts.setup({ seed: 'x', seats: 4, options: hearts.defaultOptions(4) });
    const hand = parseCards('QS 3S AH KH 2C 3C 4C 5C 6D 7D 8D 9D 10D');
    const table = { ...state, hands: [hand, ...state.hands.slice(1)] };
    const move = heuristic.choose(hearts.view(table, 0), hearts.legalMoves(table, 0), Rng.fromSeed('p'));
    expect(move).toEqual({ type: 'pass', cards: parseCards('QS AH KH') });
  });

  it('ducks under the winning card and dumps the queen when void', () => {
    const base = heartsTable({ hands: ['9D KD', '10D 3C', 'QS 2H', 'JD 5C'], leader: 0, heartsBroken: true });
    const led = hearts.apply(base, 0, { type: 'play', card: parseCards('KD')[0]! });
    if (!led.ok) throw new Error(led.error.message);
    const duck = heuristic.choose(hearts.view(led.state, 1), hearts.legalMoves(led.state, 1), Rng.fromSeed('d'));
    expect(duck).toEqual({ type: 'play', card: parseCards('10D')[0]! } satisfies HeartsMove);
    const second = hearts.apply(led.state, 1, duck);
    if (!second.ok) throw new Error(second.error.message);
    const dump = heuristic.choose(hearts.view(second.state, 2), hearts.legalMoves(second.state, 2), Rng.fromSeed('d'));
    expect(dump).toEqual({ type: 'play', card: parseCards('QS')[0]! });
  });
});
