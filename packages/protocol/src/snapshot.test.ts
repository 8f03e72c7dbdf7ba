import { describe, expect, it } from 'vitest';
import { createMoveClock, gameViewOf, keepsDeadline, optionsFromJson, seatOfPlayer, snapshotFromState, turnTimerRuns, wireRecordFromJson } from './snapshot';
import type { TableStateJson } from './snapshot';

describe('snapshotFromState', () => {
  it('reads an empty state as an empty lobby', () => {
    const snapshot = snapshotFromState({});
    expect(snapshot.phase).toBe('lobby');
    expect(snapshot.seats).toEqual([]);
    expect(snapshot.mine).toBeNull();
    expect(snapshot.mySeat).toBeNull();
    expect(snapshot.outcome).toBeNull();
  });

  it('restores each view field with its type, boolean lists included', () => {
    const record = wireRecordFromJson({
      num: { turn: 2 },
      str: { phase: 'play' },
      flag: { heartsBroken: false },
      list: { trick: { items: [12, 51] }, empty: { items: [] } },
      flags: { continued: { items: [1, 0, 1] } },
    });
    expect(record).toEqual({ turn: 2, phase: 'play', heartsBroken: false, trick: [12, 51], empty: [], continued: [true, false, true] });
  });

  it('reads a record\'s live slot under its key, and an empty slot as no key', () => {
    expect(wireRecordFromJson({ live: [3, 9], liveKey: 'hand', list: { trick: { items: [12] } } })).toEqual({ hand: [3, 9], trick: [12] });
    expect(wireRecordFromJson({ live: [], liveKey: '' })).toEqual({});
  });

  it('reads the options string, leaving out what is not an option value', () => {
    expect(snapshotFromState({ options: '{"target":100,"variant":"jd","passing":true}' }).options).toEqual({ target: 100, variant: 'jd', passing: true });
    expect(optionsFromJson('{"target":[1],"nested":{"a":1},"ok":0}')).toEqual({ ok: 0 });
    for (const bad of ['not json', '[1,2]', 'null', '7', undefined]) expect(optionsFromJson(bad)).toEqual({});
  });

  it('gives the seated client its private view and seat, and a spectator neither', () => {
    const json = {
      code: 'BCDFG',
      phase: 'playing',
      seats: [
        { playerId: 'a', name: 'Ann', kind: 'human', connected: true },
        { name: 'Bot 2', kind: 'bot', botLevel: 'normal', connected: true },
      ],
      board: { num: { turn: 0 } },
      hands: { '0': { seat: 0, list: { hand: { items: [3, 4] } } } },
    };
    const seated = snapshotFromState(json);
    expect(seated.mySeat).toBe(0);
    expect(seated.mine).toEqual({ hand: [3, 4] });
    expect(gameViewOf(seated)).toEqual({ seat: 0, public: { turn: 0 }, private: { hand: [3, 4] } });
    expect(seated.seats[1]).toMatchObject({ kind: 'bot', botLevel: 'normal', playerId: '' });
    expect(seatOfPlayer(seated, 'a')).toBe(0);
    expect(seatOfPlayer(seated, 'b')).toBeNull();

    const spectator = snapshotFromState({ ...json, hands: {} });
    expect(gameViewOf(spectator)).toEqual({ seat: null, public: { turn: 0 }, private: null });
  });

  it('reads who must act from the board, nobody outside a game', () => {
    expect(snapshotFromState({ phase: 'playing', board: { list: { active: { items: [1, 3] } } } }).active).toEqual([1, 3]);
    expect(snapshotFromState({ phase: 'lobby', board: {} }).active).toEqual([]);
  });

  it('names the last move and who made it, none before the first', () => {
    expect(snapshotFromState({ phase: 'playing', lastSeat: -1 }).lastMove).toBeNull();
    const snapshot = snapshotFromState({ phase: 'playing', moveNumber: 7, lastSeat: 2, lastBy: 'timeout' });
    expect(snapshot.lastMove).toEqual({ seat: 2, by: 'timeout' });
    expect(snapshot.moveNumber).toBe(7);
  });

  it('shows the outcome only once the game is over', () => {
    const outcome = { list: { scores: { items: [3, 40] }, winners: { items: [0] }, ranking: { items: [0, 1] } } };
    expect(snapshotFromState({ phase: 'playing', outcome }).outcome).toBeNull();
    expect(snapshotFromState({ phase: 'gameOver', outcome }).outcome).toEqual({ scores: [3, 40], winners: [0], ranking: [0, 1] });
  });
});

describe('the turn deadline', () => {
  const seats = [
    { kind: 'human', playerId: 'a' },
    { kind: 'bot', botLevel: 'easy' },
    { kind: 'human', playerId: 'c', away: true },
  ];
  const playing = (active: number[], extra: Partial<TableStateJson>): TableStateJson => ({
    phase: 'playing', turnSeconds: 30, seats, moveNumber: 7, board: { list: { active: { items: active } } }, ...extra,
  });

  it('is the written one when it belongs to the current move (a join, a kept or summary deadline)', () => {
    const snapshot = snapshotFromState(playing([0], { deadline: 123_456, deadlineMove: 7 }), () => 1_000);
    expect(snapshot.deadline).toBe(123_456);
  });

  it('starts when this client saw the move, for a human who must act, when the server did not write it', () => {
    const stale = { deadline: 99, deadlineMove: 3 };
    expect(snapshotFromState(playing([0], stale), () => 1_000).deadline).toBe(31_000);
    // Bots and away players act after the bot delay, with no countdown; a timer that is off shows none.
    expect(snapshotFromState(playing([1], stale), () => 1_000).deadline).toBe(0);
    expect(snapshotFromState(playing([2], stale), () => 1_000).deadline).toBe(0);
    expect(snapshotFromState(playing([0], { ...stale, turnSeconds: 0 }), () => 1_000).deadline).toBe(0);
  });

  it('a client keeps the moment it first saw each move, so a later patch (chat, a seat) does not restart the countdown', () => {
    let now = 5_000;
    const seenAt = createMoveClock(() => now);
    expect(seenAt(7)).toBe(5_000);
    now = 9_000;
    expect(seenAt(7)).toBe(5_000);
    expect(seenAt(8)).toBe(9_000);
  });

  it('stays as this client showed it when the move after leaves the timer running for seats it already counted for', () => {
    let now = 1_000;
    const clock = createMoveClock(() => now);
    const fresh = snapshotFromState(playing([0], { moveNumber: 7, deadline: 0, deadlineMove: 3 }), clock).deadline;
    expect(fresh).toBe(31_000);
    // Seat 0 drew and must still play (a Crazy Eights draw): the deadline is kept, not restarted.
    now = 9_000;
    expect(snapshotFromState(playing([0], { moveNumber: 8, deadline: 0, deadlineMove: 3 }), clock).deadline).toBe(31_000);
    // The turn passes to another seat: a fresh countdown from this move.
    const seatsTwo = [seats[0]!, { kind: 'human', playerId: 'b' }];
    now = 12_000;
    expect(snapshotFromState(playing([1], { seats: seatsTwo, moveNumber: 9, deadlineMove: 3 }), clock).deadline).toBe(42_000);
    // A move this client never saw (a gap) cannot be kept across: it counts fresh, unless the server wrote it.
    now = 20_000;
    expect(snapshotFromState(playing([1], { seats: seatsTwo, moveNumber: 11, deadlineMove: 3 }), clock).deadline).toBe(50_000);
    expect(snapshotFromState(playing([1], { seats: seatsTwo, moveNumber: 12, deadline: 77_000, deadlineMove: 12 }), clock).deadline).toBe(77_000);
  });

  it('is kept only for seats the clock already counted for, and only a running one', () => {
    expect(keepsDeadline({ deadline: 5_000, timed: [0, 2] }, [2])).toBe(true);
    expect(keepsDeadline({ deadline: 5_000, timed: [0] }, [1])).toBe(false);
    expect(keepsDeadline({ deadline: 0, timed: [0] }, [0])).toBe(false);
    expect(keepsDeadline({ deadline: 5_000, timed: [0] }, [])).toBe(false);
  });

  it('agrees with the server on when a turn timer runs', () => {
    expect(turnTimerRuns(seats, [1, 2], 30)).toBe(false);
    expect(turnTimerRuns(seats, [1, 0], 30)).toBe(true);
    expect(turnTimerRuns(seats, [0], 0)).toBe(false);
  });
});
