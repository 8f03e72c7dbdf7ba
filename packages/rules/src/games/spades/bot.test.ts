import { describe, expect, it } from 'vitest';
import { parseCard, parseCards } from '../../cards';
import type { Card } from '../../cards';
import { Rng } from '../../rng';
import { simulate } from '../../simulate';
import { spadesHeuristicBot, estimateTricks, nilWorthy } from './bot';
import { spades } from './spades';
import type { SpadesMove } from './rules';
import { spadesTable } from './testing';

/** A card code from its short name. */
const code = (name: string): Card => parseCard(name)!;

const bot = spadesHeuristicBot();
const rng = Rng.fromSeed('bot');

function choose(state: Parameters<typeof spades.view>[0], seat: number): SpadesMove {
  return bot.choose(spades.view(state, seat), spades.legalMoves(state, seat), rng);
}

describe('Spades heuristic bot', () => {
  it('[S-04] bids the tricks its high cards and long spades should take', () => {
    const strong = parseCards('AS KS QS JS 9S 4S AH KH AD 3D 2C 5C 7C');
    expect(estimateTricks(strong)).toBeGreaterThan(6);
    const state = spadesTable({ hands: ['AS KS QS JS 9S 4S AH KH AD 3D 2C 5C 7C', '', '', ''], leader: 0 });
    const move = choose(state, 0);
    expect(move.type).toBe('bid');
    expect((move as { tricks: number }).tricks).toBeGreaterThanOrEqual(6);
  });

  it('[S-05] bids nil with a hand that should take no trick, never with a high spade', () => {
    expect(nilWorthy(parseCards('2S 3S 2H 5H 7H 9H 3D 4D 6D 2C 4C 8C 10C'))).toBe(true);
    expect(nilWorthy(parseCards('QS 3S 2H 5H 7H 9H 3D 4D 6D 2C 4C 8C 10C'))).toBe(false);
    const state = spadesTable({ hands: ['2S 3S 2H 5H 7H 9H 3D 4D 6D 2C 4C 8C 10C', '', '', ''], leader: 0 });
    expect(choose(state, 0)).toEqual({ type: 'bid', tricks: 0 });
  });

  it('[S-10] a nil bidder ducks under the winning card with its highest loser', () => {
    let state = spadesTable({ hands: ['9H 2C 4D', 'JH 8H 5H', '3H KH 6D', '2H 9C 7D'], bids: [3, 0, 4, 4], leader: 0 });
    state = (spades.apply(state, 0, { type: 'play', card: code('9H') }) as { state: typeof state }).state;
    expect(choose(state, 1)).toEqual({ type: 'play', card: code('8H') });
  });

  it('[S-09] once its side has made the bid, it ducks rather than take a bag', () => {
    // Side 0 bid 2 and took 11 already (the earlier tricks); seat 2 holds the ace and the two of hearts.
    let state = spadesTable({ hands: ['9H 2C', 'JH 3D', 'AH 2H', '3H 9C'], bids: [1, 4, 1, 4], leader: 0 });
    state = (spades.apply(state, 0, { type: 'play', card: code('9H') }) as { state: typeof state }).state;
    state = (spades.apply(state, 1, { type: 'play', card: code('JH') }) as { state: typeof state }).state;
    expect(choose(state, 2)).toEqual({ type: 'play', card: code('2H') });
  });

  it('beats random play: heuristic partners win nearly every game against random partners', () => {
    const heuristic = spades.bots.heuristic!;
    const random = spades.bots.random!;
    const summary = simulate({ game: spades, games: 20, seed: 'bot-vs-random', bots: [heuristic, random, heuristic, random] as never, options: { target: 300 } });
    expect(summary.invariantViolations).toBe(0);
    expect(summary.seats[0]!.wins).toBeGreaterThanOrEqual(18);
  });
});
