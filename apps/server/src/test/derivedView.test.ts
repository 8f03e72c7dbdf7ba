/**
 * What a client derives instead of receiving, checked against the server's
 * own views after every move of many seeded games. The server side is the
 * real mirror into the real schema, encoded as for a client; the client side
 * decodes it with the schema sent by reflection and reads it with the web's
 * `snapshotFromState`. Clients per game: one seated from the deal (the
 * board, and its own hand on an encoder of its own, as the StateView gives
 * it), a spectator from the deal, one that joins in the middle of the game (a
 * spectator arriving, or a reconnect) from a full state, the same two
 * decoding with the table's own classes as the web does (no description in
 * the handshake), and one of a table restored in the middle of the game,
 * whose mirror starts without the history it carries from move to move.
 */
import { Decoder, Encoder, Reflection } from '@colyseus/schema';
import { snapshotFromState, wireRecordFromJson } from '@deckhand/protocol';
import type { TableStateJson, WireRecordJson } from '@deckhand/protocol';
import { GAMES, Rng } from '@deckhand/rules';
import type { AnyGame } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import { boardTellsLastSeat, liveListsOf, mirrorBoard, mirrorRecord } from '../mirror';
import { PrivateState, SeatState, TableState } from '@deckhand/table-schema';

/** Games per game kind; `DECKHAND_WIRE_GAMES=2000` for a longer run (the default keeps CI quick). */
const GAMES_PER_KIND = Number(process.env['DECKHAND_WIRE_GAMES'] ?? 8);

function decoderFor(encoder: Encoder): Decoder {
  const decoder = Reflection.decode(Reflection.encode(encoder));
  decoder.decode(encoder.encodeAll());
  return decoder;
}

/** A client holding the table's classes: it decodes the full state without a description. */
function knownDecoderFor(encoder: Encoder): Decoder {
  const decoder = new Decoder(new TableState());
  decoder.decode(encoder.encodeAll());
  return decoder;
}

function snapshotOf(decoder: Decoder) {
  return snapshotFromState((decoder.state as unknown as { toJSON(): TableStateJson }).toJSON());
}

/** Plays one seeded game and checks every client after every move; returns the moves checked. */
function checkGame(game: AnyGame, index: number): number {
  const seats = game.minSeats + (index % (game.maxSeats - game.minSeats + 1));
  const rng = Rng.fromSeed(`derived/${game.id}/${index}`);
  let rules: unknown = game.setup({ seed: `derived-${index}`, seats, options: game.defaultOptions(seats) });
  const tableFor = (): TableState => {
    const created = new TableState();
    created.gameId = game.id;
    created.phase = 'playing';
    for (let seat = 0; seat < seats; seat++) created.seats.push(new SeatState().assign({ kind: 'human', playerId: `p${seat}` }));
    return created;
  };
  const table = tableFor();
  // Seat 0's hand on a connection of its own: the table's hands only reach their owner through a StateView.
  const hand = new PrivateState();
  hand.seat = 0;
  let lastSeat = -1;
  /** As the room's mirror does: the board, then the table's `lastSeat` unless the board tells it. */
  const mirrorInto = (target: TableState): void => {
    mirrorBoard(target.board, game, game.view(rules, null).public, { lastSeat });
    if (!boardTellsLastSeat(target.board, game, lastSeat)) target.lastSeat = lastSeat;
  };
  const mirror = (): void => {
    mirrorInto(table);
    mirrorRecord(hand, game.view(rules, 0).private ?? {}, liveListsOf(game));
  };
  mirror();
  const encoder = new Encoder(table);
  const handEncoder = new Encoder(hand);
  const seated = decoderFor(encoder);
  const ownHand = decoderFor(handEncoder);
  // The clients above hold the full state; the changes that built it are not a patch to send them again.
  encoder.discardChanges();
  handEncoder.discardChanges();
  const spectator = decoderFor(encoder);
  const knownSpectator = knownDecoderFor(encoder);
  let late: Decoder | null = null;
  let knownLate: Decoder | null = null;
  /** A table restored from its log at `joinAt`: a new mirror, a new state, a client holding the classes. */
  let restored: { table: TableState; encoder: Encoder; client: Decoder } | null = null;
  const joinAt = 1 + rng.int(200);
  let moves = 0;
  for (;;) {
    const view = game.view(rules, 0);
    const seatedSnapshot = snapshotOf(seated);
    expect(seatedSnapshot.board, `${game.id} game ${index} move ${moves}: seated board`).toEqual(view.public);
    expect(wireRecordFromJson((ownHand.state as unknown as { toJSON(): WireRecordJson }).toJSON()), `${game.id} game ${index} move ${moves}: own hand`).toEqual(view.private);
    expect(seatedSnapshot.active).toEqual(game.activeSeats(rules));
    // Who moved last, whether the table's field or the board told it.
    for (const client of [seated, spectator, knownSpectator, late, knownLate, restored?.client]) {
      if (client) expect(snapshotOf(client).lastMove?.seat ?? -1, `${game.id} game ${index} move ${moves}: last mover`).toBe(lastSeat);
    }
    expect(snapshotOf(spectator).board, `${game.id} game ${index} move ${moves}: spectator`).toEqual(view.public);
    expect(snapshotOf(knownSpectator).board, `${game.id} game ${index} move ${moves}: spectator, own classes`).toEqual(view.public);
    if (late) expect(snapshotOf(late).board, `${game.id} game ${index} move ${moves}: joined mid-game`).toEqual(view.public);
    if (knownLate) expect(snapshotOf(knownLate).board, `${game.id} game ${index} move ${moves}: joined mid-game, own classes`).toEqual(view.public);
    if (restored) expect(snapshotOf(restored.client).board, `${game.id} game ${index} move ${moves}: restored table`).toEqual(view.public);

    const active = game.activeSeats(rules);
    if (active.length === 0) return moves;
    const seat = rng.pick(active);
    const result = game.apply(rules, seat, rng.pick(game.legalMoves(rules, seat)));
    if (!result.ok) throw new Error(`legal move refused: ${result.error.code}`);
    rules = result.state;
    moves++;
    table.moveNumber = moves;
    lastSeat = seat;
    mirror();
    const patch = encoder.encode();
    seated.decode(patch);
    spectator.decode(patch);
    late?.decode(patch);
    knownSpectator.decode(patch);
    knownLate?.decode(patch);
    encoder.discardChanges();
    if (restored) {
      restored.table.moveNumber = moves;
      mirrorInto(restored.table);
      restored.client.decode(restored.encoder.encode());
      restored.encoder.discardChanges();
    }
    ownHand.decode(handEncoder.encode());
    handEncoder.discardChanges();
    if (moves === joinAt) {
      late = decoderFor(encoder);
      knownLate = knownDecoderFor(encoder);
      const restoredTable = tableFor();
      restoredTable.moveNumber = moves;
      mirrorInto(restoredTable);
      const restoredEncoder = new Encoder(restoredTable);
      restored = { table: restoredTable, encoder: restoredEncoder, client: knownDecoderFor(restoredEncoder) };
      restoredEncoder.discardChanges();
    }
  }
}

describe('the view a client derives equals the server\'s', () => {
  for (const game of GAMES.filter((candidate) => candidate.publicWire)) {
    it(`[wire] ${game.id}: seated, spectating and joining clients after every move of ${GAMES_PER_KIND} seeded games`, { timeout: Math.max(600_000, GAMES_PER_KIND * 2_000) }, () => {
      let moves = 0;
      for (let index = 0; index < GAMES_PER_KIND; index++) moves += checkGame(game, index);
      expect(moves).toBeGreaterThan(GAMES_PER_KIND * 50);
    });
  }
});
