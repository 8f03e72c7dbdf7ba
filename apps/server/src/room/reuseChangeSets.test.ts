/**
 * Emptying @colyseus/schema's change sets (`reuseChangeSets`) and the views'
 * change maps (`tableView`) in place must not change a byte any client
 * receives. Seeded games of every game are played
 * through the real table core and the room's mirror, encoded as the room's
 * serializer does (the full state at each join, then at every call the shared
 * patch and each seated client's view), once with the library's own
 * methods and plain views, once as the room runs: every message must be the same, and the
 * decoded hands must be the seats' own and hold exactly what the rules show each seat
 * after every call.
 */
import type { Decoder } from '@colyseus/schema';
import { $changes, Encoder, Reflection, StateView } from '@colyseus/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { BotLevel, TablePhase, wireRecordFromJson } from '@deckhand/protocol';
import type { WireRecordJson } from '@deckhand/protocol';
import { GAMES, Rng } from '@deckhand/rules';
import type { AnyGame, MoveBase } from '@deckhand/rules';
import { TableState } from '@deckhand/table-schema';
import { FakeClock, testEnvironment } from '../test/fakeClock';
import { Table } from '../table/Table';
import { TableMirror } from './TableMirror';
import { reuseChangeSets } from './reuseChangeSets';
import { ClearInPlaceMap, tableView } from './tableView';

const GAMES_PER_KIND = 3;

interface Played {
  /** Every message in the order the clients got them, as hex. */
  readonly messages: string[];
  /** Whether the root's pending change set was the same object before and after the last patch. */
  readonly sameChangeSet: boolean;
}

function play(game: AnyGame, index: number, makeView: () => StateView): Played {
  const seats = game.maxSeats;
  const rng = Rng.fromSeed(`reuse/${game.id}/${index}`);
  const clock = new FakeClock();
  const state = new TableState();
  const mirror = new TableMirror(state);
  const encoder = new Encoder(state);
  const views = new Map<number, StateView>();
  const decoders = new Map<number, Decoder>();
  const messages: string[] = [];
  const fullBuffer = Buffer.alloc(64 * 1024);
  let table: Table | null = null;
  let sameChangeSet = false;
  /** The table state's own pending change set (the library's internals, read to tell new from reused). */
  const rootChangeSet = (): object => (state as unknown as Record<string, { changes: object }>)[$changes]!.changes;

  const flush = (): void => {
    if (!table) return;
    const output = table.takeOutput();
    for (const seat of output.renewHands) mirror.renewHand(table, seat, views.get(seat));
    mirror.sync(table, (seat) => views.get(seat), [...views.values()]);
    table.forgetView();
    const before = rootChangeSet();
    // Byte 0 is the message code, which the room's serializer writes; the encoder leaves it as it was.
    encoder.sharedBuffer[0] = 0;
    const it = { offset: 1 };
    const shared = encoder.encode(it);
    messages.push(Buffer.from(shared).toString('hex'));
    const sharedOffset = it.offset;
    for (const [seat, view] of views) {
      // A client still joining gets no patch (the room's serializer skips it); the full state follows.
      if (!decoders.has(seat)) continue;
      const patch = encoder.encodeView(view, sharedOffset, it);
      messages.push(`${seat}:${Buffer.from(patch).toString('hex')}`);
      const decoder = decoders.get(seat)!;
      // Past the message code, as a client reads a patch.
      decoder.decode(patch, { offset: 1 });
      // What the client decoded holds no hand but its own.
      const hands = (decoder.state as unknown as { toJSON(): { hands?: Record<string, WireRecordJson & { seat: number }> } }).toJSON().hands ?? {};
      for (const hand of Object.values(hands)) expect(hand.seat, `${game.id} game ${index}: seat ${seat} got another hand`).toBe(seat);
      const gameState = table.gameState;
      if (gameState !== null) {
        const own = Object.values(hands)[0];
        expect(own && wireRecordFromJson(own), `${game.id} game ${index}: seat ${seat}'s hand`).toEqual(table.game.privateView(gameState, seat));
      }
    }
    encoder.discardChanges();
    sameChangeSet = rootChangeSet() === before;
  };

  /** A human takes `seat`, getting the full state of its own view, as a join does. */
  const seatHuman = (seat: number): void => {
    const view = makeView();
    views.set(seat, view);
    flush();
    const decoder = Reflection.decode(Reflection.encode(encoder));
    // As the room's serializer sends a full state: everything shared, then what this view may see.
    const shared = { offset: 0 };
    encoder.encodeAll(shared, fullBuffer);
    const full = encoder.encodeAllView(view, shared.offset, { ...shared }, fullBuffer);
    messages.push(`join ${seat}:${Buffer.from(full).toString('hex')}`);
    decoder.decode(full);
    decoders.set(seat, decoder);
  };

  const created = Table.create(testEnvironment({ now: () => clock.now(), later: (ms, action) => clock.later(ms, () => { action(); flush(); }) }, `${game.id}-${index}`), {
    code: 'BCDFG', gameId: game.id, seatCount: seats, turnSeconds: 30, maxSpectators: 8,
  });
  if (!created.ok) throw new Error(created.error.message);
  table = created.table;
  const players = Array.from({ length: seats }, (_, seat) => ({ playerId: `p${seat}`, name: `Player ${seat}` }));
  // Two humans, each with a client and its own view; bots in the other seats.
  for (const seat of [0, 1]) {
    table.join(players[seat]!, false);
    seatHuman(seat);
  }
  for (let seat = 2; seat < seats; seat++) table.handle('p0', { type: 'addBot', seat, level: BotLevel.Normal });
  flush();
  expect(table.handle('p0', { type: 'start' })).toBeNull();
  flush();
  for (let step = 0; step < 20_000 && table.model.phase === TablePhase.Playing; step++) {
    const gameState = table.gameState;
    const movers = gameState === null ? [] : [...views.keys()].filter((seat) => table!.game.legalMoves(gameState, seat).length > 0);
    // Mostly a player answers at once; sometimes the clock runs (bots, hand summaries, a turn timing out).
    if (movers.length > 0 && rng.int(10) < 8) {
      const seat = rng.pick(movers);
      const legal: MoveBase[] = table.game.legalMoves(gameState!, seat);
      expect(table.handle(`p${seat}`, { type: 'move', move: rng.pick(legal) })).toBeNull();
      flush();
    } else {
      clock.step(rng.int(2) === 0 ? 1_000 : 40_000);
    }
  }
  expect(table.model.phase, `${game.id} game ${index} did not end`).toBe(TablePhase.GameOver);
  table.close();
  return { messages, sameChangeSet };
}

describe('reusing the schema change sets', () => {
  let undo: (() => void) | null = null;
  afterEach(() => {
    undo?.();
    undo = null;
  });

  for (const game of GAMES) {
    it(`[wire] ${game.id}: every patch, view and join of ${GAMES_PER_KIND} seeded games is the same byte for byte`, { timeout: 120_000 }, () => {
      for (let index = 0; index < GAMES_PER_KIND; index++) {
        // Installing and undoing at once leaves the library's own methods, whatever state this worker was in.
        reuseChangeSets()();
        const library = play(game, index, () => new StateView());
        undo = reuseChangeSets();
        const reused = play(game, index, tableView);
        undo();
        undo = null;
        expect(library.sameChangeSet, 'the library makes a new change set per patch').toBe(false);
        expect(reused.sameChangeSet, 'the reuse keeps the change set').toBe(true);
        expect(reused.messages.length).toBe(library.messages.length);
        expect(library.messages.length).toBeGreaterThan(50);
        for (let i = 0; i < library.messages.length; i++) {
          expect(reused.messages[i], `${game.id} game ${index} message ${i}`).toBe(library.messages[i]);
        }
      }
    });
  }
});

describe('a view\'s change map', () => {
  it('is emptied by clear, keeps working after it, and clears while entries come and go', () => {
    const map = tableView().changes as Map<number, Record<number, number>>;
    expect(map).toBeInstanceOf(ClearInPlaceMap);
    map.clear();
    expect(map.size).toBe(0);
    for (let round = 0; round < 3; round++) {
      for (let key = 0; key < 5 + round; key++) map.set(key, { [key]: round });
      expect(map.size).toBe(5 + round);
      map.clear();
      expect(map.size).toBe(0);
      expect([...map.keys()]).toEqual([]);
      expect(map.get(0)).toBeUndefined();
    }
    map.set(7, { 1: 128 });
    expect([...map.entries()]).toEqual([[7, { 1: 128 }]]);
  });
});
