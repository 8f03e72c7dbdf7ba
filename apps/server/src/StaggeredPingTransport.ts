/**
 * Colyseus's WebSocket transport with its heartbeat spread out. The stock
 * transport pings every client in one loop every 3 s, and at 2,000 clients
 * that loop (one socket write each) and the burst of pongs that follows held
 * the event loop for tens of ms, delaying every move that arrived meanwhile.
 * Here each client is pinged at its own phase, a slice of them every tick;
 * the rule stays the stock one: a ping per interval, and a client that left
 * `maxMissed` pings in a row unanswered is terminated.
 */
import { WebSocketTransport } from '@colyseus/ws-transport';

/** A socket as the heartbeat sees it; the transport zeroes `pingCount` on every pong. */
export interface PingedSocket {
  pingCount: number;
  ping(callback: () => void): void;
  terminate(): void;
}

/** How often a slice of the clients is pinged. */
export const PING_TICK_MS = 100;

function ignore(): void {}

export class StaggeredPings {
  private readonly dueAt = new WeakMap<PingedSocket, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxMissed: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Pings the sockets whose turn has come; a socket seen for the first time gets a phase within one interval. */
  tick(sockets: Iterable<PingedSocket>, now: number): void {
    for (const socket of sockets) {
      const due = this.dueAt.get(socket);
      if (due === undefined) {
        this.dueAt.set(socket, now + this.random() * this.intervalMs);
        continue;
      }
      if (now < due) continue;
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
