/**
 * The matchmaking door, tried as an attacker would (issue 11, points 2-4):
 * tables are never created for a bad token, bodies are capped before they are
 * read, join attempts and wrong codes are rate-limited per address and per
 * identity, and a code that opens nothing answers the same whether or not a
 * table is behind it.
 */
import http from 'node:http';
import { matchMaker } from '@colyseus/core';
import { Client } from 'colyseus.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, JoinErrorCode, PROTOCOL_VERSION, RoomName } from '@deckhand/protocol';
import { bootServer, guest, Player } from './harness';
import type { TestServer } from './harness';
import { rawRequest, roomCount } from './rawHttp';

const PORT = 25741;

let server: TestServer | null = null;
async function boot(env: Record<string, string>): Promise<TestServer> {
  await server?.shutdown();
  server = await bootServer(PORT, env);
  return server;
}
afterAll(async () => {
  await server?.shutdown();
});

const players: Player[] = [];
afterEach(async () => {
  await Promise.all(players.splice(0).map((player) => player.room.leave().catch(() => undefined)));
});

function joinError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  return promise.then(
    () => ({ code: 0, message: 'joined' }),
    (error: { code: number; message: string }) => ({ code: error.code, message: error.message }),
  );
}

describe('identity before a table exists', () => {
  let target: TestServer;
  beforeAll(async () => {
    target = await boot({});
  });

  it('a create with a forged, expired or missing token is refused and no table is made', async () => {
    const before = await roomCount(target.port);
    const bodies = [{ gameId: 'hearts', token: 'x' }, { gameId: 'hearts' }, { gameId: 'hearts', token: `${(await guest(target, 'Ann')).token}x` }];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, index) => rawRequest(target.port, '/matchmake/create/table', { body: bodies[index % bodies.length] })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ code: JoinErrorCode.BadToken });
      expect(answer.json['room']).toBeUndefined();
    }
    expect(await roomCount(target.port)).toBe(before);
  });

  it('colyseus.js `client.auth.token` alone (the Authorization header) creates and joins tables', async () => {
    const host = new Player(target, await guest(target, 'Header Host'));
    host.client.auth.token = host.identity.token;
    host.attach(await host.client.create(RoomName.Table, { gameId: 'hearts', protocol: PROTOCOL_VERSION }));
    await host.settled();
    players.push(host);
    const code = host.snapshot().code;
    expect(host.snapshot().seats[0]?.name).toBe('Header Host');

    const friend = new Player(target, await guest(target, 'Header Friend'));
    friend.client.auth.token = friend.identity.token;
    friend.attach(await friend.client.joinById(code, { protocol: PROTOCOL_VERSION }));
    await friend.settled();
    players.push(friend);
    expect(friend.snapshot().seats.map((seat) => seat.name).slice(0, 2)).toEqual(['Header Host', 'Header Friend']);
  });
});

describe('open tables per identity and per address', () => {
  let target: TestServer;
  beforeAll(async () => {
    target = await boot({ TABLES_PER_PLAYER: '2', TABLES_PER_ADDRESS: '3' });
  });

  it('refuses a creator past the cap with a clear error until one of their tables closes', async () => {
    const ann = await guest(target, 'Ann');
    const create = (token: string, from = '127.0.0.1') => rawRequest(target.port, '/matchmake/create/table', { body: { gameId: 'hearts', token }, from });
    // Two tables held by Ann, with her seated at the first.
    const first = await Player.create(target, 'Ann', { gameId: 'hearts' });
    players.push(first);
    const annPlayer = new Player(target, ann);
    annPlayer.attach(await annPlayer.client.create(RoomName.Table, { gameId: 'hearts', token: ann.token, protocol: PROTOCOL_VERSION }));
    await annPlayer.settled();
    players.push(annPlayer);
    expect((await create(ann.token)).json).toMatchObject({ room: { name: RoomName.Table } });
    const third = await create(ann.token);
    expect(third.json['code']).toBe(JoinErrorCode.TooManyTables);
    expect(String(third.json['error'])).toMatch(/already have 2 open tables/);

    // The address holds 3 tables now (first's creator, Ann's two): anyone else from it is refused.
    const bob = await guest(target, 'Bob');
    const fromSameAddress = await create(bob.token);
    expect(fromSameAddress.json['code']).toBe(JoinErrorCode.TooManyTables);
    expect(String(fromSameAddress.json['error'])).toMatch(/network already has 3 open tables/);
    // Another address is not affected.
    expect((await create(bob.token, '127.0.0.2')).json).toMatchObject({ room: { name: RoomName.Table } });

    // Ann leaves her table: it closes, and her slot comes back.
    await annPlayer.room.leave();
    players.splice(players.indexOf(annPlayer), 1);
    const again = await (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const answer = await create(ann.token, '127.0.0.3');
        if (answer.json['code'] !== JoinErrorCode.TooManyTables) return answer;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    })();
    expect(again?.json).toMatchObject({ room: { name: RoomName.Table } });
  });
});

describe('request bodies', () => {
  let target: TestServer;
  beforeAll(async () => {
    target = await boot({});
  });

  it('a 40 MB body to matchmaking or the API is refused with 413 before it is read', async () => {
    const huge = Buffer.alloc(40 * 1024 * 1024, 'x');
    const before = process.memoryUsage().rss;
    const paths = ['/matchmake/create/table', '/matchmake/joinById/BCDFG', '/api/guest', '/health', '/anything'];
    for (const path of paths) {
      // The answer comes at once and the connection closes: the client may see it or the reset (-1).
      const answer = await rawRequest(target.port, path, { body: huge });
      expect([413, -1], path).toContain(answer.status);
      if (answer.status === 413) expect(answer.json, path).toMatchObject({ code: ErrorCode.BodyTooLarge });
      // A body just over the limit fits in the socket's buffers: its sender always reads the 413.
      const over = await rawRequest(target.port, path, { body: Buffer.alloc(8 * 1024, 'x') });
      expect(over.status, path).toBe(413);
      expect(over.json, path).toMatchObject({ code: ErrorCode.BodyTooLarge, message: 'Request bodies are limited to 4 KB.' });
    }
    // The server runs in this process: five 40 MB bodies read whole would show here.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(await roomCount(target.port)).toBe(0);
  });

  it('a body streamed without a length is cut off at the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: target.port, path: '/matchmake/create/table', method: 'POST', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve(-1) : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, ' ');
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    // The 413, or the reset of a connection closed while the client was still sending (the old server read it all and answered 200).
    expect([413, -1]).toContain(status);
  });

  it('small bodies still work', async () => {
    const ann = await guest(target, 'Ann');
    const answer = await rawRequest(target.port, '/matchmake/create/table', { body: { gameId: 'hearts', token: ann.token } });
    expect(answer.json).toMatchObject({ room: { name: RoomName.Table } });
  });
});

describe('guessing codes', () => {
  let target: TestServer;
  beforeAll(async () => {
    target = await boot({ JOINS_PER_MINUTE: '12', WRONG_CODES_PER_HOUR: '5' });
  });

  it('a real private code and a wrong one get the same answer until a valid join', async () => {
    const host = await Player.create(target, 'Host', { gameId: 'hearts' });
    players.push(host);
    const code = host.snapshot().code;
    // A closed table's code, and a table its host locked.
    const closed = await Player.create(target, 'Gone', { gameId: 'hearts' });
    const closedCode = closed.snapshot().code;
    await closed.room.leave();
    const locked = await Player.create(target, 'Locked', { gameId: 'hearts' });
    players.push(locked);
    await matchMaker.getLocalRoomById(locked.snapshot().code).lock();

    const ask = (tableCode: string, token: string | undefined, from: string) =>
      rawRequest(target.port, `/matchmake/joinById/${tableCode}`, { body: token === undefined ? {} : { token }, from });
    // Without a pass: the same refusal for every code, real or not.
    const refusals = await Promise.all([code, 'BCDFG', closedCode].map((tableCode) => ask(tableCode, undefined, '127.0.0.2')));
    for (const answer of refusals) expect(answer).toEqual({ ...refusals[0], headers: answer.headers });
    expect(refusals[0]?.json).toMatchObject({ code: JoinErrorCode.BadToken });

    // With a pass: an unknown code, a closed table and a locked one read the same.
    const eve = await guest(target, 'Eve');
    const misses = [];
    for (const tableCode of ['BCDFG', closedCode, locked.snapshot().code, 'not-a-code!']) misses.push(await ask(tableCode, eve.token, '127.0.0.3'));
    for (const answer of misses) {
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ code: JoinErrorCode.NoSuchTable, error: 'There is no open table with that code (it may have closed).' });
    }
    // The real code is a valid join.
    expect((await ask(code, eve.token, '127.0.0.3')).json).toMatchObject({ room: { roomId: code } });
  });

  it('join attempts are limited per address and per identity', async () => {
    const mallory = await guest(target, 'Mallory');
    const answers = [];
    for (let index = 0; index < 13; index++) answers.push(await rawRequest(target.port, '/matchmake/joinById/BCDFG', { body: {}, from: '127.0.0.4' }));
    expect(answers.slice(0, 12).every((answer) => answer.status === 200)).toBe(true);
    expect(answers[12]?.status).toBe(429);
    expect(Number(answers[12]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[12]?.json).toMatchObject({ code: ErrorCode.RateLimited });
    expect(String(answers[12]?.json['message'])).toMatch(/Too many attempts/);

    // One identity hopping addresses is counted as one: 12 joins from 12 addresses, then refused from a 13th.
    const host = await Player.create(target, 'Host', { gameId: 'hearts' });
    players.push(host);
    const join = (from: string) => rawRequest(target.port, `/matchmake/joinById/${host.snapshot().code}`, { body: { token: mallory.token }, from });
    for (let index = 0; index < 12; index++) expect((await join(`127.0.1.${index + 1}`)).json).toMatchObject({ room: {} });
    const hopped = await join('127.0.1.200');
    expect(hopped.status).toBe(429);
    expect(String(hopped.json['message'])).toMatch(/Too many attempts/);
  });

  it('wrong codes are limited per hour: past the budget even a right code waits', async () => {
    const host = await Player.create(target, 'Host', { gameId: 'hearts' });
    players.push(host);
    const trudy = await guest(target, 'Trudy');
    const from = '127.0.2.1';
    for (let index = 0; index < 5; index++) {
      const miss = await rawRequest(target.port, `/matchmake/joinById/ZZZZ${'BCDFG'[index]}`, { body: { token: trudy.token }, from });
      expect(miss.json['code']).toBe(JoinErrorCode.NoSuchTable);
    }
    const blocked = await rawRequest(target.port, `/matchmake/joinById/${host.snapshot().code}`, { body: { token: trudy.token }, from });
    expect(blocked.status).toBe(429);
    expect(String(blocked.json['message'])).toMatch(/Too many wrong table codes/);
    // A fresh guest pass from the same address does not reset it.
    const again = await guest(target, 'Trudy again');
    expect((await rawRequest(target.port, `/matchmake/joinById/${host.snapshot().code}`, { body: { token: again.token }, from })).status).toBe(429);
  });

  it('looking a code up (GET /api/tables/:code) spends the same wrong-code budget as a join', async () => {
    const host = await Player.create(target, 'Host', { gameId: 'hearts' });
    players.push(host);
    const code = host.snapshot().code;
    const from = '127.0.3.1';
    const lookUp = (tableCode: string) => rawRequest(target.port, `/api/tables/${tableCode}`, { method: 'GET', from });
    expect((await lookUp(code)).json).toEqual({ code, open: true });
    // Malformed and unknown codes get one answer, and each counts as a wrong code.
    for (const wrong of ['ZZZZB', 'not-a-code!', 'ZZZZC', 'ZZZZD', 'ZZZZF']) {
      const miss = await lookUp(wrong);
      expect(miss.status, wrong).toBe(404);
      expect(miss.json['code']).toBe(ErrorCode.NoSuchTable);
    }
    // Past the budget the lookup waits like a join, even for the right code, and so does a join from that address.
    const blocked = await lookUp(code);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const ivan = await guest(target, 'Ivan');
    expect((await rawRequest(target.port, `/matchmake/joinById/${code}`, { body: { token: ivan.token }, from })).status).toBe(429);
  });
});

describe('colyseus.js sees the limits as errors it can show', () => {
  it('a client over the attempt budget gets the 429 sentence', async () => {
    const target = await boot({ JOINS_PER_MINUTE: '2' });
    const identity = await guest(target, 'Ann');
    const client = new Client(target.url);
    await joinError(client.joinById('BCDFG', { token: identity.token }));
    await joinError(client.joinById('BCDFG', { token: identity.token }));
    const refused = await joinError(client.joinById('BCDFG', { token: identity.token }));
    expect(refused.code).toBe(429);
    expect(refused.message).toMatch(/Too many attempts to join or open a table/);
  });
});
