/**
 * The turn deadline (and the hand number) a client shows equals the table's after every patch, over
 * many seeded games of every game: the real table core on a fake clock (bots,
 * turn timeouts, players going away after timeouts, hand summaries), the
 * room's mirror into the real schema, and clients decoding each patch and
 * reading it with the web's `snapshotFromState` and move clock. A fresh
 * deadline is counted from the move and a kept one stays as the client showed
 * it; everything else must be written out. Two clients: one from the start,
 * one joining mid-game from a full state (a spectator arriving, a reconnect).
 */
import type { Decoder } from '@colyseus/schema';
import { Encoder, Reflection } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { BotLevel, TablePhase, createMoveClock, snapshotFromState } from '@deckhand/protocol';
import type { MoveClock, TableStateJson } from '@deckhand/protocol';
import { GAMES, Rng } from '@deckhand/rules';
import type { AnyGame, MoveBase } from '@deckhand/rules';
import { TableMirror } from '../room/TableMirror';
import { Table } from '../table/Table';
import type { TableEnv } from '../table/types';
import { TableState } from '@deckhand/table-schema';
import { FakeClock, testEnvironment } from './fakeClock';

/** Games per game kind; `DECKHAND_WIRE_GAMES=2000` for a longer run (the default keeps CI quick). */
const GAMES_PER_KIND = Number(process.env['DECKHAND_WIRE_GAMES'] ?? 8);
const TURN_SECONDS = 30;

function environment(clock: FakeClock, seed: string, afterTimer: () => void): TableEnv {
  // Like the room: every timer's changes are sent in a patch of their own.
  const patched = { now: () => clock.now(), later: (ms: number, action: () => void) => clock.later(ms, () => { action(); afterTimer(); }) };
  return testEnvironment(patched, seed, { min: 300, max: 900 });
}

/** A client: the decoder its socket feeds, and its own move clock on the test's time. */
interface Watcher {
  readonly name: string;
  readonly decoder: Decoder;
  readonly clock: MoveClock;
}

function watcher(name: string, encoder: Encoder, clock: FakeClock): Watcher {
  const decoder = Reflection.decode(Reflection.encode(encoder));
  decoder.decode(encoder.encodeAll());
  return { name, decoder, clock: createMoveClock(() => clock.now()) };
}

/** Plays one seeded game; after every patch each client's deadline must be the table's. Returns the patches checked. */
function checkGame(game: AnyGame, index: number): number {
  const seats = game.minSeats + (index % (game.maxSeats - game.minSeats + 1));
  const rng = Rng.fromSeed(`deadline/${game.id}/${index}`);
  const clock = new FakeClock();
  const state = new TableState();
  const mirror = new TableMirror(state);
  let encoder: Encoder | null = null;
  const watchers: Watcher[] = [];
  let checked = 0;
  let table: Table | null = null;
  /** What the client shows now, read as the web reads it (at every patch, and at the full state of a join). */
  const check = (client: Watcher): void => {
    const json = (client.decoder.state as unknown as { toJSON(): TableStateJson }).toJSON();
    const snapshot = snapshotFromState(json, client.clock);
    const where = `${game.id} game ${index} move ${table!.model.moveNumber}: ${client.name}`;
    expect(snapshot.deadline, where).toBe(table!.model.deadline);
    // The hand number is read from the board, not sent twice.
    expect(snapshot.handNumber, where).toBe(table!.model.handNumber);
    checked++;
  };
  const flush = (): void => {
    if (!table || !encoder) return;
    table.takeOutput();
    mirror.sync(table, () => undefined, []);
    const patch = encoder.encode();
    encoder.discardChanges();
    for (const client of watchers) {
      client.decoder.decode(patch);
      check(client);
    }
  };
  const created = Table.create(environment(clock, `${game.id}-${index}`, flush), {
    code: 'BCDFG', gameId: game.id, seatCount: seats, turnSeconds: TURN_SECONDS, maxSpectators: 8,
  });
  if (!created.ok) throw new Error(created.error.message);
  table = created.table;
  // One to all seats human, the rest bots; humans time out now and then and go away after two timeouts.
  const humans = 1 + rng.int(seats);
  const players = Array.from({ length: humans }, (_, seat) => ({ playerId: `p${seat}`, name: `Player ${seat}` }));
  for (const player of players) table.join(player, false);
  for (let seat = humans; seat < seats; seat++) table.handle('p0', { type: 'addBot', seat, level: BotLevel.Normal });
  encoder = new Encoder(state);
  flush();
  watchers.push(watcher('seated from the start', encoder, clock));
  check(watchers[0]!);
  encoder.discardChanges();
  expect(table.handle('p0', { type: 'start' })).toBeNull();
  flush();
  const joinAt = 1 + rng.int(150);
  let joined = false;
  for (let step = 0; step < 20_000 && table.model.phase === TablePhase.Playing; step++) {
    if (!joined && table.model.moveNumber >= joinAt) {
      // As the room does before a join or a reconnect: the deadline is written out, and the newcomer gets the full state.
      mirror.revealDeadline();
      flush();
      watchers.push(watcher('joined mid-game', encoder, clock));
      check(watchers[1]!);
      joined = true;
    }
    const gameState = table.gameState;
    const movers = gameState === null ? [] : players.filter((player) => {
      const seat = table!.seatOf(player.playerId);
      return seat !== null && !table!.model.seats[seat]!.away && table!.game.legalMoves(gameState, seat).length > 0;
    });
    // Mostly a player answers at once; sometimes the clock runs (bots, hand summaries, a turn timing out).
    if (movers.length > 0 && rng.int(10) < 8) {
      const player = rng.pick(movers);
      const legal: MoveBase[] = table.game.legalMoves(gameState, table.seatOf(player.playerId)!);
      expect(table.handle(player.playerId, { type: 'move', move: rng.pick(legal) })).toBeNull();
      flush();
    } else {
      clock.step(rng.int(2) === 0 ? 1_000 : 40_000);
    }
  }
  expect(table.model.phase, `${game.id} game ${index} did not end`).toBe(TablePhase.GameOver);
  table.close();
  return checked;
}

describe('the turn deadline a client shows equals the table\'s', () => {
  for (const game of GAMES) {
    it(`[wire] ${game.id}: after every patch of ${GAMES_PER_KIND} seeded games with the turn timer on, seated and joining mid-game`, { timeout: Math.max(600_000, GAMES_PER_KIND * 2_000) }, () => {
      let checked = 0;
      for (let index = 0; index < GAMES_PER_KIND; index++) checked += checkGame(game, index);
      expect(checked).toBeGreaterThan(GAMES_PER_KIND * 50);
    });
  }
});
