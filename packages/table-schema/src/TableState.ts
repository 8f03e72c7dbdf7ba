/**
 * The synchronized table state. Field names and shapes are the contract read
 * by `snapshotFromState` in @deckhand/protocol (`TableStateJson`): change both
 * together. Built with the decorator-free `schema()` builder so every
 * transpiler (tsx, esbuild, vitest) reads it the same way.
 *
 * Nothing secret lives here: the deck, the RNG and the seed (until game over)
 * stay in the room as plain fields.
 */
import { schema } from '@colyseus/schema';
import type { MapSchema, SchemaType } from '@colyseus/schema';

/** A list of numbers; a wrapper because a map cannot hold arrays directly. */
export const NumberList = schema({ items: ['number'] }, 'NumberList');
export type NumberList = SchemaType<typeof NumberList>;

/**
 * A flat view record, one map per value kind so each field keeps its type and
 * a move patches only the entries it changed. Card codes are "number", which
 * encodes 0-127 in one byte, like uint8.
 *
 * Each map exists only once the record holds a value of its kind (the server's
 * mirror makes it): every schema instance carries a change tree of a dozen
 * objects, and a Hearts hand, say, uses only `list`. Readers take a missing
 * map as empty.
 */
export const WireRecordState = schema(
  {
    num: { map: 'number', default: undefined },
    str: { map: 'string', default: undefined },
    flag: { map: 'boolean', default: undefined },
    list: { map: NumberList, default: undefined },
    /** Boolean lists as 0/1, kept apart so they decode back to booleans. */
    flags: { map: NumberList, default: undefined },
    /**
     * Lists that change a few times a hand, each as one string (`packList` in
     * @deckhand/rules): a list costs its holder two schema instances, about 50
     * heap objects, on the server and in every client.
     */
    packed: { map: 'string', default: undefined },
    /**
     * The record's first live list of numbers (a hand, the trick), held
     * directly: in `list` it would cost the map and a `NumberList` wrapper,
     * two schema instances more, in every hand of every table. `liveKey`
     * names it; '' while the slot is empty.
     */
    live: { array: 'number', default: undefined },
    liveKey: { type: 'string', default: '' },
  },
  'WireRecordState',
);
/** The maps and the live slot of a record: each one absent until the record holds a value of its kind. */
interface WireMaps {
  num: MapSchema<number>;
  str: MapSchema<string>;
  flag: MapSchema<boolean>;
  list: MapSchema<NumberList>;
  flags: MapSchema<NumberList>;
  packed: MapSchema<string>;
  /** An ArraySchema at run time; the schema builder types array fields as arrays. */
  live: number[];
}
type WithOptionalMaps<T> = Omit<T, keyof WireMaps> & Partial<WireMaps>;
export type WireRecordState = WithOptionalMaps<SchemaType<typeof WireRecordState>>;

/** One seat's private view; reaches only its owner through the StateView. */
export const PrivateState = WireRecordState.extends({ seat: { type: 'int8', default: -1 } }, 'PrivateState');
export type PrivateState = WithOptionalMaps<SchemaType<typeof PrivateState>>;

export const SeatState = schema(
  {
    playerId: { type: 'string', default: '' },
    name: { type: 'string', default: '' },
    kind: { type: 'string', default: 'empty' },
    botLevel: { type: 'string', default: '' },
    connected: { type: 'boolean', default: false },
    reconnectDeadline: { type: 'number', default: 0 },
    away: { type: 'boolean', default: false },
    timeouts: { type: 'uint8', default: 0 },
    /** A human seat held by a bot program (joined with `program: true`); shown with a badge, treated like any seat. */
    program: { type: 'boolean', default: false },
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const SpectatorState = schema(
  {
    name: { type: 'string', default: '' },
    connected: { type: 'boolean', default: true },
  },
  'SpectatorState',
);
export type SpectatorState = SchemaType<typeof SpectatorState>;


export const TableState = schema(
  {
    code: { type: 'string', default: '' },
    gameId: { type: 'string', default: '' },
    /**
     * The game's options as JSON (`{"target":100}`): set in the lobby and fixed
     * for a game, so one string, not a record of maps with a change tree each.
     */
    options: { type: 'string', default: '{}' },
    visibility: { type: 'string', default: 'private' },
    phase: { type: 'string', default: 'lobby' },
    hostId: { type: 'string', default: '' },
    seats: [SeatState],
    /** Keyed by player id. Made with the first spectator (most tables never have one); readers take none as empty. */
    spectators: { map: SpectatorState, default: undefined },
    maxSpectators: { type: 'uint8', default: 8 },
    /** Newcomers knock and wait for the host. */
    locked: { type: 'boolean', default: false },
    /**
     * Newcomers knocking at a locked table (`TableDoor`): their names, keyed by
     * player id. Plain strings, not a class: every class costs each joining
     * client its description in the handshake. Made with the first knock.
     */
    knocking: { map: 'string', default: undefined },
    turnSeconds: { type: 'uint8', default: 30 },
    /** Epoch ms; valid at move `deadlineMove` only (see `room/DeadlineMirror.ts`). */
    deadline: { type: 'number', default: 0 },
    deadlineMove: { type: 'number', default: 0 },
    seedHash: { type: 'string', default: '' },
    seed: { type: 'string', default: '' },
    board: WireRecordState,
    /** Keyed by seat index; each entry is added to its owner's StateView only. */
    hands: { map: PrivateState, view: true },
    /**
     * Filled at game over: `scores`, `winners` and `ranking` as lists of a view
     * record (no class of its own, for the handshake's sake). Made at the first
     * game's end.
     */
    outcome: { type: WireRecordState, default: undefined },
    moveNumber: { type: 'number', default: 0 },
    lastSeat: { type: 'int8', default: -1 },
    lastBy: { type: 'string', default: '' },
  },
  'TableState',
);
/** The fields made on first use are absent until then. */
type MadeOnFirstUse = 'spectators' | 'knocking' | 'outcome';
type TableStateFields = SchemaType<typeof TableState>;
export type TableState = Omit<TableStateFields, MadeOnFirstUse> & Partial<Pick<TableStateFields, MadeOnFirstUse>>;
