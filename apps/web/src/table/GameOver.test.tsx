import { render, screen, within } from '@testing-library/react';
import { snapshotFromState } from '@deckhand/protocol';
import { describe, expect, it } from 'vitest';
import { tableJson } from '../test/fakeTable';
import { GameOver } from './GameOver';

const seats = snapshotFromState(tableJson({ gameId: 'spades', seatCount: 4, seat: 0, publicView: {}, privateView: null })).seats;
const noop = () => undefined;

/** A Spades game over seen from seat 0, whose side lost. */
function spadesOver(replayId: string | null, isHost = true) {
  return (
    <GameOver
      gameName="Spades"
      outcome={{ scores: [-210, 349, -210, 349], winners: [1, 3], ranking: [1, 3, 0, 2] }}
      seats={seats}
      mySeat={0}
      seed="s"
      seedHash="h"
      isHost={isHost}
      onRematch={noop}
      onLobby={noop}
      onLeave={noop}
      sides={[[0, 2], [1, 3]]}
      replayId={replayId}
    />
  );
}

describe('GameOver', () => {
  it('[S-12] a game of partners ranks sides, one row each, both partners winning together', () => {
    render(spadesOver(null));
    const rows = within(screen.getByRole('table', { name: 'Final standings' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `1${seats[1]!.name} & ${seats[3]!.name} winners349`,
      `2${seats[0]!.name} & ${seats[2]!.name} (you)-210`,
    ]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Game over');
  });

  it('links to the replay and offers the share link once the server stored the game, not before', () => {
    const { rerender } = render(spadesOver(null, false));
    expect(screen.queryByRole('link', { name: /Watch the replay/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy share link' })).toBeNull();

    const id = '0b7c2f4e-1c6a-4c59-9a53-3f1e6d2a8b90';
    rerender(spadesOver(id, false));
    const link = screen.getByRole('link', { name: /^Watch the replay ?\(opens in a new tab\)$/ });
    expect(link.getAttribute('href')).toBe(`/g/${id}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('button', { name: 'Copy share link' })).toBeTruthy();
  });
});
