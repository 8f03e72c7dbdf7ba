/**
 * The WebSocket transport as Deckhand runs it: the staggered heartbeat, plus
 * - every close with one of the table's codes carries its sentence
 *   (`CLOSE_REASONS`), whichever path closed it (a kick, a flood, shutdown);
 * - a socket that comes without a seat reservation is refused with one short
 *   log line, where the stock transport logged a stack trace per socket;
 * - a socket's own errors (bad frames, oversize payloads) log one short line.
 */
import type { IncomingMessage } from 'node:http';
import { ErrorCode, Protocol, getMessageBytes, matchMaker } from '@colyseus/core';
import type { TransportOptions } from '@colyseus/ws-transport';
import type { Logger } from 'pino';
import type WebSocket from 'ws';
import { CLOSE_REASONS } from '@deckhand/protocol';
import type { CloseCode } from '@deckhand/protocol';
import { StaggeredPingTransport } from './StaggeredPingTransport';

type RawSocket = WebSocket & { pingCount: number };

function reasonFor(code: number | undefined): string | undefined {
  return code === undefined ? undefined : (CLOSE_REASONS as Partial<Record<number, string>>)[code as CloseCode];
}

/** Whether the socket's URL (`/<process>/<room>?sessionId=...`) names a seat its room holds for it. */
function hasSeatReservation(url: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(`ws://server/${url ?? ''}`);
  } catch {
    return false;
  }
  const roomId = /\/[a-zA-Z0-9_-]+\/([a-zA-Z0-9_-]+)$/.exec(parsed.pathname)?.[1];
  const room = roomId === undefined ? undefined : matchMaker.getLocalRoomById(roomId);
  const sessionId = parsed.searchParams.get('sessionId');
  return room !== undefined && sessionId !== null && room.hasReservedSeat(sessionId, parsed.searchParams.get('reconnectionToken') ?? undefined);
}

export class GuardedTransport extends StaggeredPingTransport {
  constructor(options: TransportOptions, private readonly log: Logger) {
    super(options);
    // The stock transport registers its handler unbound; this one needs `this`.
    this.wss.removeAllListeners('connection');
    this.wss.on('connection', (raw: RawSocket, req: IncomingMessage) => this.accept(raw, req));
  }

  private accept(raw: RawSocket, req: IncomingMessage): void {
    const close = raw.close.bind(raw);
    raw.close = (code?: number, reason?: string | Buffer) => close(code, reason === undefined || reason.length === 0 ? reasonFor(code) : reason);
    if (!hasSeatReservation(req.url)) {
      this.log.info({ address: req.socket.remoteAddress }, 'socket without a seat reservation refused');
      raw.on('error', () => raw.terminate());
      raw.send(getMessageBytes[Protocol.ERROR](ErrorCode.MATCHMAKE_EXPIRED, 'seat reservation expired.'), () => close(Protocol.WS_CLOSE_WITH_ERROR));
      return;
    }
    void super.onConnection(raw, req);
    // Replace the stock error listener (a stack trace per error) with one short line.
    raw.removeAllListeners('error');
    this.logErrors(raw, req.socket.remoteAddress);
  }

  /**
   * Its own method so the listener's closure holds the address alone: a closure made in `accept` would share its
   * scope with the one above and keep the whole upgrade request (headers, socket state, two dozen objects) alive for
   * as long as the connection lasts.
   */
  private logErrors(raw: RawSocket, address: string | undefined): void {
    raw.on('error', (error) => this.log.info({ address, reason: error.message }, 'socket error'));
  }
}
