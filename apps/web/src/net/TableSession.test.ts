import { CloseCode, ErrorCode, JoinErrorCode, type GameEventsMessage, type TableStateJson } from '@deckhand/protocol';
import { crazyEights, spades, type CrazyEightsMove, type CrazyEightsState, type SpadesState } from '@deckhand/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeEvents } from '../table/describeEvents';
import { eightsJson, FakeRoom, fakeClient, tableJson } from '../test/fakeTable';
import { ConnectionKind, joinFailureText, TableSession } from './TableSession';

const guest = { token: 'guest-token', playerId: 'p0', name: 'Ana' };

function lobbyRoom(token = 'BCD42:one'): FakeRoom {
  const room = new FakeRoom(tableJson({ gameId: 'hearts', seatCount: 4, seat: null, publicView: {}, privateView: null, phase: 'lobby' }));
  room.reconnectionToken = token;
  return room;
}

describe('TableSession', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('after a refresh, reconnects with the token this tab saved instead of joining anew', async () => {
    const first = fakeClient([lobbyRoom('BCD42:saved')]);
    await new TableSession(first, guest).open('BCD42');
    expect(first.calls).toEqual(['joinById BCD42']);

    const afterRefresh = fakeClient([lobbyRoom('BCD42:next')]);
    const session = new TableSession(afterRefresh, guest);
    await session.open('BCD42');
    expect(afterRefresh.calls).toEqual(['reconnect BCD42:saved']);
    expect(session.table.getSnapshot()?.code).toBe('BCD42');
  });

  it('falls back to joining by code when the saved token is refused', async () => {
    sessionStorage.setItem('deckhand:reconnect:BCD42', 'BCD42:stale');
    const client = fakeClient([lobbyRoom()], { reconnect: 1 });
    await new TableSession(client, guest).open('BCD42');
    expect(client.calls).toEqual(['reconnect BCD42:stale', 'joinById BCD42']);
  });

  it('a dropped connection shows "reconnecting", retries, and keeps the table on the new room', async () => {
    vi.useFakeTimers();
    const first = lobbyRoom('BCD42:one');
    const second = lobbyRoom('BCD42:two');
    const client = fakeClient([first, second], { reconnect: 1 });
    const session = new TableSession(client, guest);
    await session.open('BCD42');
    const before = session.table.getSnapshot();

    first.drop(1006);
    expect(session.connection.get().kind).toBe(ConnectionKind.Reconnecting);
    expect(session.table.getSnapshot()).toBe(before);
    await vi.advanceTimersByTimeAsync(500); // first try: refused (the server had not noticed the drop yet)
    // A server that answers is not restarting: the page says the connection was lost.
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, restarting: false });
    await vi.advanceTimersByTimeAsync(1000); // second try succeeds
    expect(session.connection.get().kind).toBe(ConnectionKind.Connected);
    expect(client.calls).toEqual(['joinById BCD42', 'reconnect BCD42:one', 'reconnect BCD42:one']);
    expect(sessionStorage.getItem('deckhand:reconnect:BCD42')).toBe('BCD42:two');

    session.send({ type: 'start' });
    expect(second.sent).toEqual([{ type: 'start', message: { type: 'start' } }]);
  });

  it('a server restart (4104) shows "restarting" and rejoins by code through the outage and the restore, no reload', async () => {
    vi.useFakeTimers();
    const first = lobbyRoom('BCD42:one');
    const second = lobbyRoom('BCD42:two');
    const refused = Object.assign(new Error('There is no open table with that code.'), { code: JoinErrorCode.NoSuchTable });
    const client = fakeClient([first, second], { joinById: [null, new TypeError('Failed to fetch'), refused] });
    const session = new TableSession(client, guest);
    await session.open('BCD42');

    first.drop(CloseCode.ServerShutdown);
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, restarting: true });
    await vi.advanceTimersByTimeAsync(500); // the server is down
    await vi.advanceTimersByTimeAsync(1000); // up, still restoring its tables
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, attempt: 3 });
    await vi.advanceTimersByTimeAsync(2000); // the table is back
    expect(session.connection.get().kind).toBe(ConnectionKind.Connected);
    // The old reconnection token died with the process: straight to the code, with this guest's identity.
    expect(client.calls).toEqual(['joinById BCD42', 'joinById BCD42', 'joinById BCD42', 'joinById BCD42']);
    session.send({ type: 'start' });
    expect(second.sent).toEqual([{ type: 'start', message: { type: 'start' } }]);
  });

  it('after a crash (an abnormal close) the refused token gives way to joining by code, retried while the table is restored', async () => {
    vi.useFakeTimers();
    const first = lobbyRoom('BCD42:one');
    const refused = Object.assign(new Error('There is no open table with that code.'), { code: JoinErrorCode.NoSuchTable });
    const client = fakeClient([first, lobbyRoom('BCD42:two')], { reconnect: 4, joinById: [null, refused] });
    const session = new TableSession(client, guest);
    await session.open('BCD42');
    first.drop(1006);
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, restarting: false });
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 + 4000);
    expect(session.connection.get().kind).toBe(ConnectionKind.Connected);
    expect(client.calls.slice(1)).toEqual([
      'reconnect BCD42:one', 'reconnect BCD42:one', 'reconnect BCD42:one', 'joinById BCD42', 'reconnect BCD42:one', 'joinById BCD42',
    ]);
  });

  it('after a crash (an abnormal close), a server out of reach (the proxy answers 502) shows "restarting" until the table is back', async () => {
    vi.useFakeTimers();
    const first = lobbyRoom('BCD42:one');
    const badGateway = Object.assign(new Error('Bad Gateway'), { code: 502 });
    const client = fakeClient([first, lobbyRoom('BCD42:two')], { reconnect: 3, reconnectError: badGateway, joinById: [null, badGateway] });
    const session = new TableSession(client, guest);
    await session.open('BCD42');
    first.drop(1006);
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, restarting: false });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.connection.get()).toMatchObject({ kind: ConnectionKind.Reconnecting, attempt: 2, restarting: true });
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(session.connection.get().kind).toBe(ConnectionKind.Connected);
    expect(joinFailureText(badGateway).code).toBe('OFFLINE');
  });

  it.each([
    [CloseCode.Kicked, 'The host removed you from this table.', false],
    [CloseCode.TakenOver, 'This table was opened in another tab or window.', true],
    [CloseCode.TableClosed, 'The table was closed.', false],
  ])('close code %i ends the session with a clear message', async (code, message, canRejoin) => {
    const room = lobbyRoom();
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    room.drop(code);
    expect(session.connection.get()).toEqual({ kind: ConnectionKind.Closed, code, message, canRejoin });
    expect(sessionStorage.getItem('deckhand:reconnect:BCD42')).toBeNull();
  });

  it('keeps chat lines in order without duplicates from the history sent on rejoin', async () => {
    const room = lobbyRoom();
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    const line = (id: number, text: string) => ({ id, seat: 0, playerId: 'p0', name: 'Ana', text, at: 0 });
    room.receive('chat', { type: 'chat', line: line(2, 'hi') });
    room.receive('chatHistory', { type: 'chatHistory', lines: [line(1, 'first'), line(2, 'hi')] });
    expect(session.chat.get().map((l) => l.text)).toEqual(['first', 'hi']);
  });
});

describe('TableSession log', () => {
  // Each test opens the same code; the log a tab keeps across a reload is in sessionStorage.
  beforeEach(() => sessionStorage.clear());

  function move(state: CrazyEightsState, seat: number, chosen: CrazyEightsMove): CrazyEightsState {
    const result = crazyEights.apply(state, seat, chosen);
    if (!result.ok) throw new Error(result.error.message);
    return result.state;
  }

  it('tells each move in words, read from two patches in a row, and nothing for changes that are not moves', async () => {
    const dealt = crazyEights.setup({ seed: 'log', seats: 4, options: crazyEights.defaultOptions(4) });
    const room = new FakeRoom(eightsJson(dealt, 0, -1));
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    const seats = session.table.getSnapshot()!.seats;
    session.describeEvents = (message) => describeEvents('crazy-eights', message, seats);

    // Seat 1 plays first (the dealer is seat 0) and may always draw once.
    const drew = move(dealt, 1, { type: 'draw' });
    room.setState(eightsJson(drew, 1, 1));
    room.setState({ ...eightsJson(drew, 1, 1), deadline: 123 });
    expect(session.log.get().map((line) => line.text)).toEqual(['Ben drew a card.']);

    // Two moves apart (a missed patch, a reconnect): nothing is guessed.
    room.setState(eightsJson(drew, 3, 2));
    expect(session.log.get()).toHaveLength(1);
  });

  it('asks the server for its hand afresh when the decoded hand disagrees with the board, at most every 2 s', async () => {
    vi.useFakeTimers();
    const dealt = crazyEights.setup({ seed: 'resync', seats: 4, options: crazyEights.defaultOptions(4) });
    const room = new FakeRoom(eightsJson(dealt, 0, -1));
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    room.setState({ ...eightsJson(dealt, 0, -1), deadline: 1 });
    expect(room.sent).toEqual([]);

    // The decoded hand kept a card the board no longer counts (issue 11: a stale second tab).
    const drew = move(dealt, 1, { type: 'draw' });
    const stale = eightsJson(drew, 1, 1);
    const hand = stale.hands!['0']!.list!['hand']!.items as number[];
    hand.push(51);
    room.setState(stale);
    room.setState({ ...stale, deadline: 2 });
    expect(room.sent).toEqual([{ type: 'resync', message: { type: 'resync' } }]);
    await vi.advanceTimersByTimeAsync(2000);
    room.setState({ ...stale, turnSeconds: 45 });
    expect(room.sent).toHaveLength(2);
  });

  it('[S-06] asks for nothing while a Spades hand is face down before a blind nil is decided', async () => {
    vi.useFakeTimers();
    const setup = spades.setup({ seed: 'blind', seats: 4, options: { target: 500, blindNil: true } });
    // Seat 0's side trails by 100: its cards stay face down to it until it bids blind nil or looks.
    const trailing: SpadesState = { ...setup, scores: [0, 100], looked: [false, true, false, true] };
    const seen = (state: SpadesState, moveNumber: number): TableStateJson => {
      const view = spades.view(state, 0);
      return { ...tableJson({ gameId: 'spades', seatCount: 4, seat: 0, publicView: view.public, privateView: view.private }), moveNumber };
    };
    const room = new FakeRoom(seen(trailing, 0));
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    for (let tick = 1; tick <= 3; tick++) {
      await vi.advanceTimersByTimeAsync(2000);
      room.setState({ ...seen(trailing, 0), deadline: tick });
    }
    expect(session.table.getSnapshot()!.mine!['hand']).toEqual([]);
    expect(room.sent).toEqual([]);

    // Once the player looks, a hand that still decodes empty is wrong: that one is asked for.
    const looked = spades.apply(trailing, 0, { type: 'look' });
    if (!looked.ok) throw new Error(looked.error.message);
    room.setState({ ...seen(looked.state, 1), hands: { '0': { seat: 0, list: { hand: { items: [] } } } } });
    expect(room.sent).toEqual([{ type: 'resync', message: { type: 'resync' } }]);
  });

  it('keeps the stored game\'s id the server sends at game over, until the next deal', async () => {
    const dealt = crazyEights.setup({ seed: 'saved', seats: 4, options: crazyEights.defaultOptions(4) });
    const room = new FakeRoom(eightsJson(dealt, 0, -1));
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    expect(session.savedGame.get()).toBeNull();
    room.receive('gameSaved', { type: 'gameSaved', id: 'game-1' });
    expect(session.savedGame.get()).toBe('game-1');
    // A rematch deals anew (a new seed hash): the link belonged to the game before.
    room.setState({ ...eightsJson(dealt, 0, -1), seedHash: 'deal-2' });
    expect(session.savedGame.get()).toBeNull();
  });

  it('adds the server\'s history on join or reconnect to the log, without telling a move twice', async () => {
    const dealt = crazyEights.setup({ seed: 'log', seats: 4, options: crazyEights.defaultOptions(4) });
    const drew = move(dealt, 1, { type: 'draw' });
    // A reload mid-hand: the first state already holds move 1, so the patches alone can tell nothing of it.
    const room = new FakeRoom(eightsJson(drew, 1, 1));
    const session = new TableSession(fakeClient([room]), guest);
    await session.open('BCD42');
    const seats = session.table.getSnapshot()!.seats;
    expect(session.log.get()).toEqual([]);
    const drewEvent: { type: string; seat: number } = { type: 'drew', seat: 1 };
    const first: GameEventsMessage = { type: 'events', moveNumber: 1, handNumber: 1, seat: 1, by: 'player', events: [drewEvent] };
    room.receive('logHistory', { type: 'logHistory', entries: [{ type: 'notice', text: 'Ben joined.' }, first] });
    // Names come once the table screen knows them; the history waits for them.
    expect(session.log.get().map((line) => line.text)).toEqual(['Ben joined.']);
    session.describeEvents = (message) => describeEvents('crazy-eights', message, seats);
    expect(session.log.get().map((line) => line.text)).toEqual(['Ben joined.', 'Ben drew a card.']);

    // The next move is read from the patches as usual; a history that crossed it on the wire does not repeat it.
    const actor = crazyEights.activeSeats(drew)[0]!;
    const after = move(drew, actor, crazyEights.legalMoves(drew, actor)[0]!);
    const events = crazyEights.eventsBetween(crazyEights.view(drew, null).public, crazyEights.view(after, null).public, actor);
    const second: GameEventsMessage = { type: 'events', moveNumber: 2, handNumber: 1, seat: actor, by: 'player', events };
    room.receive('logHistory', { type: 'logHistory', entries: [first, second] });
    room.setState(eightsJson(after, 2, actor));
    expect(session.log.get().map((line) => line.text)).toEqual(['Ben joined.', 'Ben drew a card.', ...describeEvents('crazy-eights', second, seats)]);
  });

  it('comes back from this tab\'s storage, with what the server sent since, when the deal is the same', async () => {
    const dealt = crazyEights.setup({ seed: 'reload', seats: 4, options: crazyEights.defaultOptions(4) });
    const drew = move(dealt, 1, { type: 'draw' });
    const first: GameEventsMessage = { type: 'events', moveNumber: 1, handNumber: 1, seat: 1, by: 'player', events: [{ type: 'drew', seat: 1 }] as never };
    const before = new FakeRoom(eightsJson(drew, 1, 1));
    before.reconnectionToken = 'BCD42:one';
    const page = new TableSession(fakeClient([before]), guest);
    await page.open('BCD42');
    before.receive('notice', { type: 'notice', text: 'Ben joined.' });
    before.receive('logHistory', { type: 'logHistory', entries: [first] });
    const kept = (session: TableSession) => session.log.get().map((line) => line.text);
    page.describeEvents = (message) => describeEvents('crazy-eights', message, page.table.getSnapshot()!.seats);
    expect(kept(page)).toEqual(['Ben joined.', 'Ben drew a card.']);

    // The reload: a new page reconnects with the saved token; the server sends only what it missed.
    const after = new FakeRoom(eightsJson(drew, 1, 1));
    const client = fakeClient([after]);
    const reloaded = new TableSession(client, guest);
    reloaded.describeEvents = page.describeEvents;
    await reloaded.open('BCD42');
    expect(client.calls).toEqual(['reconnect BCD42:one']);
    after.receive('notice', { type: 'notice', text: 'Ana is back.' });
    expect(kept(reloaded)).toEqual(['Ben joined.', 'Ben drew a card.', 'Ana is back.']);

    // Another deal under the same code: the kept log was of the game before.
    const other = new FakeRoom({ ...eightsJson(drew, 1, 1), seedHash: 'deal-2' });
    const third = new TableSession(fakeClient([other]), guest);
    third.describeEvents = page.describeEvents;
    await third.open('BCD42');
    expect(kept(third)).toEqual([]);
  });
});

describe('joinFailureText', () => {
  it('says what a refused join means', () => {
    expect(joinFailureText(Object.assign(new Error('This table is full.'), { code: JoinErrorCode.TableFull }))).toEqual({
      code: ErrorCode.TableFull,
      text: 'This table is full.',
    });
    expect(joinFailureText(new Error('room "ZZZZZ" not found')).code).toBe(ErrorCode.NoSuchTable);
    expect(joinFailureText(new TypeError('Failed to fetch')).code).toBe('OFFLINE');
    // The server's uniform answer for a code that opens nothing, its open-table cap and its join limits.
    const noTable = 'There is no open table with that code (it may have closed).';
    expect(joinFailureText(Object.assign(new Error(noTable), { code: JoinErrorCode.NoSuchTable }))).toEqual({ code: ErrorCode.NoSuchTable, text: noTable });
    expect(joinFailureText(Object.assign(new Error('You already have 5 open tables'), { code: JoinErrorCode.TooManyTables })).code)
      .toBe(ErrorCode.TooManyTables);
    expect(joinFailureText(Object.assign(new Error('Too many attempts to join or open a table: wait 40 s.'), { code: 429 }))).toEqual({
      code: ErrorCode.RateLimited, text: 'Too many attempts to join or open a table: wait 40 s.',
    });
  });
});
