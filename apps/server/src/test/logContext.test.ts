/**
 * What an operator reads: each of a table's log lines names the table once.
 * The room used to hand the table core a logger already carrying the code,
 * and the core added it again, so every line had `"table"` twice.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Player, bootServer, waitFor } from './harness';
import type { TestServer } from './harness';

describe('table log lines', () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
        done();
      },
    });
    server = await bootServer(25790, {}, { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('name their table once, as JSON an operator can parse', async () => {
    const host = await Player.create(server, 'Ann', { gameId: 'hearts' });
    const code = host.room.roomId;
    const created = await waitFor('the table created line', () => lines.find((line) => line.includes('"table created"')));
    expect(created.match(/"table":/g)).toHaveLength(1);
    expect(JSON.parse(created)).toMatchObject({ table: code, game: 'hearts', msg: 'table created' });
    await host.room.leave(true);
    const closed = await waitFor('the table closed line', () => lines.find((line) => line.includes('"table closed"')));
    expect(closed.match(/"table":/g)).toHaveLength(1);
  });
});
