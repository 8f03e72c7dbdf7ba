import { render } from '@testing-library/react';
import type { AnyGame, GameView, WireRecord } from '@deckhand/rules';
import { SessionContext } from '../net/SessionContext';
import { TableSession } from '../net/TableSession';
import { GameTable } from '../table/GameTable';
import { FakeRoom, fakeClient, tableJson } from './fakeTable';

type View = GameView<WireRecord, WireRecord>;

/** The game table of `seat` at a real rules state, over a fake room that records what the page sends. */
export async function renderTable(game: AnyGame, state: unknown, seat: number) {
  const view = game.view(state, seat) as View;
  const room = new FakeRoom(
    tableJson({
      gameId: game.id,
      seatCount: game.scores(state).length,
      seat,
      publicView: view.public,
      privateView: view.private,
    }),
  );
  const session = new TableSession(fakeClient([room]), { token: 't', playerId: `p${seat}`, name: 'Ana' });
  await session.open('BCD42');
  const { unmount } = render(
    <SessionContext.Provider value={session}>
      <GameTable />
    </SessionContext.Provider>,
  );
  return { room, view, session, unmount };
}
