import { snapshotFromState, type GameEventsMessage } from '@deckhand/protocol';
import { parseCard } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import { tableJson } from '../test/fakeTable';
import { describeEvents } from './describeEvents';

const seats = snapshotFromState(tableJson({ gameId: 'hearts', seatCount: 4, seat: null, publicView: {}, privateView: null })).seats;

function message(events: GameEventsMessage['events'], by: GameEventsMessage['by'] = 'player'): GameEventsMessage {
  return { type: 'events', handNumber: 1, moveNumber: 1, seat: 0, by, events };
}

describe('describeEvents', () => {
  it('names the player and the card in words', () => {
    const lines = describeEvents('hearts', message([{ type: 'played', seat: 0, card: parseCard('QS') } as never]), seats);
    expect(lines).toEqual(['Ana played the queen of spades.']);
  });

  it('says which suit an eight named in Crazy Eights', () => {
    const lines = describeEvents('crazy-eights', message([{ type: 'played', seat: 1, card: parseCard('8C'), suit: 3 } as never]), seats);
    expect(lines).toEqual(['Ben played the eight of clubs and named hearts.']);
  });

  it('tells when the server played for someone who ran out of time', () => {
    const lines = describeEvents('hearts', message([{ type: 'trickWon', seat: 2, points: 13 } as never], 'timeout'), seats);
    expect(lines).toEqual(['Ana ran out of time; the server played for them.', 'Cy took the trick (13 points).']);
  });
});
