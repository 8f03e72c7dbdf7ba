/**
 * Copies a game's flat view record into schema, touching only what changed,
 * so a move costs a few bytes per client instead of a whole view.
 */
import { ArraySchema, MapSchema } from '@colyseus/schema';
import { NO_CONTEXT, lastMoverOf, packList, packPublic } from '@deckhand/rules';
import type { AnyGame, WireContext, WireRecord, WireValue } from '@deckhand/rules';
import { NumberList } from '@deckhand/table-schema';
import type { WireRecordState } from '@deckhand/table-schema';

type ListKind = 'list' | 'flags';
type ScalarKind = 'num' | 'str' | 'flag';
type MapKind = ScalarKind | ListKind | 'packed';
const MAP_KINDS: readonly MapKind[] = ['num', 'str', 'flag', 'list', 'flags', 'packed'];

/** The keys of the lists kept as schema lists (`GameDefinition.liveLists`); every other list is packed into a string. */
export type LiveLists = ReadonlySet<string>;
/** A record none of whose lists changes move by move (options, the outcome): every list packed. */
export const NO_LIVE_LISTS: LiveLists = new Set();

const liveSets = new WeakMap<AnyGame, LiveLists>();

/** `game.liveLists` as a set, made once per game. */
export function liveListsOf(game: AnyGame): LiveLists {
  let set = liveSets.get(game);
  if (!set) liveSets.set(game, (set = new Set(game.liveLists ?? [])));
  return set;
}

function listKindOf(target: WireRecordState, key: string, value: readonly (number | boolean)[]): ListKind {
  if (value.length > 0) return typeof value[0] === 'boolean' ? 'flags' : 'list';
  // An empty list has no element type: keep the kind it had, numbers otherwise.
  return target.flags?.has(key) ? 'flags' : 'list';
}

/** Brings `items` to `next` with the fewest operations for the usual moves (push, pop, one card removed, clear). */
export function mirrorList(list: ArraySchema<number> | number[], next: readonly number[]): void {
  // The schema builder types array fields as number[]; at run time they are ArraySchema.
  const items = list as ArraySchema<number>;
  // Read through one copy: each index read on an ArraySchema goes through its Proxy.
  const current = items.toArray();
  const length = current.length;
  if (next.length === 0) {
    if (length > 0) items.clear();
    return;
  }
  if (next.length === length - 1) {
    // One card left a hand: delete it rather than shift every card after it.
    let index = 0;
    while (index < next.length && current[index] === next[index]) index++;
    let rest = index;
    while (rest < next.length && current[rest + 1] === next[rest]) rest++;
    if (rest === next.length) {
      items.splice(index, 1);
      return;
    }
  }
  const common = Math.min(length, next.length);
  for (let index = 0; index < common; index++) {
    if (current[index] !== next[index]) items[index] = next[index]!;
  }
  for (let index = length; index < next.length; index++) items.push(next[index]!);
  for (let index = length; index > next.length; index--) items.pop();
}

/** A schema instance the mirror creates inside a record: one of its maps, a list, or the live slot. */
export type CreatedRef = NumberList | NonNullable<WireRecordState[MapKind]> | ArraySchema<number>;

/**
 * Called with each instance the mirror creates (a map on its kind's first
 * value, a list). A view-filtered record needs it: an instance attached after
 * `view.add(record)` is not in the view until added itself.
 */
export type OnCreated = (ref: CreatedRef) => void;

/** The record's map of `kind`, made on the first value of that kind (a record carries only the kinds it uses). */
function mapOf<K extends MapKind>(target: WireRecordState, kind: K, created?: OnCreated): NonNullable<WireRecordState[K]> {
  const existing = target[kind];
  if (existing) return existing as NonNullable<WireRecordState[K]>;
  const map = new MapSchema() as NonNullable<WireRecordState[K]>;
  target[kind] = map;
  created?.(map);
  return map;
}

/**
 * A live list of numbers goes into the record's own `live` slot when the slot
 * is free or already holds it; any other into the record's map of lists.
 */
function setList(target: WireRecordState, kind: ListKind, key: string, values: readonly number[], created?: OnCreated): void {
  if (kind === 'list' && (target.liveKey === key || target.liveKey === '')) {
    setLive(target, key, values, created);
    return;
  }
  removeKey(target, key, kind);
  const lists = mapOf(target, kind, created);
  let list = lists.get(key);
  if (!list) {
    list = new NumberList();
    list.items.push(...values);
    lists.set(key, list);
    created?.(list);
    return;
  }
  mirrorList(list.items, values);
}

function setLive(target: WireRecordState, key: string, values: readonly number[], created?: OnCreated): void {
  removeKey(target, key, 'live');
  if (target.liveKey !== key) target.liveKey = key;
  if (target.live) {
    mirrorList(target.live, values);
    return;
  }
  const list = new ArraySchema<number>(...values);
  target.live = list as unknown as number[];
  created?.(list);
}

/**
 * Deletes `key` from every map of the record but `keep`'s, and from the live
 * slot unless it is `keep`: a key lives in one place, the one of its value's
 * kind. The slot's list stays, emptied, for the next live list: replacing it
 * in the same patch as its key changes would delete and re-add one field.
 */
function removeKey(target: WireRecordState, key: string, keep: MapKind | 'live' | null): void {
  for (const kind of MAP_KINDS) {
    const map = target[kind];
    if (kind !== keep && map?.has(key)) map.delete(key);
  }
  if (keep !== 'live' && target.liveKey === key) {
    target.liveKey = '';
    if (target.live && target.live.length > 0) (target.live as ArraySchema<number>).clear();
  }
}

function setScalar<K extends ScalarKind>(target: WireRecordState, kind: K, key: string, value: number | string | boolean, created?: OnCreated): void {
  removeKey(target, key, kind);
  const map = mapOf(target, kind, created) as MapSchema<typeof value>;
  if (map.get(key) !== value) map.set(key, value);
}

/** A list that changes a few times a hand, as one string. */
function setPacked(target: WireRecordState, key: string, text: string, created?: OnCreated): void {
  removeKey(target, key, 'packed');
  const map = mapOf(target, 'packed', created);
  if (map.get(key) !== text) map.set(key, text);
}

function mirrorValue(target: WireRecordState, key: string, value: WireValue, live: LiveLists, created?: OnCreated): void {
  if (typeof value === 'number') setScalar(target, 'num', key, value, created);
  else if (typeof value === 'string') setScalar(target, 'str', key, value, created);
  else if (typeof value === 'boolean') setScalar(target, 'flag', key, value, created);
  else if (!live.has(key)) setPacked(target, key, packList(value), created);
  else {
    const kind = listKindOf(target, key, value);
    const numbers = kind === 'flags' ? (value as readonly boolean[]).map((bit) => (bit ? 1 : 0)) : (value as readonly number[]);
    setList(target, kind, key, numbers, created);
  }
}

/**
 * What the mirror last wrote into each record: a move changes a few keys of a
 * view, and comparing plain values here is much cheaper than reading every
 * key back through the schema's maps. The mirror must be the only writer of a
 * record (every WireRecordState in the table state is written through it).
 */
const written = new WeakMap<WireRecordState, Map<string, WireValue>>();

/** A copy of an array value: the record's arrays belong to the caller. */
function kept(value: WireValue): WireValue {
  return typeof value === 'object' ? ([...value] as WireValue) : value;
}

function sameValue(a: WireValue, b: WireValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
  }
  return true;
}

/** Makes `target` hold exactly `record`, the lists named in `live` as schema lists and the others packed. */
export function mirrorRecord(target: WireRecordState, record: WireRecord, live: LiveLists = NO_LIVE_LISTS, created?: OnCreated): void {
  let previous = written.get(target);
  if (!previous) {
    // First write to this record: bring it in line key by key, whatever it held.
    previous = new Map();
    written.set(target, previous);
    if (target.liveKey !== '' && !Object.hasOwn(record, target.liveKey)) removeKey(target, target.liveKey, null);
    for (const kind of MAP_KINDS) {
      const map = target[kind];
      if (!map) continue;
      for (const key of [...map.keys()]) {
        if (!Object.hasOwn(record, key)) map.delete(key);
      }
    }
    for (const [key, value] of Object.entries(record)) {
      mirrorValue(target, key, value, live, created);
      previous.set(key, kept(value));
    }
    return;
  }
  // A move keeps every key of a view, so the keys that left are looked for only when fewer are still there
  // (first, as before any write: a live list that left frees the slot for one that came). No copies of the
  // keys or entries: the mirror runs for five records a move at every table.
  let still = 0;
  for (const key in record) if (previous.has(key)) still++;
  if (still < previous.size) {
    for (const key of [...previous.keys()]) {
      if (!Object.hasOwn(record, key)) {
        removeKey(target, key, null);
        previous.delete(key);
      }
    }
  }
  for (const key in record) {
    const value = record[key]!;
    const before = previous.get(key);
    if (before !== undefined && sameValue(before, value)) continue;
    mirrorValue(target, key, value, live, created);
    previous.set(key, kept(value));
  }
}

export function clearRecord(target: WireRecordState): void {
  boardsSent.delete(target);
  mirrorRecord(target, {});
}

/**
 * Mirrors a game's public view into the board, without the fields every
 * client computes with the game's rules (`publicWire`; `snapshotFromState`
 * in @deckhand/protocol computes them back), given the table fields clients
 * hold beside the board (`context`, mirrored in the same patch).
 */
export function mirrorBoard(target: WireRecordState, game: AnyGame, board: WireRecord, context: WireContext = NO_CONTEXT): void {
  if (!game.publicWire) {
    mirrorRecord(target, board, liveListsOf(game));
    return;
  }
  const sent = packPublic(game.publicWire, board, boardsSent.get(target) ?? null, context);
  boardsSent.set(target, sent);
  mirrorRecord(target, sent, liveListsOf(game));
}

/** What each board last sent: a game may carry history from one move to the next (`PublicWire.carry`). */
const boardsSent = new WeakMap<WireRecordState, WireRecord>();

/**
 * Whether what the board last sent tells clients the seat of the last move
 * (`PublicWire.lastMover`) and tells it right: the table's own `lastSeat`
 * field is then not written.
 */
export function boardTellsLastSeat(target: WireRecordState, game: AnyGame, lastSeat: number): boolean {
  const sent = boardsSent.get(target);
  return sent !== undefined && lastMoverOf(game.publicWire, sent) === lastSeat;
}
