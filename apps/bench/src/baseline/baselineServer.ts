/**
 * The naive baseline: a table server written the way hand-rolled WebSocket
 * card games usually are. Same rules package, plain `ws`, JSON text frames,
 * and after every accepted move each client gets the whole JSON of its own
 * view (`game.view(state, seat)`), changed or not.
 *
 * Client to server: `{type:'join', table, seat}`, `{type:'start', gameId,
 * seed, options?}`, `{type:'move', move}`. Server to client: `{type:'joined',
 * seat}`, `{type:'view', view}`, `{type:'error', code, message}`.
 */
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { findGame } from '@deckhand/rules';
import type { AnyGame, MoveBase } from '@deckhand/rules';

export interface BaselineServer {
  readonly port: number;
  /** Tables that still have a connected client. */
  tableCount(): number;
  close(): Promise<void>;
}

interface Table {
  readonly sockets: (WebSocket | null)[];
  game: AnyGame | null;
  state: unknown;
}

interface Seating {
  table: Table;
  tableId: string;
  seat: number;
}

function send(socket: WebSocket | null, message: unknown): void {
  if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function sendViews(table: Table): void {
  const { game, state } = table;
  if (!game) return;
  table.sockets.forEach((socket, seat) => send(socket, { type: 'view', view: game.view(state, seat) }));
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export async function startBaselineServer(config: { port?: number; host?: string } = {}): Promise<BaselineServer> {
  const tables = new Map<string, Table>();
  const server = new WebSocketServer({ host: config.host ?? '127.0.0.1', port: config.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });

  server.on('connection', (socket) => {
    let seating: Seating | null = null;
    const fail = (code: string, message: string): void => send(socket, { type: 'error', code, message });

    socket.on('message', (data) => {
      let message: Record<string, unknown> | null;
      try {
        message = asRecord(JSON.parse(String(data)));
      } catch {
        message = null;
      }
      if (!message) return fail('BAD_MESSAGE', 'Not a JSON object.');

      if (message.type === 'join') {
        const tableId = String(message.table);
        const seat = Number(message.seat);
        let table = tables.get(tableId);
        if (!table) {
          table = { sockets: [null, null, null, null], game: null, state: null };
          tables.set(tableId, table);
        }
        if (!Number.isInteger(seat) || seat < 0 || seat >= table.sockets.length || table.sockets[seat]) {
          return fail('SEAT_TAKEN', `Seat ${seat} is not free.`);
        }
        table.sockets[seat] = socket;
        seating = { table, tableId, seat };
        return send(socket, { type: 'joined', seat });
      }
      if (!seating) return fail('NOT_SEATED', 'Join a table first.');
      const { table } = seating;

      if (message.type === 'start') {
        const game = findGame(String(message.gameId));
        if (!game) return fail('NO_SUCH_GAME', `No game ${String(message.gameId)}.`);
        const parsed = game.parseOptions(message.options, table.sockets.length);
        if (!parsed.ok) return fail(parsed.error.code, parsed.error.message);
        table.game = game;
        table.state = game.setup({ seed: String(message.seed), seats: table.sockets.length, options: parsed.value });
        return sendViews(table);
      }
      if (message.type === 'move') {
        if (!table.game) return fail('TABLE_PHASE', 'The game has not started.');
        const move = asRecord(message.move);
        if (!move || typeof move.type !== 'string') return fail('BAD_MESSAGE', 'A move needs a type.');
        const result = table.game.apply(table.state, seating.seat, move as unknown as MoveBase);
        if (!result.ok) return fail(result.error.code, result.error.message);
        table.state = result.state;
        return sendViews(table);
      }
      return fail('UNKNOWN_TYPE', `Unknown message type ${String(message.type)}.`);
    });

    socket.on('close', () => {
      if (!seating) return;
      seating.table.sockets[seating.seat] = null;
      if (seating.table.sockets.every((other) => other === null)) tables.delete(seating.tableId);
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    tableCount: () => tables.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
