/**
 * Counting what a client receives. Both the Deckhand clients and the baseline
 * clients count the same thing: each WebSocket message's payload, plus the
 * header of the frame that carried it, so the two sides are measured alike.
 */

/** What part of a table's life the bytes belong to. */
export const MeterPhase = {
  /** Connecting and joining: the join snapshot. */
  Join: 'join',
  /** Between joining and the first move: others sitting down, the deal. */
  Start: 'start',
  /** From the first move sent to the last move's state received. */
  Moves: 'moves',
  /** A seated client's own reconnect mid-game: from the drop to the state it holds again. */
  Rejoin: 'rejoin',
  /** What a seated client receives because another client joined mid-game (kept out of the per-move figures). */
  Aside: 'aside',
} as const;
export type MeterPhase = (typeof MeterPhase)[keyof typeof MeterPhase];

export interface ByteCount {
  readonly messages: number;
  /** Message payloads only. */
  readonly payloadBytes: number;
  /** Payloads plus WebSocket frame headers (no TCP/IP overhead). */
  readonly wireBytes: number;
  /** Wire bytes by kind of message (`patch`, `state`, `events`, ...). */
  readonly byKind: Readonly<Record<string, number>>;
}

/**
 * Header size of a frame from a server: unmasked, so 2 bytes plus the
 * extended length (RFC 6455 section 5.2). Both servers here send one frame
 * per message and neither compresses (permessage-deflate is off by default
 * in ws and in @colyseus/ws-transport).
 */
export function frameHeaderBytes(payloadBytes: number): number {
  if (payloadBytes < 126) return 2;
  if (payloadBytes < 65_536) return 4;
  return 10;
}

interface Tally {
  messages: number;
  payloadBytes: number;
  wireBytes: number;
  byKind: Record<string, number>;
}

export class ByteMeter {
  private phase: MeterPhase = MeterPhase.Join;
  private readonly counts = new Map<MeterPhase, Tally>();

  /** Bytes received from now on count towards `phase`. */
  enter(phase: MeterPhase): void {
    this.phase = phase;
  }

  add(payloadBytes: number, kind: string): void {
    let count = this.counts.get(this.phase);
    if (!count) {
      count = { messages: 0, payloadBytes: 0, wireBytes: 0, byKind: {} };
      this.counts.set(this.phase, count);
    }
    const wireBytes = payloadBytes + frameHeaderBytes(payloadBytes);
    count.messages++;
    count.payloadBytes += payloadBytes;
    count.wireBytes += wireBytes;
    count.byKind[kind] = (count.byKind[kind] ?? 0) + wireBytes;
  }

  count(phase: MeterPhase): ByteCount {
    const count = this.counts.get(phase);
    return count ? { ...count, byKind: { ...count.byKind } } : { messages: 0, payloadBytes: 0, wireBytes: 0, byKind: {} };
  }
}

/** Byte length of a `ws` or DOM message payload (Buffer, ArrayBuffer, fragments or text). */
export function payloadLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part: unknown) => sum + payloadLength(part), 0);
  return 0;
}

/** Sums byte counts (several clients, several games). */
export function addCounts(counts: readonly ByteCount[]): ByteCount {
  const byKind: Record<string, number> = {};
  for (const count of counts) {
    for (const [kind, bytes] of Object.entries(count.byKind)) byKind[kind] = (byKind[kind] ?? 0) + bytes;
  }
  return {
    messages: counts.reduce((sum, count) => sum + count.messages, 0),
    payloadBytes: counts.reduce((sum, count) => sum + count.payloadBytes, 0),
    wireBytes: counts.reduce((sum, count) => sum + count.wireBytes, 0),
    byKind,
  };
}

/** Colyseus 0.16 protocol codes of the messages a client receives (colyseus.js `Protocol`). */
const COLYSEUS_KINDS: Readonly<Record<number, string>> = {
  10: 'join',
  11: 'error',
  12: 'leave',
  13: 'message',
  14: 'state',
  15: 'patch',
  16: 'message',
  17: 'message',
};

/**
 * What a Colyseus frame carries: `patch`, `state`, `join`, or the type of a
 * room message (`events`, `record`, ...), read from its msgpack string header.
 */
export function colyseusKind(data: unknown): string {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  if (!bytes || bytes.length === 0) return 'other';
  const kind = COLYSEUS_KINDS[bytes[0]!] ?? 'other';
  if (bytes[0] !== 13 || bytes.length < 2) return kind;
  const header = bytes[1]!;
  // msgpack fixstr: 0xa0 | length, then the UTF-8 bytes.
  if ((header & 0xe0) === 0xa0) return Buffer.from(bytes.subarray(2, 2 + (header & 0x1f))).toString('utf8');
  return kind;
}
