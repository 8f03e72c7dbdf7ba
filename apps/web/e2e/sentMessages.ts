/** What a page sends its table over the WebSocket, read from the frames as they leave the browser. */
import type { Page } from 'playwright-core';

/** Colyseus 0.16's ROOM_DATA frame: this byte, the message type (msgpack), then its body. */
const ROOM_DATA = 13;

/**
 * Counts the `type` messages `page` sends from now on (a `resync`, say), on
 * every socket it opens. The type is a short string, msgpack's fixstr: one
 * byte `0xa0 | length`, then its characters.
 */
export function countSent(page: Page, type: string): () => number {
  const header = Buffer.from([ROOM_DATA, 0xa0 | type.length, ...Buffer.from(type, 'utf8')]);
  let sent = 0;
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' && payload.subarray(0, header.length).equals(header)) sent++;
    });
  });
  return () => sent;
}
