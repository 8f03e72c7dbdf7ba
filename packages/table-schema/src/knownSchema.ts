/**
 * A client that already holds the table's schema classes need not receive
 * their description: Colyseus sends it (about 970 bytes) in every join's
 * handshake. The client names the classes it holds with `TABLE_SCHEMA_ID`
 * in its join options; the server leaves the description out only when that
 * id is its own, so a client built from other classes still gets it and
 * decodes by reflection, as before.
 */
import { Decoder, Encoder, Reflection } from '@colyseus/schema';
import type { Iterator } from '@colyseus/schema';
import { TableState } from './TableState';

/** FNV-1a over the bytes, as 8 hex digits: a name for the description, not a secret. */
function fnv1a(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Names the schema description these classes make; any change to a field or a class changes it. */
export const TABLE_SCHEMA_ID: string = fnv1a(Reflection.encode(new Encoder(new TableState())));

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
