import { render, screen, within } from '@testing-library/react';
import { snapshotFromState } from '@deckhand/protocol';
import { describe, expect, it } from 'vitest';
import { tableJson } from '../test/fakeTable';
import { GameOver } from './GameOver';

const seats = snapshotFromState(tableJson({ gameId: 'spades', seatCount: 4, seat: 0, publicView: {}, privateView: null })).seats;
const noop = () => undefined;

describe('GameOver', () => {
  it('[S-12] a game of partners ranks sides, one row each, both partners winning together', () => {
    render(
      <GameOver
        gameName="Spades"
        outcome={{ scores: [-210, 349, -210, 349], winners: [1, 3], ranking: [1, 3, 0, 2] }}
        seats={seats}
        mySeat={0}
        seed="s"
        seedHash="h"
        isHost
        onRematch={noop}
        onLobby={noop}
        onLeave={noop}
        sides={[[0, 2], [1, 3]]}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Final standings' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `1${seats[1]!.name} & ${seats[3]!.name} winners349`,
      `2${seats[0]!.name} & ${seats[2]!.name} (you)-210`,
    ]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Game over');
  });
});
