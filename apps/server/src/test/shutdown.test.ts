/**
 * The real entry (`src/main.ts`, production settings) in a child process, as
 * an operator runs it (issue 11, point 8): stray sockets and a flooding client
 * cannot fill its log, and SIGTERM closes every client with 4104 and the
 * sentence the README promises.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_REASONS, CloseCode, PROTOCOL_VERSION, RoomName } from '@deckhand/protocol';
import type { GuestResponse } from '@deckhand/protocol';
import { sleep, waitFor } from './harness';

const serverRoot = join(import.meta.dirname, '..', '..');
const tsx = join(serverRoot, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-shutdown-'));
let child: ChildProcess;
let output = '';
let base = '';
let exitCode: number | null = null;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [tsx, '--conditions=@deckhand/source', 'src/main.ts'], {
    cwd: serverRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production', TOKEN_SECRET: 's'.repeat(40), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info',
      BOT_DELAY_MS: '0', BOT_WORKERS: '1', WEB_DIST: join(serverRoot, 'no-web-build'),
      // Its own table log, so the tables this test leaves open are not restored by the next `npm run dev`.
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', (code) => (exitCode = code));
  for (let waited = 0; ; waited += 100) {
    if (exitCode !== null || waited > 30_000) throw new Error(`the server did not start:\n${output}`);
    if (await fetch(`${base}/health`).then((response) => response.ok, () => false)) break;
    await sleep(100);
  }
});

afterAll(async () => {
  if (exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function guest(name: string): Promise<GuestResponse> {
  const response = await fetch(`${base}/api/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  return (await response.json()) as GuestResponse;
}

function logLines(): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

describe('logs an attacker cannot inflate', () => {
  it('200 sockets without a seat reservation log a few short lines, no stack trace', async () => {
    const closes = await Promise.all(Array.from({ length: 200 }, (_, index) => new Promise<number>((resolve) => {
      const socket = new WebSocket(`${base.replace('http', 'ws')}/process/ROOM${index}?sessionId=nope`);
      socket.on('close', (code) => resolve(code));
      socket.on('error', () => resolve(-1));
    })));
    expect(closes.every((code) => code === 4002)).toBe(true);
    await sleep(200);
    const refused = logLines().filter((line) => /seat reservation/.test(line));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(20);
    expect(refused.every((line) => line.length < 300)).toBe(true);
    expect(output).not.toMatch(/\\n\s+at /);
  });

  it('a client that floods three times over is disconnected each time and logged once each', async () => {
    const flooder = await guest('Flood');
    for (let round = 0; round < 3; round++) {
      const room = await new Client(base).create(RoomName.Table, { gameId: 'hearts', token: flooder.token, protocol: PROTOCOL_VERSION });
      const closed = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
      for (let index = 0; index < 400; index++) room.send('chat', { type: 'chat', text: 'x' });
      expect(await closed).toBe(CloseCode.Flooding);
    }
    await sleep(200);
    expect(logLines().filter((line) => /flooding/.test(line))).toHaveLength(3);
  });

  it('a seated client\'s oversize frame closes its socket (1009) and logs one short line with its address', async () => {
    const sender = await guest('Oversize');
    const room = await new Client(base).create(RoomName.Table, { gameId: 'hearts', token: sender.token, protocol: PROTOCOL_VERSION });
    const closed = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
    // The server takes frames of up to 16 KiB.
    room.connection.send(new Uint8Array(20 * 1024));
    expect(await closed).toBe(1009);
    await waitFor('the socket error line', () => logLines().some((line) => /socket error/.test(line)), 5000);
    const lines = logLines().filter((line) => /socket error/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"address":"127\.0\.0\.1"/);
    expect(lines[0]).toMatch(/Max payload size exceeded/);
    expect(lines[0]!.length).toBeLessThan(300);
  });
});

describe('SIGTERM', () => {
  it('closes every client with 4104 and the sentence, then exits cleanly', async () => {
    const host = await guest('Host');
    const room = await new Client(base).create(RoomName.Table, { gameId: 'hearts', token: host.token, protocol: PROTOCOL_VERSION });
    const left = new Promise<{ code: number; reason?: string }>((resolve) => room.onLeave((code, reason) => resolve({ code, reason })));
    child.kill('SIGTERM');
    expect(await left, output).toEqual({ code: CloseCode.ServerShutdown, reason: CLOSE_REASONS[CloseCode.ServerShutdown] });
    await waitFor('the process to exit', () => exitCode !== null, 20_000);
    expect(exitCode).toBe(0);
  });
});
