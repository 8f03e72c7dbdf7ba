/**
 * Every join's handshake carries the schema description (about 1,000 bytes of
 * the table's classes), which a client built with `@deckhand/table-schema`
 * already holds. Such a client says so in its join options (`schema`, the
 * classes' `TABLE_SCHEMA_ID`); its JOIN_ROOM message then goes out without
 * the description. A reconnection carries no options: it keeps what the
 * same session said when it joined. Any other client gets the description.
 */
import { Protocol } from '@colyseus/core';
import type { Client } from '@colyseus/core';
import { TABLE_SCHEMA_ID } from '@deckhand/table-schema';

/** Whether join options name the same classes this server encodes with. */
export function holdsTableSchema(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { schema?: unknown }).schema === TABLE_SCHEMA_ID;
}

/**
 * The JOIN_ROOM message is: its code, the reconnection token (a length byte,
 * then the bytes), the serializer id (the same), then the handshake to the
 * end. Cut after the serializer id.
 */
function withoutHandshake(message: Uint8Array): Uint8Array {
  const idAt = 2 + message[1]!;
  return message.subarray(0, idAt + 1 + message[idAt]!);
}

/** The next JOIN_ROOM message this client is sent leaves out the schema description. */
export function skipSchemaDescription(client: Client): void {
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data[0] !== Protocol.JOIN_ROOM) return raw(data, options, cb);
    // Once: later messages go straight through.
    client.raw = raw;
    return raw(withoutHandshake(data), options, cb);
  };
}
