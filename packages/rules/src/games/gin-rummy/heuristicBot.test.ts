import { describe, expect, it } from 'vitest';
import { parseCard } from '../../cards';
import type { Card } from '../../cards';
import { Rng } from '../../rng';
import { simulate } from '../../simulate';
import { ginRummy } from './ginRummy';
import { ginRummyHeuristicBot as bot } from './heuristicBot';
import { GinRummyPhase } from './state';
import type { GinRummyMove, GinRummyState } from './state';
import { ginScenario } from './testing';

const c = (text: string): Card => parseCard(text)!;
const choose = (state: GinRummyState, seat: number): GinRummyMove =>
  bot.choose(ginRummy.view(state, seat), ginRummy.legalMoves(state, seat), Rng.fromSeed('bot'));

describe('gin rummy heuristic bot', () => {
  it('takes the upcard when it makes a meld, draws blind otherwise', () => {
    const hand = 'AS 2S 4H 5H 9C 9D 2C 7D JC KD';
    expect(choose(ginScenario({ hands: ['QH QS 3D 8C 8S 6S 10C 10H 10D JH', hand], discard: '9S' }), 1)).toEqual({ type: 'draw', from: 'discard' });
    expect(choose(ginScenario({ hands: ['QH QS 3D 8C 8S 6S 10C 10H 10D JH', hand], discard: 'KH' }), 1)).toEqual({ type: 'draw', from: 'stock' });
  });

  it('discards its highest deadwood, but not a card that feeds a meld the other player is visibly building', () => {
    const hands: [string, string] = ['QH QS 3D 8C 8S 6S 10C 10H 10D JH', 'AS 2S 3S 4H 5H 6H 9C 9D 7S KD QC'];
    const free = ginScenario({ hands, discard: '3C', phase: GinRummyPhase.Discard });
    // Deadwood 7S, KD and QC (27): no knock; it throws one of the two tens.
    expect([c('KD'), c('QC')]).toContain((choose(free, 1) as { card: Card }).card);
    // Seat 0 was seen taking the QH: the QC would feed its queens.
    const watched = ginScenario({ hands, discard: '3C', phase: GinRummyPhase.Discard, taken: [['QH', 0]] });
    expect(choose(watched, 1)).toEqual({ type: 'discard', card: c('KD') });
  });

  it('knocks when allowed early in a hand, and goes gin when it can', () => {
    const knock = ginScenario({ hands: ['QH QS 3D 8C 8S 6S 10C 10H 10D JH', 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C KD'], discard: '3C', phase: GinRummyPhase.Discard });
    expect(choose(knock, 1)).toEqual({ type: 'knock', card: c('KD') });
    const gin = ginScenario({ hands: ['QH QS 3D 8C 8S 6S 10C 10H 10D JH', 'AS 2S 3S 4S 4H 5H 6H 9C 9D 9S KD'], discard: '3C', phase: GinRummyPhase.Discard });
    expect(choose(gin, 1)).toEqual({ type: 'gin', card: c('KD') });
  });

  it('lays off deadwood on the knocker\'s melds, then finishes', () => {
    let state = ginScenario({ hands: ['7H 8H 4S 5C 5D 5S JC JD QC KC', 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C KD'], discard: '3C', phase: GinRummyPhase.Discard });
    state = (ginRummy.apply(state, 1, { type: 'knock', card: c('KD') }) as { state: GinRummyState }).state;
    const laid: Card[] = [];
    for (;;) {
      const move = choose(state, 0);
      if (move.type !== 'layoff') {
        expect(move).toEqual({ type: 'done' });
        break;
      }
      laid.push(move.card);
      state = (ginRummy.apply(state, 0, move) as { state: GinRummyState }).state;
    }
    expect(laid.sort((a, b) => a - b)).toEqual([c('4S'), c('7H'), c('8H')].sort((a, b) => a - b));
  });

  it('beats the random bot', () => {
    const summary = simulate({ game: ginRummy, games: 20, seed: 'h-vs-r', bots: [bot, ginRummy.bots['random']!] as never, check: false });
    expect(summary.seats[0]!.wins).toBeGreaterThanOrEqual(19);
  });
});
