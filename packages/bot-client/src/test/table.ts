/**
 * Test helpers: a game server on a free loopback port, and a host who opens a
 * table, watches it through the same snapshots as the web app, and fills it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName, snapshotFromState } from '@deckhand/protocol';
import type { ClientMessage, TableSnapshot, TableStateJson } from '@deckhand/protocol';
import { startTestServer, waitFor as serverWaitFor } from '@deckhand/server/testing';
import type { TestServer } from '@deckhand/server/testing';
import { guestToken } from '../playTable';

export type { TestServer };

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** What `npm run <script> --` runs, with the caller's folder (the repository root) in INIT_CWD. */
export const tool = (workspace: string, script: string, args: string[]): string[] =>
  ['--import', 'tsx', '--conditions=@deckhand/source', resolve(repoRoot, workspace, script), ...args];
export const toolEnv = { ...process.env, INIT_CWD: repoRoot };

/** A server on a free loopback port whose bots take a moment, as a person would see them. */
export async function bootServer(): Promise<TestServer> {
  return startTestServer(0, { BOT_DELAY_MS: '20-40', RECONNECT_SECONDS: '30', HOST: '127.0.0.1' }, {}, '127.0.0.1');
}

/** A server whose bots answer at once: a program at its tables has turns as fast as the network brings them. */
export async function bootQuickServer(env: Readonly<Record<string, string>> = {}): Promise<TestServer> {
  return startTestServer(0, { BOT_DELAY_MS: '0', HOST: '127.0.0.1', ...env }, {}, '127.0.0.1');
}

/** The server harness's `waitFor`, with room for a whole game played over the network. */
export function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  return serverWaitFor(what, check, timeoutMs);
}

/** A person at the table: creates it, keeps every snapshot it decodes, sends host actions. */
export class Host {
  readonly snapshots: TableSnapshot[] = [];
  readonly raw: TableStateJson[] = [];

  private constructor(readonly room: Room, readonly playerId: string) {
    room.onMessage('*', () => {});
    room.onStateChange((state) => {
      const json = (state as { toJSON(): TableStateJson }).toJSON();
      this.raw.push(json);
      this.snapshots.push(snapshotFromState(json));
    });
  }

  static async open(server: TestServer, gameId: string): Promise<Host> {
    const guest = await guestToken(server.url, 'Host');
    const room = await new Client(server.url).create(RoomName.Table, { token: guest.token, protocol: PROTOCOL_VERSION, gameId, turnSeconds: 15 });
    const host = new Host(room, guest.playerId);
    await waitFor('the first state', () => host.snapshots.length > 0);
    return host;
  }

  get table(): TableSnapshot {
    return this.snapshots[this.snapshots.length - 1]!;
  }

  send(message: ClientMessage): void {
    this.room.send(message.type, message);
  }

  /** Leaves the host's own seat and gives every other empty seat to a normal bot, then deals. */
  async fillWithBotsAndStart(): Promise<void> {
    this.send({ type: 'stand' });
    await waitFor('the host standing up', () => this.table.seats.every((seat) => seat.playerId !== this.playerId));
    for (const seat of this.table.seats) if (seat.kind === 'empty') this.send({ type: 'addBot', seat: seat.index, level: 'normal' });
    await waitFor('every seat taken', () => this.table.seats.every((seat) => seat.kind !== 'empty'));
    this.send({ type: 'start' });
  }
}
