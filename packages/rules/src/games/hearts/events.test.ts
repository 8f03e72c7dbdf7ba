import { describe, expect, it } from 'vitest';
import { parseCard } from '../../cards';
import { hearts } from './hearts';
import type { HeartsMove, HeartsState } from './state';
import { heartsTable } from './testing';

const play = (card: string): HeartsMove => ({ type: 'play', card: parseCard(card)! });

/** Plays `moves`, checking at each one that the public views around it give back exactly the events of `apply`. */
function readBack(state: HeartsState, moves: readonly [number, HeartsMove][]): unknown[] {
  const read: unknown[] = [];
  for (const [seat, move] of moves) {
    const result = hearts.apply(state, seat, move);
    if (!result.ok) throw new Error(result.error.message);
    const events = hearts.eventsBetween(hearts.view(state, null).public, hearts.view(result.state, null).public, seat);
    expect(events).toEqual(result.events);
    read.push(...events);
    state = result.state;
  }
  return read;
}

const lastTrick: [number, HeartsMove][] = [[0, play('AH')], [1, play('2C')], [2, play('3C')], [3, play('4C')]];

describe('hearts events read from the board', () => {
  it('[H-12] a moon shot: the trick, its 1 point and the scored hand with the shooter', () => {
    const state = heartsTable({ hands: ['AH', '2C', '3C', '4C'], leader: 0, takenBy: 0, heartsBroken: true });
    expect(readBack(state, lastTrick)).toEqual([
      { type: 'played', seat: 0, card: parseCard('AH') },
      { type: 'played', seat: 1, card: parseCard('2C') },
      { type: 'played', seat: 2, card: parseCard('3C') },
      { type: 'played', seat: 3, card: parseCard('4C') },
      { type: 'trickWon', seat: 0, points: 1 },
      { type: 'handScored', points: [0, 26, 26, 26], moonShooter: 0 },
    ]);
  });

  it('[H-11] the jack of diamonds counts -10 in the trick it is taken with', () => {
    const state = heartsTable({ hands: ['2D', 'JD', '3D', '2H'], leader: 0, takenBy: 2, heartsBroken: true, options: { jackOfDiamonds: true } });
    const events = readBack(state, [[0, play('2D')], [1, play('JD')], [2, play('3D')], [3, play('2H')]]);
    expect(events).toContainEqual({ type: 'trickWon', seat: 1, points: -9 });
  });

  it('[H-08] the queen of spades discarded on a trick breaks hearts', () => {
    const state = heartsTable({ hands: ['2D 3D', '4D 5D', 'QS 6C', '6D 7D'], leader: 0, takenBy: 0 });
    const events = readBack(state, [[0, play('2D')], [1, play('4D')], [2, play('QS')]]);
    expect(events).toContainEqual({ type: 'heartsBroken', seat: 2, card: parseCard('QS') });
  });
});
