/**
 * Colyseus's WebSocket transport with its heartbeat spread out. The stock
 * transport pings every client in one loop every 3 s, and at 2,000 clients
 * that loop (one socket write each) and the burst of pongs that follows held
 * the event loop for tens of ms, delaying every move that arrived meanwhile.
 * Here each client is pinged at its own phase, a slice of them every tick;
 * the rule stays the stock one: a ping per interval, and a client that left
 * `maxMissed` pings in a row unanswered is terminated.
 *
 * A message from the client answers for it as a pong would: a client heard
 * from within the last interval is not pinged, and its next turn comes one
 * interval after that message. A player at a table talks every few moves, so
 * most pings (a socket write each, and a pong to read back) were proving
 * what the client had just shown. A dead client is still terminated within
 * `maxMissed + 1` intervals of its last sign of life, pong or message.
 */
import { WebSocketTransport } from '@colyseus/ws-transport';

/** A socket as the heartbeat sees it; the transport zeroes `pingCount` on every pong. */
export interface PingedSocket {
  pingCount: number;
  ping(callback: () => void): void;
  terminate(): void;
  on(event: 'message', listener: () => void): unknown;
}

/** How often a slice of the clients is pinged. */
export const PING_TICK_MS = 100;

function ignore(): void {}

export class StaggeredPings {
  private readonly dueAt = new WeakMap<PingedSocket, number>();
  /** When each socket last sent a message, to the tick (a clock read per message would cost more than the ping it saves). */
  private readonly heardAt = new WeakMap<PingedSocket, number>();
  private tickAt = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly maxMissed: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Pings the sockets whose turn has come; a socket seen for the first time gets a phase within one interval. */
  tick(sockets: Iterable<PingedSocket>, now: number): void {
    this.tickAt = now;
    for (const socket of sockets) {
      const due = this.dueAt.get(socket);
      if (due === undefined) {
        this.dueAt.set(socket, now + this.random() * this.intervalMs);
        socket.on('message', () => this.heardAt.set(socket, this.tickAt));
        continue;
      }
      if (now < due) continue;
      const heardAt = this.heardAt.get(socket);
      if (heardAt !== undefined && heardAt + this.intervalMs > now) {
        socket.pingCount = 0;
        this.dueAt.set(socket, heardAt + this.intervalMs);
        continue;
      }
      this.dueAt.set(socket, due + this.intervalMs > now ? due + this.intervalMs : now + this.intervalMs);
      if (socket.pingCount >= this.maxMissed) {
        socket.terminate();
        continue;
      }
      socket.pingCount++;
      socket.ping(ignore);
    }
  }
}

export class StaggeredPingTransport extends WebSocketTransport {
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    const pings = new StaggeredPings(pingInterval, pingMaxRetries);
    // The transport clears `pingInterval` when the HTTP server closes.
    this.pingInterval = setInterval(() => pings.tick(this.wss.clients as Iterable<unknown> as Iterable<PingedSocket>, Date.now()), PING_TICK_MS);
  }
}
