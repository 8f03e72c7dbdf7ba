/**
 * Every game that derives public fields on the client must get them exactly
 * right: over thousands of seeded random games, after every move, the view
 * unpacked from what the server would send equals the server's view, and the
 * fields meant to be derived are in fact left out.
 */
import { describe, expect, it } from 'vitest';
import { GAMES } from '../registry';
import { Rng } from '../rng';
import { packList, packPublic, unpackList, unpackPublic } from '../wire';
import type { AnyGame, WireRecord } from '../game';

/** Games per game kind; `DECKHAND_WIRE_GAMES=2000` for a longer run (the default keeps CI quick). */
const GAMES_PER_KIND = Number(process.env['DECKHAND_WIRE_GAMES'] ?? 50);

/** How often each derived field had to be sent, over every position of every game. */
function sentCounts(game: AnyGame, games: number): { positions: number; sent: Record<string, number>; mismatches: string[] } {
  const wire = game.publicWire!;
  const sent: Record<string, number> = Object.fromEntries(wire.derivedKeys.map((key) => [key, 0]));
  const mismatches: string[] = [];
  let positions = 0;
  for (let index = 0; index < games; index++) {
    const seed = `wire-${index}`;
    const seats = game.minSeats + (index % (game.maxSeats - game.minSeats + 1));
    const rng = Rng.fromSeed(`walk/${seed}`);
    let state: unknown = game.setup({ seed, seats, options: game.defaultOptions(seats) });
    let previous: WireRecord | null = null;
    // The table's seat of the last move, which clients hold beside the board.
    let lastSeat = -1;
    for (let step = 0; step < 5_000; step++) {
      const view = game.view(state, null).public as WireRecord;
      const packed = packPublic(wire, view, previous, { lastSeat });
      previous = packed;
      positions++;
      for (const key of wire.derivedKeys) if (Object.hasOwn(packed, key)) sent[key]!++;
      const unpacked = unpackPublic(wire, packed, { lastSeat });
      if (mismatches.length < 3 && JSON.stringify(sortKeys(unpacked)) !== JSON.stringify(sortKeys(view))) {
        mismatches.push(`${seed} step ${step}`);
      }
      const next = randomMove(game, state, rng);
      if (!next) break;
      state = next.state;
      lastSeat = next.seat;
    }
  }
  return { positions, sent, mismatches };
}

/** A random legal move by a random active seat, or null at the game's end. */
function randomMove(game: AnyGame, state: unknown, rng: Rng): { state: unknown; seat: number } | null {
  const active = game.activeSeats(state);
  if (active.length === 0) return null;
  const seat = rng.pick(active);
  const result = game.apply(state, seat, rng.pick(game.legalMoves(state, seat)));
  if (!result.ok) throw new Error(`legal move refused: ${result.error.code}`);
  return { state: result.state, seat };
}

function sortKeys(record: WireRecord): WireRecord {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

describe('public fields derived on the client', () => {
  for (const game of GAMES.filter((candidate) => candidate.publicWire)) {
    it(`[wire] ${game.id}: the unpacked view equals the server's after every move of ${GAMES_PER_KIND} games, and derived fields stay home`, { timeout: Math.max(600_000, GAMES_PER_KIND * 2_000) }, () => {
      const { positions, sent, mismatches } = sentCounts(game, GAMES_PER_KIND);
      expect(mismatches).toEqual([]);
      expect(positions).toBeGreaterThan(GAMES_PER_KIND * 50);
      // Whose turn it is and the hand sizes never travel; a turn only where the last move's seat does not tell it (a new hand).
      expect(sent['active']).toBe(0);
      if ('turn' in sent) expect(sent['turn']! / positions, 'turn').toBeLessThan(0.05);
      if ('handCounts' in sent) expect(sent['handCounts']).toBe(0);
      // Hearts: the trick, the last trick and who took which card never travel either (the carried plays say it all).
      for (const key of ['trick', 'lastTrick', 'wonBy']) if (key in sent) expect(sent[key], key).toBe(0);
      // Other derived fields travel at most in a few positions (a first trick's leader, say).
      for (const [key, count] of Object.entries(sent)) expect(count / positions, key).toBeLessThan(0.15);
    });
  }
});

describe('lists sent packed', () => {
  it('packList and unpackList give the list back, numbers and booleans alike', () => {
    const lists: (readonly number[] | readonly boolean[])[] = [[26, 0, 13, -10], [7], [0.5, 1e3], [true, false, false, true], [false]];
    for (const list of lists) expect(unpackList(packList(list))).toEqual(list);
    expect(packList([])).toBe('');
    expect(unpackList('')).toEqual([]);
    expect(packList([26, 0, -1])).toBe('26,0,-1');
    expect(packList([true, false])).toBe('b10');
    for (const bad of ['1,,2', 'x', '1,a', 'b102', ',']) expect(unpackList(bad), bad).toBeNull();
  });

  for (const game of GAMES) {
    it(`${game.id}: its live lists are the lists a move changes; every other list changes rarely`, () => {
      const live = new Set(game.liveLists ?? []);
      const seen = new Set<string>();
      const changes = new Map<string, number>();
      let moves = 0;
      for (let index = 0; index < 20; index++) {
        const seed = `live-${index}`;
        const seats = game.minSeats + (index % (game.maxSeats - game.minSeats + 1));
        const rng = Rng.fromSeed(`walk/${seed}`);
        let state: unknown = game.setup({ seed, seats, options: game.defaultOptions(seats) });
        let previous: WireRecord | null = null;
        let before = new Map<string, string>();
        for (let step = 0; step < 5_000; step++) {
          // What the server mirrors: the public view as sent, and every seat's private view.
          const board = game.view(state, null).public as WireRecord;
          const sent: WireRecord = game.publicWire ? packPublic(game.publicWire, board, previous) : board;
          previous = sent;
          const records = [sent, ...Array.from({ length: seats }, (_, seat) => (game.privateView(state, seat) ?? {}) as WireRecord)];
          const now = new Map<string, string>();
          records.forEach((record, which) => {
            for (const [key, value] of Object.entries(record)) {
              if (!Array.isArray(value)) continue;
              seen.add(key);
              now.set(`${which}:${key}`, JSON.stringify(value));
            }
          });
          if (step > 0) {
            moves++;
            for (const [slot, value] of now) {
              if (before.get(slot) === value) continue;
              const key = slot.slice(slot.indexOf(':') + 1);
              changes.set(key, (changes.get(key) ?? 0) + 1);
            }
          }
          before = now;
          const next = randomMove(game, state, rng);
          if (!next) break;
          state = next.state;
        }
      }
      for (const key of live) expect(seen.has(key), `live list ${key} is a list of a view`).toBe(true);
      // A packed list is sent whole each time it changes: only lists that change in under a fifth of the moves.
      const oftenChanged = [...changes].filter(([key, count]) => !live.has(key) && count / moves >= 0.2).map(([key]) => key);
      expect(oftenChanged).toEqual([]);
    });
  }
});
