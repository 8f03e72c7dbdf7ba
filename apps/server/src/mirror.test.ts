import { describe, expect, it } from 'vitest';
import { Encoder, Reflection } from '@colyseus/schema';
import { wireRecordFromJson } from '@deckhand/protocol';
import type { WireRecordJson } from '@deckhand/protocol';
import { Rng } from '@deckhand/rules';
import type { WireRecord, WireValue } from '@deckhand/rules';
import { mirrorRecord } from './mirror';
import type { LiveLists } from './mirror';

/** The lists kept as schema lists in these tests; the others travel packed. */
const LIVE: LiveLists = new Set(['hand', 'trick', 'voids']);
import { TableState } from '@deckhand/table-schema';

/** Encodes the server state and decodes it as a client would, with the schema sent by reflection. */
function wire() {
  const state = new TableState();
  const encoder = new Encoder(state);
  const decoder = Reflection.decode(Reflection.encode(encoder));
  decoder.decode(encoder.encodeAll());
  let bytes = 0;
  return {
    state,
    /** Sends pending changes; returns the decoded board as the client sees it. */
    sync(): Record<string, WireValue> {
      const patch = encoder.encode();
      bytes = patch.length;
      decoder.decode(patch);
      encoder.discardChanges();
      const json = (decoder.state as unknown as { toJSON(): { board: WireRecordJson } }).toJSON();
      return wireRecordFromJson(json.board);
    },
    lastPatchBytes: () => bytes,
  };
}

function randomRecord(rng: Rng): WireRecord {
  const record: Record<string, WireValue> = {};
  const keys = ['turn', 'phase', 'broken', 'hand', 'trick', 'voids', 'scores', 'extra'];
  for (const key of keys) {
    switch (rng.int(6)) {
      case 0:
        record[key] = rng.int(100) - 50;
        break;
      case 1:
        record[key] = rng.pick(['play', 'pass', '']);
        break;
      case 2:
        record[key] = rng.int(2) === 0;
        break;
      case 3:
        record[key] = Array.from({ length: rng.int(14) }, () => rng.int(52));
        break;
      case 4:
        record[key] = Array.from({ length: rng.int(5) }, () => rng.int(2) === 0);
        break;
      default:
        break; // the key is absent this time
    }
  }
  return record;
}

describe('mirrorRecord', () => {
  it('a client decodes exactly the view it mirrors, whatever the sequence of values and kinds', () => {
    const rng = Rng.fromSeed('mirror');
    const { state, sync } = wire();
    for (let step = 0; step < 500; step++) {
      const record = randomRecord(rng);
      // Half the steps treat every list as packed, so a key also moves between a schema list and a string.
      mirrorRecord(state.board, record, step % 4 < 2 ? LIVE : undefined);
      expect(sync()).toEqual(record);
    }
  });

  it('removing one card from a hand, or playing one to the trick, costs a few bytes', () => {
    const { state, sync, lastPatchBytes } = wire();
    const hand = [0, 5, 9, 13, 20, 27, 33, 38, 40, 44, 47, 49, 51];
    mirrorRecord(state.board, { hand, trick: [], turn: 0 }, LIVE);
    sync();
    mirrorRecord(state.board, { hand: hand.filter((card) => card !== 20), trick: [20], turn: 1 }, LIVE);
    expect(sync()).toEqual({ hand: hand.filter((card) => card !== 20), trick: [20], turn: 1 });
    expect(lastPatchBytes()).toBeLessThan(20);
  });
});

describe('a record carries only the kinds of value it holds', () => {
  it('makes a map on its first value of that kind, and the client decodes the same record', () => {
    const { state, sync } = wire();
    expect([state.board.num, state.board.str, state.board.flag, state.board.list, state.board.flags]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // Lists only: the first in the record's own slot, the second in the one map made (each map a schema instance with its own change tree).
    mirrorRecord(state.board, { hand: [3, 9, 41], trick: [] }, LIVE);
    expect(sync()).toEqual({ hand: [3, 9, 41], trick: [] });
    expect(state.board.liveKey).toBe('hand');
    expect([...state.board.list!.keys()]).toEqual(['trick']);
    expect([state.board.num, state.board.str, state.board.flag, state.board.flags, state.board.packed]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    mirrorRecord(state.board, { hand: [3, 9], turn: 2, voids: [true, false] }, LIVE);
    expect(sync()).toEqual({ hand: [3, 9], turn: 2, voids: [true, false] });
    expect(state.board.str).toBeUndefined();
  });
});

describe('lists that change a few times a hand', () => {
  it('travel as one string each: no schema list to hold, and a change costs about its text', () => {
    const { state, sync, lastPatchBytes } = wire();
    mirrorRecord(state.board, { hand: [3, 9, 41], scores: [0, 0, 0, 0], continued: [] }, LIVE);
    expect(sync()).toEqual({ hand: [3, 9, 41], scores: [0, 0, 0, 0], continued: [] });
    // One schema list (the hand, which a move changes by one card), in the record's own slot; the others are strings in one map.
    expect(state.board.liveKey).toBe('hand');
    expect([state.board.list, state.board.flags]).toEqual([undefined, undefined]);
    expect(Object.fromEntries(state.board.packed!.entries())).toEqual({ scores: '0,0,0,0', continued: '' });
    mirrorRecord(state.board, { hand: [3, 9, 41], scores: [26, 0, 13, -10], continued: [true, false] }, LIVE);
    expect(sync()).toEqual({ hand: [3, 9, 41], scores: [26, 0, 13, -10], continued: [true, false] });
    expect(lastPatchBytes()).toBeLessThan(30);
    // Unchanged lists send nothing.
    mirrorRecord(state.board, { hand: [3, 9, 41], scores: [26, 0, 13, -10], continued: [true, false] }, LIVE);
    sync();
    expect(lastPatchBytes()).toBe(0);
  });
});

describe('the live slot', () => {
  it('holds one live list at a time, is handed on when its list goes, and costs no wrapper or map', () => {
    const { state, sync } = wire();
    mirrorRecord(state.board, { hand: [1, 2], trick: [7] }, LIVE);
    expect(sync()).toEqual({ hand: [1, 2], trick: [7] });
    const slot = state.board.live;
    // The hand leaves the record: the slot empties in place, and the trick keeps its map entry.
    mirrorRecord(state.board, { trick: [7] }, LIVE);
    expect(sync()).toEqual({ trick: [7] });
    expect([state.board.liveKey, state.board.live?.length, [...state.board.list!.keys()]]).toEqual(['', 0, ['trick']]);
    // The next live list written takes the free slot, the same instance.
    mirrorRecord(state.board, { trick: [7], hand: [4] }, LIVE);
    expect(sync()).toEqual({ trick: [7], hand: [4] });
    expect(state.board.liveKey).toBe('hand');
    expect(state.board.live).toBe(slot);
    // A slot key that turns into a number or a packed list leaves the slot.
    mirrorRecord(state.board, { trick: [7], hand: 3 }, LIVE);
    expect(sync()).toEqual({ trick: [7], hand: 3 });
    expect(state.board.liveKey).toBe('');
    mirrorRecord(state.board, { trick: [7], hand: [5, 6] }, new Set());
    expect(sync()).toEqual({ trick: [7], hand: [5, 6] });
    expect([state.board.liveKey, state.board.packed?.get('hand')]).toEqual(['', '5,6']);
  });
});

describe('clearRecord', () => {
  it('empties a record that lived through many changes', () => {
    const rng = Rng.fromSeed('clear');
    const { state, sync } = wire();
    for (let step = 0; step < 50; step++) {
      const record = randomRecord(rng);
      mirrorRecord(state.board, { ...record, a: step, b: 'x', c: true, d: [step], e: [true] });
      sync();
    }
    mirrorRecord(state.board, {});
    expect(sync()).toEqual({});
  });
});
