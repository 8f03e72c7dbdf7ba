/**
 * How long a bot program's move takes, from its turn starting to every client
 * holding it, against the server's own bot in the same games:
 *
 *   npm run bench:latency -w @deckhand/bot-client [-- --games 4]
 *
 * One process: a game server (bot delay 0), a bot program seated with
 * `playTable` (the heuristic bot), three in-server normal bots (the same
 * heuristic) and two spectators. A turn starts when the server accepts the
 * move before it (that move's patch is what makes the seat active); it ends
 * when the last of the three clients (the program and both spectators) has
 * decoded the patch with the move. Only card plays count, so every sample is
 * one seat answering one board. Times are wall-clock (`performance.now()`) on
 * loopback; on a shared machine they move with its load.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName } from '@deckhand/protocol';
import type { ClientMessage, TableStateJson } from '@deckhand/protocol';
import { findBot } from '@deckhand/rules';
import { startServer } from '@deckhand/server';
import { guestToken, playTable } from '../src/index';

const { values } = parseArgs({ options: { games: { type: 'string', default: '4' } } });
const games = Number(values.games);
/**
 * With bots that answer at once, the program's turns come faster than the
 * default limit of 20 messages a second, and it would wait for its own pacing:
 * this server allows more, and the program is told so.
 */
const rateLimit = { ratePerSecond: 1000, rateBurst: 1000 };

/** Server time each move was accepted, by table and move number (numbered through the whole game). */
const accepted = new Map<string, number>();
const kinds = new Map<string, { seat: number; play: boolean }>();
const server = await startServer({
  port: 0,
  env: {
    NODE_ENV: 'production', TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'silent', BOT_DELAY_MS: '0', HOST: '127.0.0.1',
    RATE_PER_SECOND: String(rateLimit.ratePerSecond), RATE_BURST: String(rateLimit.rateBurst),
  },
  observer: {
    onMove(table, record) {
      const key = `${table}/${record.moveNumber}`;
      accepted.set(key, performance.now());
      kinds.set(key, { seat: record.seat, play: record.move.type === 'play' });
    },
  },
});
const url = `http://127.0.0.1:${server.port}`;

/** When each client first decoded each move (by the same key). */
function watcher(seen: Map<string, number>, code: () => string) {
  return (json: TableStateJson): void => {
    const key = `${code()}/${json.moveNumber ?? 0}`;
    if (!seen.has(key)) seen.set(key, performance.now());
  };
}

const samples = { program: [] as number[], server: [] as number[] };
for (let g = 0; g < games; g++) {
  const hostGuest = await guestToken(url, 'Host');
  const host: Room = await new Client(url).create(RoomName.Table, { token: hostGuest.token, protocol: PROTOCOL_VERSION, gameId: 'hearts' });
  const code = host.roomId;
  const clients = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  host.onMessage('*', () => {});
  host.onStateChange((state) => watcher(clients[0]!, () => code)((state as { toJSON(): TableStateJson }).toJSON()));
  const send = (message: ClientMessage) => host.send(message.type, message);
  const playing = playTable({ url, code, name: 'Program', bot: (game) => findBot(game, 'heuristic')!, onState: watcher(clients[1]!, () => code), rateLimit });
  const watcherGuest = await guestToken(url, 'Watcher');
  const watching = await new Client(url).joinById(code, { token: watcherGuest.token, protocol: PROTOCOL_VERSION, spectate: true });
  watching.onMessage('*', () => {});
  watching.onStateChange((state) => watcher(clients[2]!, () => code)((state as { toJSON(): TableStateJson }).toJSON()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  send({ type: 'stand' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const seat of [0, 2, 3]) send({ type: 'addBot', seat, level: 'normal' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  send({ type: 'start' });
  const result = await playing;
  for (const [key, kind] of kinds) {
    if (!key.startsWith(`${code}/`) || !kind.play) continue;
    const start = accepted.get(`${code}/${Number(key.split('/')[1]) - 1}`);
    const held = clients.map((seen) => seen.get(key));
    if (start === undefined || held.some((time) => time === undefined)) continue;
    (kind.seat === result.seat ? samples.program : samples.server).push(Math.max(...(held as number[])) - start);
  }
  await host.leave(true);
  await watching.leave(true);
}
await server.shutdown();

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const line = (label: string, values: number[]) =>
  `${label.padEnd(36)} ${String(values.length).padStart(6)} ${quantile(values, 0.5).toFixed(2).padStart(8)} ${quantile(values, 0.9).toFixed(2).padStart(8)} ${quantile(values, 0.99).toFixed(2).padStart(8)}`;
console.log(`Hearts, ${games} games: turn start (the previous move accepted) to every client holding the move, ms`);
console.log(`${'seat'.padEnd(36)} ${'plays'.padStart(6)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)}`);
console.log(line('bot program (playTable, heuristic)', samples.program));
console.log(line('in-server bot (normal, heuristic)', samples.server));
process.exit(0);
