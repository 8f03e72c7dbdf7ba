/**
 * The table core without sockets: a fake clock moved by hand, bots thinking
 * on the spot, seeded randomness. The log a table writes must rebuild it.
 */
import { describe, expect, it } from 'vitest';
import type { MoveBase } from '@deckhand/rules';
import { BotLevel, ErrorCode, Limits, SeatKind, TablePhase } from '@deckhand/protocol';
import { Table } from './Table';
import { FakeClock, testEnvironment } from '../test/fakeClock';
import type { TableEnv, TimedAction } from './types';

function environment(clock: FakeClock, seed = 'table-test'): TableEnv {
  return testEnvironment(clock, seed);
}

const ANN = { playerId: 'p-ann', name: 'Ann' };
const BOB = { playerId: 'p-bob', name: 'Bob' };

/** A Hearts table: Ann hosts, Bob sits, two bots; dealt. Every action logged so far is in `log`. */
function heartsTable(clock: FakeClock, turnSeconds = 30) {
  const env = environment(clock);
  const created = Table.create(env, { code: 'BCDFG', gameId: 'hearts', turnSeconds, maxSpectators: 8 });
  if (!created.ok) throw new Error(created.error.message);
  const table = created.table;
  const log: TimedAction[] = [];
  const drain = () => {
    const output = table.takeOutput();
    log.push(...output.actions);
    return output;
  };
  table.join(ANN, false);
  table.join(BOB, false);
  expect(table.handle(ANN.playerId, { type: 'addBot', seat: 2, level: BotLevel.Normal })).toBeNull();
  expect(table.handle(ANN.playerId, { type: 'addBot', seat: 3, level: BotLevel.Hard })).toBeNull();
  expect(table.handle(BOB.playerId, { type: 'chat', text: 'good luck' })).toBeNull();
  expect(table.handle(ANN.playerId, { type: 'start' })).toBeNull();
  drain();
  return { env, table, log, drain };
}

/** The parts of a table a restart must keep (connections aside). */
function lasting(table: Table) {
  // The clock's bookkeeping restarts with the clock (its deadline is checked on its own).
  const { seats, spectators: _spectators, deadline: _deadline, deadlineWait: _wait, clockStarts: _starts, ...rest } = table.model;
  return {
    ...rest,
    seats: seats.map(({ connected: _c, reconnectDeadline: _r, ...seat }) => seat),
    chat: table.chat,
    gameState: table.gameState,
  };
}

function humanMove(table: Table, playerId: string): boolean {
  const seat = table.seatOf(playerId);
  if (seat === null || table.gameState === null) return false;
  const legal: MoveBase[] = table.game.legalMoves(table.gameState, seat);
  if (legal.length === 0) return false;
  expect(table.handle(playerId, { type: 'move', move: legal[legal.length - 1]! })).toBeNull();
  return true;
}

async function settle(clock: FakeClock, ms: number): Promise<void> {
  // Hard bots answer through a promise, then through the clock.
  for (let step = 0; step < ms / 50; step++) {
    clock.advance(50);
    await Promise.resolve();
    await Promise.resolve();
  }
}

describe('Table core', () => {
  it('deals for the seats that play, with the host, the bots and the chat in place', () => {
    const clock = new FakeClock();
    const { table } = heartsTable(clock);
    expect(table.model.phase).toBe(TablePhase.Playing);
    expect(table.model.hostId).toBe(ANN.playerId);
    expect(table.model.seats.map((seat) => seat.kind)).toEqual([SeatKind.Human, SeatKind.Human, SeatKind.Bot, SeatKind.Bot]);
    expect(table.chat.map((line) => line.text)).toEqual(['good luck']);
    expect(table.model.seedHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a table rebuilt from its log has the same seats, host, chat, scores and game, move for move', async () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = heartsTable(clock, 0);
    // Play a stretch: humans move, bots answer on the clock; check the rebuild at several points.
    for (let round = 0; round < 40; round++) {
      humanMove(table, ANN.playerId);
      humanMove(table, BOB.playerId);
      await settle(clock, 300);
      drain();
      if (round % 10 === 9) {
        const rebuilt = Table.restore(env, log);
        expect(lasting(rebuilt)).toEqual(lasting(table));
        rebuilt.close();
      }
    }
    expect(table.model.moveNumber).toBeGreaterThan(40);
    expect(log.some((entry) => entry.action.kind === 'move' && entry.action.by === 'bot')).toBe(true);
    table.close();
  });

  it('a timed-out move is logged with its timeout count, so the away mark survives a restart', async () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = heartsTable(clock, 15);
    // Nobody human moves: both clocks run out twice (passes), so both are away.
    await settle(clock, 40_000);
    drain();
    expect(log.some((entry) => entry.action.kind === 'move' && entry.action.by === 'timeout')).toBe(true);
    const rebuilt = Table.restore(env, log);
    expect(lasting(rebuilt)).toEqual(lasting(table));
    expect(rebuilt.model.seats.slice(0, 2).map((seat) => seat.timeouts)).toEqual(table.model.seats.slice(0, 2).map((seat) => seat.timeouts));
    rebuilt.close();
    table.close();
  });

  it('after a restart the turn clock gets the time it had left, and the seats are held for the reconnection window', async () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = heartsTable(clock, 30);
    // The pass: every human waits on the clock; 12 s go by, then the process dies.
    clock.advance(12_000);
    drain();
    // The bots passed 100 ms after the deal: the last logged action.
    const left = table.model.deadline - log[log.length - 1]!.at;
    expect(left).toBe(29_900);
    // The clock was started for a full turn (clients could count it from the move) ...
    expect(table.model.deadlineWait).toBe(30_000);
    table.close();

    const later = new FakeClock();
    later.time = clock.time + 5 * 60_000;
    const restored = Table.restore({ ...env, clock: later }, log);
    // The crash came 12 s after the last logged action; the log knows no later time, so the clock gets back what it had then.
    expect(restored.model.deadline).toBe(later.time + 29_900);
    // ... the resumed one is shorter, so the mirror must write it out (see room/DeadlineMirror.ts).
    expect(restored.model.deadlineWait).toBe(29_900);
    for (const seat of [0, 1]) {
      expect(restored.model.seats[seat]).toMatchObject({ connected: false, reconnectDeadline: later.time + 60_000 });
    }
    restored.close();
  });

  it('after a restart, a seated player coming back reads as back, not as a newcomer who joined', () => {
    const clock = new FakeClock();
    const { env, table, log } = heartsTable(clock, 30);
    table.close();
    const restored = Table.restore({ ...env, clock: new FakeClock() }, log);
    restored.takeOutput();
    restored.join(BOB, false);
    restored.join({ playerId: 'carl', name: 'Carl' }, true);
    const notices = restored.takeOutput().messages.flatMap(({ message }) => (message.type === 'notice' ? [message.text] : []));
    expect(notices).toEqual(['Bob is back.', 'Carl joined as a spectator.']);
    restored.close();
  });

  it('a SIGTERM stop freezes the clock: the restart gives back exactly the time left at the stop', () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = heartsTable(clock, 30);
    clock.advance(12_000);
    table.stop();
    drain();
    const later = new FakeClock();
    later.time = clock.time + 60_000;
    const restored = Table.restore({ ...env, clock: later }, log);
    expect(restored.model.deadline).toBe(later.time + 18_000);
    restored.close();
  });

  it('players who come back within the window keep their seats; the absent go away; a table nobody returns to closes', async () => {
    const clock = new FakeClock();
    const { env, log, table } = heartsTable(clock, 0);
    table.close();
    const later = new FakeClock();
    later.time = clock.time + 1000;
    const restored = Table.restore({ ...env, clock: later }, log);
    expect(restored.join(BOB, false)).toBe(1);
    expect(restored.model.seats[1]).toMatchObject({ connected: true, reconnectDeadline: 0 });
    await settle(later, 61_000);
    const output = restored.takeOutput();
    expect(restored.model.seats[0]).toMatchObject({ away: true, reconnectDeadline: 0 });
    // Ann was the host and did not come back: Bob hosts.
    expect(restored.model.hostId).toBe(BOB.playerId);
    expect(output.close).toBe(false);
    restored.close();

    const empty = Table.restore({ ...env, clock: later }, log);
    later.advance(61_000);
    expect(empty.takeOutput().close).toBe(true);
    empty.close();
  });

  it('refuses a log that does not replay', () => {
    const clock = new FakeClock();
    const { env, log } = heartsTable(clock, 0);
    const broken: TimedAction[] = [...log, { at: clock.time, action: { kind: 'move', seat: 0, move: { type: 'play', card: 999 } as MoveBase, by: 'player' } }];
    expect(() => Table.restore(env, broken)).toThrow(/logged move/);
    expect(() => Table.restore(env, [])).toThrow(/creation/);
  });
});

/** A lobby table Ann hosts (on her device), with every logged action collected in `log`. */
function lobbyTable(clock: FakeClock) {
  const env = environment(clock);
  const created = Table.create(env, { code: 'BCDFG', gameId: 'hearts', turnSeconds: 0, maxSpectators: 8 });
  if (!created.ok) throw new Error(created.error.message);
  const table = created.table;
  const log: TimedAction[] = [];
  const drain = () => log.push(...table.takeOutput().actions);
  table.join(ANN, false, false, 'ann-device-0001');
  drain();
  return { env, table, log, drain };
}

describe('Table core: who may come in', () => {
  it('a kick keeps the identity and its device out, and a restored table still does', () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = lobbyTable(clock);
    table.join(BOB, false, false, 'bob-device-0001');
    expect(table.handle(ANN.playerId, { type: 'kick', playerId: BOB.playerId })).toBeNull();
    drain();
    expect(log.map(({ action }) => action)).toContainEqual({ kind: 'ban', playerId: BOB.playerId, device: 'bob-device-0001' });
    for (const door of [table, Table.restore(env, log)]) {
      expect(door.admission(BOB.playerId, false, null)).toBe('banned');
      expect(door.admission('p-bob-again', false, 'bob-device-0001')).toBe('banned');
      expect(door.admission('p-carl', false, 'carl-device-001')).toBeNull();
    }
  });

  it('a locked table holds a knock until the host answers; the lock, the admission and a refusal with its device survive a restart', async () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = lobbyTable(clock);
    expect(table.handle(ANN.playerId, { type: 'lock', locked: true })).toBeNull();
    expect(table.admission('p-carl', false, 'carl-device-001')).toBe('locked');
    // The host and anyone already at the table are no newcomers.
    expect(table.admission(ANN.playerId, false, 'ann-device-0001')).toBeNull();

    const carl = table.knock({ playerId: 'p-carl', name: 'Carl' }, 'carl-device-001');
    const eve = table.knock({ playerId: 'p-eve', name: 'Eve' }, 'eve-device-0001');
    expect(table.knocking().map((knocker) => knocker.name)).toEqual(['Carl', 'Eve']);
    expect(table.handle(BOB.playerId, { type: 'admit', playerId: 'p-carl' })?.code).toBe(ErrorCode.NotSeated);
    expect(table.handle(ANN.playerId, { type: 'admit', playerId: 'p-nobody' })?.code).toBe(ErrorCode.NoSuchPlayer);
    expect(table.handle(ANN.playerId, { type: 'admit', playerId: 'p-carl' })).toBeNull();
    expect(table.handle(ANN.playerId, { type: 'refuse', playerId: 'p-eve' })).toBeNull();
    expect(await carl).toBe('admitted');
    expect(await eve).toBe('refused');
    expect(table.knocking()).toEqual([]);
    drain();

    const restored = Table.restore(env, log);
    expect(restored.model.locked).toBe(true);
    expect(restored.admission('p-carl', false, 'carl-device-001')).toBeNull();
    expect(restored.admission('p-eve-again', false, 'eve-device-0001')).toBe('banned');
    expect(restored.admission('p-dan', false, 'dan-device-0001')).toBe('locked');
    restored.close();
  });

  it('an unanswered knock ends after the wait; unlocking lets everyone knocking in and is logged', async () => {
    const clock = new FakeClock();
    const { env, table, log, drain } = lobbyTable(clock);
    expect(table.handle(ANN.playerId, { type: 'lock', locked: true })).toBeNull();
    const late = table.knock({ playerId: 'p-carl', name: 'Carl' }, null);
    clock.advance(Limits.knockWaitMs);
    expect(await late).toBe('timeout');
    expect(table.knocking()).toEqual([]);

    const again = table.knock({ playerId: 'p-carl', name: 'Carl' }, null);
    expect(table.handle(ANN.playerId, { type: 'lock', locked: false })).toBeNull();
    expect(await again).toBe('admitted');
    drain();
    const restored = Table.restore(env, log);
    expect(restored.model.locked).toBe(false);
    expect(restored.admission('p-dan', false, null)).toBeNull();
    restored.close();
  });

  it('refuses a name that reads the same as someone at the table or joining, and cleans chat text', () => {
    const clock = new FakeClock();
    const { table } = lobbyTable(clock);
    expect(table.claimName({ playerId: 'p-mallory', name: 'ANN' })).toBe('Ann');
    expect(table.claimName({ playerId: 'p-cyril', name: 'Cyril' })).toBeNull();
    // Cyril has not joined yet: a second Cyril cannot slip in meanwhile.
    expect(table.claimName({ playerId: 'p-cyril-2', name: 'CYRIL' })).toBe('Cyril');
    // The same person again (a second tab) keeps their name.
    expect(table.claimName(ANN)).toBeNull();
    expect(table.handle(ANN.playerId, { type: 'chat', text: 'hi\u202Ethere\u200B' })).toBeNull();
    expect(table.chat.at(-1)?.text).toBe('hithere');
  });
  it('hard bots passing at once in Hearts are each searched once, not again after every other pass', async () => {
    const clock = new FakeClock();
    const asked: number[] = [];
    const base = environment(clock);
    // Every bot differs in its delay, so the passes come one by one and each re-plans the others.
    const env: TableEnv = {
      ...base,
      config: { ...base.config, botDelay: { min: 50, max: 400 } },
      bots: { ...base.bots, search: (request) => (asked.push(request.legalMoves.length), base.bots.search(request)) },
    };
    const created = Table.create(env, { code: 'BCDFG', gameId: 'hearts', turnSeconds: 30, maxSpectators: 8 });
    if (!created.ok) throw new Error(created.error.message);
    const table = created.table;
    table.join(ANN, false);
    for (const seat of [1, 2, 3]) expect(table.handle(ANN.playerId, { type: 'addBot', seat, level: BotLevel.Hard })).toBeNull();
    expect(table.handle(ANN.playerId, { type: 'stand' })).toBeNull();
    expect(table.handle(ANN.playerId, { type: 'addBot', seat: 0, level: BotLevel.Hard })).toBeNull();
    expect(table.handle(ANN.playerId, { type: 'start' })).toBeNull();
    const passing = () => table.gameState !== null && table.game.activeSeats(table.gameState).length === 4;
    expect(passing()).toBe(true);
    for (let step = 0; step < 40 && passing(); step++) await settle(clock, 50);
    expect(passing()).toBe(false);
    // A pass is 3 of 13 cards: 286 choices. Four seats, four searches (before: 4 + 3 + 2 + 1).
    expect(asked.filter((choices) => choices === 286)).toHaveLength(4);
  });
});
