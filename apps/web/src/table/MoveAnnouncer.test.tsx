import { act, render, screen } from '@testing-library/react';
import { crazyEights } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import { SessionContext } from '../net/SessionContext';
import { TableSession } from '../net/TableSession';
import { eightsJson, FakeRoom, fakeClient } from '../test/fakeTable';
import { describeEvents } from './describeEvents';
import { MoveAnnouncer } from './MoveAnnouncer';


describe('MoveAnnouncer', () => {
  it('speaks each play once, politely, as it happens; not a draw, and not the history a reload brings', async () => {
    let state = crazyEights.setup({ seed: 'announce', seats: 4, options: crazyEights.defaultOptions(4) });
    const room = new FakeRoom(eightsJson(state, 0, -1));
    const session = new TableSession(fakeClient([room]), { token: 't', playerId: 'p0', name: 'Ana' });
    await session.open('BCD42');
    render(
      <SessionContext.Provider value={session}>
        <MoveAnnouncer />
      </SessionContext.Provider>,
    );
    const region = screen.getByTestId('announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');

    // Moves until someone plays a card: draws are not announced, the play is, in the log's words.
    let moveNumber = 0;
    let played: string | null = null;
    while (played === null) {
      const seat = crazyEights.activeSeats(state)[0]!;
      const moves = crazyEights.legalMoves(state, seat);
      const move = moves.find((m) => m.type === 'play') ?? moves[0]!;
      const result = crazyEights.apply(state, seat, move);
      if (!result.ok) throw new Error(result.error.message);
      const before = state;
      state = result.state;
      moveNumber++;
      act(() => room.setState(eightsJson(state, moveNumber, seat)));
      if (move.type === 'play') {
        const events = crazyEights.eventsBetween(crazyEights.view(before, null).public, crazyEights.view(state, null).public, seat);
        const seats = session.table.getSnapshot()!.seats;
        played = describeEvents('crazy-eights', { type: 'events', moveNumber, handNumber: 1, seat, by: 'player', events }, seats)[0]!;
      }
    }
    expect([...region.children].map((line) => line.textContent)).toEqual([played]);
    // A re-render or the log history does not say it again.
    act(() => room.setState({ ...eightsJson(state, moveNumber, 0), deadline: 5 }));
    act(() => room.receive('logHistory', { type: 'logHistory', entries: [] }));
    expect(region.children).toHaveLength(1);
  });
});
