/**
 * A client that already holds the table's schema classes need not receive
 * their description: Colyseus sends it (about 1,000 bytes) in every join's
 * handshake. The client names the classes it holds with `TABLE_SCHEMA_ID`
 * in its join options; the server leaves the description out only when that
 * id is its own, so a client built from other classes still gets it and
 * decodes by reflection, as before.
 */
import { Decoder, Reflection, TypeContext } from '@colyseus/schema';
import type { Schema } from '@colyseus/schema';
import type { Iterator } from '@colyseus/schema';
import { TableState } from './TableState';

/** FNV-1a over the text's UTF-16 code units, as 8 hex digits: a name for the classes, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

type FieldType = string | typeof Schema | { readonly [kind: string]: FieldType };

/**
 * What the handshake's description says, as text: every class by its type id,
 * the class it extends, and its fields by index, name and type. Read from the
 * classes' metadata rather than encoded: the schema's encoder needs Node's
 * Buffer, and the browser computes this too.
 */
export function describeClasses(root: typeof Schema): string {
  const context = new TypeContext(root);
  const typeName = (type: FieldType): string => {
    if (typeof type === 'string') return type;
    if (typeof type === 'function') return `#${String(context.schemas.get(type))}`;
    // A collection field's type is the object it was declared with: `default` (see WireRecordState) is not part of the type.
    return Object.entries(type)
      .filter(([kind]) => kind !== 'default')
      .map(([kind, inner]) => `${kind}(${typeName(inner as FieldType)})`)
      .join();
  };
  const lines: string[] = [];
  context.schemas.forEach((typeId, klass) => {
    const parent = Object.getPrototypeOf(klass) as typeof Schema;
    const metadata = (klass as unknown as Record<symbol, Record<string, { name: string; type: FieldType }>>)[Symbol.metadata] ?? {};
    const fields = Object.keys(metadata)
      .filter((key) => /^\d+$/.test(key))
      .map((index) => `${index}=${metadata[index]!.name}:${typeName(metadata[index]!.type)}`);
    lines.push(`${typeId}<${String(context.schemas.get(parent) ?? '')}>{${fields.join(',')}}`);
  });
  return lines.join('\n');
}

/** Names the classes a handshake would describe; any change to a field or a class changes it. */
export const TABLE_SCHEMA_ID: string = fnv1a(describeClasses(TableState as unknown as typeof Schema));

/**
 * colyseus.js's serializer for schema rooms (register it with
 * `registerSerializer('schema', TableStateSerializer)` before joining):
 * it decodes by reflection whenever the handshake carries a description,
 * and with the table's own classes when it does not.
 */
export class TableStateSerializer {
  /** The table's own classes until a handshake brings a description; then the classes it describes. */
  state: TableState = new TableState();
  decoder: Decoder = new Decoder(this.state);

  setState(bytes: Buffer, it?: Iterator): void {
    this.decoder.decode(bytes, it);
  }

  getState(): TableState {
    return this.state;
  }

  patch(bytes: Buffer, it?: Iterator): unknown {
    return this.decoder.decode(bytes, it);
  }

  teardown(): void {
    this.decoder.root.clearRefs();
  }

  handshake(bytes: Buffer, it?: Iterator): void {
    this.decoder = Reflection.decode(bytes, it);
    this.state = this.decoder.state as TableState;
  }
}
