import { describe, expect, it } from 'vitest';
import { parseCard } from '../../cards';
import type { Card } from '../../cards';
import { Rng } from '../../rng';
import type { Bot } from '../../game';
import { crazyEights } from './crazyEights';
import type { CrazyEightsMove, CrazyEightsView } from './state';
import { crazyEightsHeuristicBot } from './heuristicBot';
import { crazyEightsScenario } from './testing';

const c = (text: string): Card => parseCard(text)!;
const game = crazyEights;
type C8Bot = Bot<CrazyEightsView, CrazyEightsMove>;

function choose(spec: Parameters<typeof crazyEightsScenario>[0], seat = 0): CrazyEightsMove {
  const state = crazyEightsScenario(spec);
  return crazyEightsHeuristicBot.choose(game.view(state, seat), game.legalMoves(state, seat), Rng.fromSeed('bot'));
}

/** Plays one game; returns the winners. */
function playGame(seed: string, bots: readonly C8Bot[]): readonly number[] {
  let state = game.setup({ seed, seats: bots.length, options: game.defaultOptions(bots.length) });
  const rng = Rng.fromSeed(`${seed}-bots`);
  for (let i = 0; i < 100000; i++) {
    const outcome = game.outcome(state);
    if (outcome) return outcome.winners;
    const seat = game.activeSeats(state)[0]!;
    const move = bots[seat]!.choose(game.view(state, seat), game.legalMoves(state, seat), rng);
    const result = game.apply(state, seat, move);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  throw new Error('game did not finish');
}

describe('crazy eights heuristic bot', () => {
  it('[C8-04] holds an 8 while another card can be played', () => {
    const move = choose({ hands: ['8D 5S 2H', 'QH 2C 3C 4C'], discard: '9S' });
    expect(move).toEqual({ type: 'play', card: c('5S') });
  });

  it('[C8-05] plays an 8 when nothing else fits and names the suit it holds most', () => {
    const move = choose({ hands: ['8D 5H 2H 3C', 'QH 2C 3D 4D'], discard: '9S' });
    expect(move).toEqual({ type: 'play', card: c('8D'), suit: 3 });
  });

  it('[C8-11] sheds an 8 when an opponent is about to go out', () => {
    const move = choose({ hands: ['8D 5S 2H', 'QH'], discard: '9S' });
    expect(move.type === 'play' && move.card).toBe(c('8D'));
  });

  it('[C8-11] prefers the suit it holds most, then the costlier card', () => {
    expect(choose({ hands: ['9H 2H 3H KS 4C', 'QH 2C 3D 4D'], discard: '9S' })).toEqual({ type: 'play', card: c('9H') });
    expect(choose({ hands: ['KS 3S 9H 2C', 'QH 2C 3D 4D'], discard: '9S' })).toEqual({ type: 'play', card: c('KS') });
  });

  it('[C8-06] draws only when it has no play', () => {
    expect(choose({ hands: ['2H 3D', 'QH 2C 3D 4D'], discard: '9S' })).toEqual({ type: 'draw' });
  });

  it('[C8-12] beats random players decisively', () => {
    const random = game.bots.random!;
    let twoWins = 0;
    for (let g = 0; g < 100; g++) if (playGame(`duel-${g}`, [crazyEightsHeuristicBot, random]).includes(0)) twoWins++;
    let fourWins = 0;
    for (let g = 0; g < 100; g++) {
      if (playGame(`four-${g}`, [random, crazyEightsHeuristicBot, random, random]).includes(1)) fourWins++;
    }
    expect(twoWins).toBeGreaterThan(70);
    expect(fourWins).toBeGreaterThan(40);
  }, 30_000);
});
