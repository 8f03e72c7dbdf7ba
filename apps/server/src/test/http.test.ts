/** HTTP endpoints, bots with a real delay, and graceful shutdown telling clients why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_REASONS, CloseCode, ErrorCode } from '@deckhand/protocol';
import { lanAddresses } from '../httpApp';
import { bootServer, guest, seatedTable, waitFor } from './harness';
import type { Player, TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25679, { BOT_DELAY_MS: '20-40' });
});
afterAll(async () => {
  await server.shutdown();
});

async function postGuest(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/guest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('HTTP', () => {
  it('POST /api/guest returns a signed token and a public player id; names are trimmed and checked', async () => {
    const ok = await postGuest({ name: '  Ann  ' });
    expect(ok.status).toBe(200);
    expect(ok.json['name']).toBe('Ann');
    expect(ok.json['playerId']).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(String(ok.json['token']).split('.')).toHaveLength(3);
    const other = await postGuest({ name: 'Ann' });
    expect(other.json['playerId']).not.toBe(ok.json['playerId']);

    for (const name of ['', '   ', 'x'.repeat(21), 'Ann\u0007', 'line\nbreak', 42]) {
      const refused = await postGuest({ name });
      expect(refused.status, JSON.stringify(name)).toBe(400);
      expect(refused.json['code']).toBe(ErrorCode.BadName);
      expect(String(refused.json['message']).length).toBeGreaterThan(10);
    }
    const notJson = await postGuest('{name');
    expect(notJson.status).toBe(400);
  });

  it('GET /health answers, and the monitor is served in development', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, bots: { answered: 0, failed: 0 } });
    const monitor = await fetch(`${server.url}/monitor/`);
    expect(monitor.status).toBe(200);
  });

  it('GET /api/tables/:code tells an open table from a closed or malformed code', async () => {
    const [host] = (await seatedTable(server, 'hearts', 1)) as [Player];
    const code = host.snapshot().code;
    const open = await fetch(`${server.url}/api/tables/${code}`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ code, open: true });
    // Lower case, as typed or pasted, is the same code.
    expect((await fetch(`${server.url}/api/tables/${code.toLowerCase()}`)).status).toBe(200);
    for (const bad of ['ZZZZZ', '%3Cb%3E', 'ABCDEFG']) {
      const closed = await fetch(`${server.url}/api/tables/${bad}`);
      expect(closed.status, bad).toBe(404);
      expect(((await closed.json()) as { code: string }).code).toBe(ErrorCode.NoSuchTable);
    }
    await host.leave();
  });

  it('GET /api/net lists the LAN addresses in development, private ones first', async () => {
    const answer = (await (await fetch(`${server.url}/api/net`)).json()) as { lanAddresses: string[] };
    expect(answer.lanAddresses).toEqual(lanAddresses());
    const fake = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [{ address: '203.0.113.7', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }],
      wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
    } as unknown as Parameters<typeof lanAddresses>[0];
    expect(lanAddresses(fake)).toEqual(['192.168.1.20', '203.0.113.7']);
  });

  it('bots act after their configured delay', async () => {
    const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 2 })) as [Player];
    host.send({ type: 'start' });
    await waitFor('a bot move', () => host.events.some((event) => event.by === 'bot'), 5000);
    const identity = await guest(server, 'Late');
    expect(identity.playerId).toBeTruthy();
  });
});

describe('graceful shutdown', () => {
  it('closes every table telling its clients why', async () => {
    const [host, bob] = (await seatedTable(server, 'hearts', 2)) as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => bob.snapshot().mine !== null);
    await server.shutdown();
    await waitFor('both told', () => host.left && bob.left);
    expect(host.left).toEqual({ code: CloseCode.ServerShutdown, reason: CLOSE_REASONS[CloseCode.ServerShutdown] });
    expect(host.messages.some((message) => message.type === 'notice' && /restarting/.test(message.text))).toBe(true);
    expect(bob.left?.code).toBe(CloseCode.ServerShutdown);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
