/**
 * How a game's public view travels to clients. Some fields of a view follow
 * from others by the rules (whose turn it is, how many cards each seat holds,
 * who took the last trick): a game lists them with a `derive` function, the
 * server leaves them out of what it sends, and every client computes them back
 * with the same function. Fewer fields change per move, so each move costs
 * fewer bytes, and nothing is lost: a field whose derived value would differ
 * from the real one is sent as it is.
 */
import type { WireRecord, WireValue } from './game';

export interface PublicWire {
  /** The fields `derive` computes; the others always travel. */
  readonly derivedKeys: readonly string[];
  /**
   * Computes `derivedKeys` from what was sent: every other field, plus any
   * derived field sent because its value could not be derived. Pure.
   */
  derive(sent: WireRecord): WireRecord;
  /**
   * Fields sent that are not in the view: what the view forgot and a client
   * can use (the order cards were played in, say), computed from the view and
   * what was sent before it (null for the first view of a table). A wrong or
   * missing history only costs bytes: `derive` then gets fields wrong, and
   * they travel as they are.
   */
  carry?(view: WireRecord, previous: WireRecord | null): WireRecord;
  /** The keys `carry` adds; the unpacked view drops them. */
  readonly carriedKeys?: readonly string[];
  /**
   * The seat of the table's last move when what was sent tells it for certain
   * (a moves list, say), else null. Where it tells it, the table leaves its
   * own `lastSeat` field unwritten and clients read the seat from here. Pure.
   */
  lastMover?(sent: WireRecord): number | null;
}

/**
 * Table fields every client already holds beside the board, which `derive`
 * may read too (they are not part of the view, nor sent with the board):
 * `lastSeat`, the seat of the last accepted move (-1 before the first).
 */
export interface WireContext {
  readonly lastSeat: number;
}

export const NO_CONTEXT: WireContext = { lastSeat: -1 };

/**
 * What `derive` reads: what was sent, and the context's fields where nothing
 * was sent under their name. One spread, then plain sets: `{ ...context,
 * ...sent }` made V8 build a new hidden class for every call (about 20 us and
 * 5 KB of old generation each, several calls per move), the largest thing
 * filling the server's old generation.
 */
function withContext(sent: WireRecord, context: WireContext): WireRecord {
  const input: Record<string, WireValue> = { ...sent };
  for (const key in context) {
    if (!Object.hasOwn(input, key)) input[key] = context[key as keyof WireContext];
  }
  return input;
}

function sameValue(a: WireValue | undefined, b: WireValue | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
  }
  return true;
}

/** `derivedKeys` as a set, made once per game: the server packs a board at every move. */
const derivedSets = new WeakMap<PublicWire, ReadonlySet<string>>();

function derivedSet(wire: PublicWire): ReadonlySet<string> {
  let set = derivedSets.get(wire);
  if (!set) derivedSets.set(wire, (set = new Set(wire.derivedKeys)));
  return set;
}

/**
 * What the server sends for `view`: the view without every derived field
 * whose value `derive` gets right. A wrong derivation only costs bytes: the
 * field then travels as it is (repeated until nothing derived is wrong, since
 * one sent field may fix another's derivation).
 */
export function packPublic(wire: PublicWire, view: WireRecord, previous: WireRecord | null = null, context: WireContext = NO_CONTEXT): WireRecord {
  const derived = derivedSet(wire);
  const sent: Record<string, WireValue> = {};
  for (const [key, value] of Object.entries(view)) {
    if (!derived.has(key)) sent[key] = value;
  }
  if (wire.carry) Object.assign(sent, wire.carry(view, previous));
  // In `derivedKeys` order, so a field sent early (a leader) can fix the derivation of a later one (whose turn).
  for (let round = 0; round < wire.derivedKeys.length; round++) {
    const computed = wire.derive(withContext(sent, context));
    const wrong = wire.derivedKeys.find(
      (key) => !Object.hasOwn(sent, key) && Object.hasOwn(view, key) && !sameValue(computed[key], view[key]),
    );
    if (wrong === undefined) return sent;
    sent[wrong] = view[wrong]!;
  }
  return sent;
}

/** The seat of the last move as what was sent tells it, or null (see `PublicWire.lastMover`). */
export function lastMoverOf(wire: PublicWire | undefined, sent: WireRecord): number | null {
  return wire?.lastMover?.(sent) ?? null;
}

/** The whole public view back from what was sent (and the table fields beside it). */
export function unpackPublic(wire: PublicWire, sent: WireRecord, context: WireContext = NO_CONTEXT): WireRecord {
  // The derived fields, then what was sent over them, set one by one into a new object: adding the
  // sent fields to a spread copy of the derived ones cost V8 a new hidden class each time (see `withContext`).
  const derived = wire.derive(withContext(sent, context));
  const carried = wire.carriedKeys ?? [];
  const view: Record<string, WireValue> = {};
  for (const key of Object.keys(derived)) {
    if (!carried.includes(key)) view[key] = derived[key]!;
  }
  for (const key of Object.keys(sent)) {
    if (!carried.includes(key)) view[key] = sent[key]!;
  }
  return view;
}

/**
 * The cards of a trick held by seat (-1 where no card is yet) in the order
 * they were played, from its leader round the table: what a trick game
 * carries from move to move (Hearts' and Spades' `plays`).
 */
export function inPlayOrder(trick: readonly number[], leader: number): number[] {
  const order: number[] = [];
  for (let offset = 0; offset < trick.length && leader >= 0; offset++) {
    const card = trick[(leader + offset) % trick.length] ?? -1;
    if (card < 0) break;
    order.push(card);
  }
  return order;
}

/** A list field of what was sent, or an empty list. */
export function sentNumbers(sent: WireRecord, key: string): readonly number[] {
  const value = sent[key];
  return Array.isArray(value) ? (value as readonly number[]) : [];
}

export function sentBooleans(sent: WireRecord, key: string): readonly boolean[] {
  const value = sent[key];
  return Array.isArray(value) ? (value as readonly boolean[]) : [];
}

/** A number field of what was sent, else `fallback` (a derived field that was not sent). */
export function sentNumber(sent: WireRecord, key: string, fallback: () => number): number {
  const value = sent[key];
  return typeof value === 'number' ? value : fallback();
}

/**
 * A list as one string, for a list field that changes a few times a hand
 * (see `GameDefinition.liveLists`): numbers in decimal between commas
 * (`"26,0,13,-10"`), booleans as `b` and one 0 or 1 each (`"b0110"`). An
 * empty list is the empty string, whatever it held.
 */
export function packList(values: readonly number[] | readonly boolean[]): string {
  if (values.length === 0) return '';
  if (typeof values[0] === 'boolean') {
    let text = 'b';
    for (const bit of values as readonly boolean[]) text += bit ? '1' : '0';
    return text;
  }
  return (values as readonly number[]).join(',');
}

/** The list `packList` made, or null when `text` is not one. */
export function unpackList(text: string): readonly number[] | readonly boolean[] | null {
  if (text === '') return [];
  if (text.startsWith('b')) {
    const bits: boolean[] = [];
    for (let index = 1; index < text.length; index++) {
      const bit = text[index];
      if (bit !== '0' && bit !== '1') return null;
      bits.push(bit === '1');
    }
    return bits;
  }
  const numbers: number[] = [];
  for (const part of text.split(',')) {
    const value = part === '' ? NaN : Number(part);
    if (!Number.isFinite(value)) return null;
    numbers.push(value);
  }
  return numbers;
}
