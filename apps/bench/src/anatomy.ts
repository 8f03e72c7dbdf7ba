/**
 * Where a patch's bytes go, field by field, read from the client's own
 * decoder: every operation the schema decoder reads is timed in bytes (the
 * iterator's offset before and after), and the bytes between two operations
 * are the switch to the next structure. Nothing is estimated: the rows add up
 * to the frame the client received.
 */
import { $decoder, ArraySchema, MapSchema, Schema } from '@colyseus/schema';
import type { DataChange, Decoder, Iterator } from '@colyseus/schema';
import { frameHeaderBytes } from './wire';

/** One row of an anatomy: a field (or a structure switch) and the bytes it took. */
export interface AnatomyRow {
  /** `board.trick`, `moveNumber`, `hands[own].hand`, `header`, `message code`, `switch to board.trick`. */
  readonly field: string;
  readonly bytes: number;
  /** What the operations did, e.g. `add [2]=37` (values only for small changes). */
  readonly change: string;
}

interface Operation {
  readonly ref: unknown;
  readonly start: number;
  readonly end: number;
  readonly changes: readonly DataChange[];
}

type DecodeOperation = (decoder: Decoder, bytes: Uint8Array, it: Iterator, ref: unknown, allChanges: DataChange[]) => unknown;
type WithDecoder = { [$decoder]?: DecodeOperation };

/** Operations being recorded, by decoder; a decoder not in the map decodes untouched. */
const recording = new Map<Decoder, Operation[]>();
const wrapped = new WeakSet<object>();

function wrap(type: WithDecoder): void {
  const original = type[$decoder];
  // A class that inherits its decoder from Schema is covered by Schema's wrapper.
  if (!original || wrapped.has(type) || !Object.hasOwn(type, $decoder)) return;
  wrapped.add(type);
  type[$decoder] = (decoder, bytes, it, ref, allChanges) => {
    const operations = recording.get(decoder);
    if (!operations) return original(decoder, bytes, it, ref, allChanges);
    const start = it.offset;
    const before = allChanges.length;
    const result = original(decoder, bytes, it, ref, allChanges);
    operations.push({ ref, start, end: it.offset, changes: allChanges.slice(before) });
    return result;
  };
}

/** Makes `decoder` (a colyseus.js room's) recordable; the reflected state classes are its own. */
export function instrumentDecoder(decoder: Decoder): void {
  wrap(MapSchema as unknown as WithDecoder);
  wrap(ArraySchema as unknown as WithDecoder);
  wrap(Schema as unknown as WithDecoder);
  for (const type of Object.values(decoder.context.types)) wrap(type as unknown as WithDecoder);
}

/** The colyseus.js room's decoder (the SDK keeps it on its serializer). */
export function decoderOf(room: unknown): Decoder {
  const decoder = (room as { serializer?: { decoder?: Decoder } }).serializer?.decoder;
  if (!decoder) throw new Error('the room has no schema decoder yet');
  return decoder;
}

const METADATA = (Symbol as unknown as { metadata: symbol }).metadata;

/** Names every structure of the decoded state by its path (`board.list[trick]`). */
function pathsOf(root: unknown): Map<unknown, string> {
  const paths = new Map<unknown, string>();
  const visit = (ref: unknown, path: string): void => {
    if (ref === null || typeof ref !== 'object' || paths.has(ref)) return;
    paths.set(ref, path);
    if (ref instanceof MapSchema) {
      for (const [key, value] of ref.entries()) visit(value, `${path}[${String(key)}]`);
    } else if (ref instanceof ArraySchema) {
      ref.forEach((value, index) => visit(value, `${path}[${index}]`));
    } else if (ref instanceof Schema) {
      // Schema 3 keeps a class's fields under Symbol.metadata, indexed by field number; a subclass's
      // metadata inherits its parent's fields through its prototype (the table's own PrivateState does).
      const metadata = (ref.constructor as unknown as Record<symbol, Record<string, { name?: unknown }> | undefined>)[METADATA] ?? {};
      for (const index in metadata) {
        const field = metadata[index];
        if (typeof field?.name !== 'string') continue;
        visit((ref as unknown as Record<string, unknown>)[field.name], path ? `${path}.${field.name}` : field.name);
      }
    }
  };
  visit(root, '');
  return paths;
}

/**
 * A readable field name: a view record's maps by kind (`num`, `list`, ...)
 * are how the schema stores a field, not part of its name, and a hand's key
 * changes with every deal.
 */
export function fieldName(path: string): string {
  return path
    .replace(/^hands\[[^\]]*\]/, 'hands[own]')
    .replace(/\.(num|str|flag|list|flags|packed)\[([^\]]+)\]/g, '.$2')
    .replace(/\.items$/, '')
    .replace(/\.items\[\d+\]$/, '');
}

function describe(changes: readonly DataChange[]): string {
  if (changes.length === 0) return '';
  const parts = changes.slice(0, 4).map((change) => {
    const value = typeof change.value === 'object' && change.value !== null ? '{...}' : JSON.stringify(change.value);
    const op = change.value === undefined ? 'delete' : change.previousValue === undefined ? 'add' : 'set';
    const at = change.dynamicIndex ?? change.field;
    return `${op} ${typeof at === 'number' ? `[${at}]` : String(at)}${change.value === undefined ? '' : `=${value}`}`;
  });
  return changes.length > 4 ? `${parts.join(', ')}, ... (${changes.length} changes)` : parts.join(', ');
}

/**
 * Records the operations of the next patches `decoder` reads; `finish()`
 * turns what was recorded into rows (call it after the patch was decoded).
 */
export function recordPatch(decoder: Decoder): { finish(frameBytes: number): AnatomyRow[] } {
  const operations: Operation[] = [];
  recording.set(decoder, operations);
  return {
    finish(payloadBytes: number): AnatomyRow[] {
      recording.delete(decoder);
      const paths = pathsOf(decoder.state);
      const rows: AnatomyRow[] = [
        { field: 'WebSocket header', bytes: frameHeaderBytes(payloadBytes), change: '' },
        { field: 'message code', bytes: 1, change: 'patch' },
      ];
      // The first operation starts right after the message code.
      let previousEnd = 1;
      for (const operation of operations) {
        const rawPath = paths.get(operation.ref) ?? '?';
        const gap = operation.start - previousEnd;
        if (gap > 0) rows.push({ field: `switch to ${fieldName(rawPath) || 'root'}`, bytes: gap, change: '' });
        rows.push({ field: fieldOf(rawPath, operation), bytes: operation.end - operation.start, change: describe(operation.changes) });
        previousEnd = operation.end;
      }
      if (payloadBytes > previousEnd) rows.push({ field: 'unread', bytes: payloadBytes - previousEnd, change: '' });
      return mergeRows(rows);
    },
  };
}

/** The field an operation changed: a schema field by name, a map entry by key, a list as a whole. */
function fieldOf(rawPath: string, operation: Operation): string {
  const change = operation.changes[0];
  if (!change) return fieldName(rawPath);
  if (operation.ref instanceof Schema) return fieldName(rawPath ? `${rawPath}.${String(change.field)}` : String(change.field));
  if (operation.ref instanceof MapSchema) return fieldName(`${rawPath}[${String(change.dynamicIndex ?? change.field)}]`);
  return fieldName(rawPath);
}

/** Consecutive operations on one field (a list's several entries) as one row. */
function mergeRows(rows: readonly AnatomyRow[]): AnatomyRow[] {
  const merged: AnatomyRow[] = [];
  for (const row of rows) {
    const last = merged.at(-1);
    if (last && last.field === row.field && !row.field.startsWith('switch')) {
      merged[merged.length - 1] = { field: last.field, bytes: last.bytes + row.bytes, change: [last.change, row.change].filter(Boolean).join(', ') };
    } else {
      merged.push(row);
    }
  }
  return merged;
}
