import { describe, expect, it } from 'vitest';
import { gameViewOf, seatOfPlayer, snapshotFromState, wireRecordFromJson } from './snapshot';

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
    const outcome = { scores: [3, 40], winners: [0], ranking: [0, 1] };
    expect(snapshotFromState({ phase: 'playing', outcome }).outcome).toBeNull();
    expect(snapshotFromState({ phase: 'gameOver', outcome }).outcome).toEqual(outcome);
  });
});
