/**
 * Tables outlive their process: the real server (`src/main.ts` under tsx) in
 * a child process with its own data directory, real colyseus.js clients, and
 * the process killed with SIGKILL or stopped with SIGTERM at the moments that
 * matter (the Hearts pass, the middle of a hand, the hand summary). After
 * each restart every player rejoins by code with the same identity and must
 * find their seat, hand, scores, host and chat as they were; the game then
 * finishes with the scores a replay of the stored game gives.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveBase } from '@deckhand/rules';
import { CloseCode } from '@deckhand/protocol';
import type { TableSnapshot } from '@deckhand/protocol';
import { openSqliteStore } from '../store/sqliteStore';
import { Player, replayedScores, sleep, testPort, waitFor } from './harness';
import type { TestServer } from './harness';

const PORT = testPort(25701);
const serverRoot = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-restart-'));

/** The server as an operator runs it, in its own process. */
class ServerProcess {
  private child: ChildProcess | null = null;
  output = '';

  async start(): Promise<void> {
    await this.stop('SIGKILL');
    this.output = '';
    const child = spawn(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: serverRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test', PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info',
        TOKEN_SECRET: 'restart-test-secret-restart-test-secret', BOT_DELAY_MS: '0', BOT_WORKERS: '1', RECONNECT_SECONDS: '30',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await waitFor('the server to listen', () => this.output.includes('deckhand server listening'), 60_000);
  }

  /** Sends `signal` and waits for the process to end; answers its exit code. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = null;
    return code;
  }
}

const server = new ServerProcess();
const url = `http://127.0.0.1:${PORT}`;
/** Player only reads `url` from its server. */
const target = { url } as TestServer;

let ann: Player;
let bob: Player;
let code = '';

/** What a player must find again after a restart. */
function kept(snapshot: TableSnapshot) {
  return {
    code: snapshot.code, phase: snapshot.phase, mySeat: snapshot.mySeat, mine: snapshot.mine, board: snapshot.board,
    hostId: snapshot.hostId, seats: snapshot.seats.map((seat) => [seat.kind, seat.playerId, seat.name, seat.botLevel]),
    moveNumber: snapshot.moveNumber, handNumber: snapshot.handNumber, seedHash: snapshot.seedHash,
  };
}

/** One legal move for `player`, preferring the highest card so games end sooner. */
function pick(moves: MoveBase[]): MoveBase {
  return moves[moves.length - 1]!;
}

/** Plays for both humans until `until` holds (bots play on their own). */
async function playUntil(what: string, until: (snapshot: TableSnapshot) => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!until(ann.snapshot())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out playing until ${what}`);
    for (const player of [ann, bob]) {
      const moves = player.legalMoves();
      if (moves.length === 0) continue;
      const before = player.snapshot().moveNumber;
      const errors = player.errors.length;
      player.send({ type: 'move', move: pick(moves) });
      await waitFor('the answer', () => player.snapshot().moveNumber > before || player.errors.length > errors);
      if (until(ann.snapshot())) return;
    }
    await sleep(5);
  }
}

/** Stops the server with `signal`, starts it again, and brings both players back by code. */
async function restart(signal: NodeJS.Signals): Promise<{ exit: number | null; before: ReturnType<typeof kept>[]; closes: number[] }> {
  // A stable moment: a human must act, so no bot moves between the snapshot and the stop.
  await waitFor('a human\'s turn', () => ann.legalMoves().length > 0 || bob.legalMoves().length > 0);
  await waitFor('both clients in step', () => ann.snapshot().moveNumber === bob.snapshot().moveNumber);
  // Bots acknowledging a hand summary still move while the humans are asked: wait for a quiet moment.
  for (let quiet = 0; quiet < 6; ) {
    const moveNumber = ann.snapshot().moveNumber;
    await sleep(50);
    quiet = ann.snapshot().moveNumber === moveNumber && bob.snapshot().moveNumber === moveNumber ? quiet + 1 : 0;
  }
  const before = [kept(ann.snapshot()), kept(bob.snapshot())];
  const exit = await server.stop(signal);
  await waitFor('both clients to notice', () => ann.left !== null && bob.left !== null);
  const closes = [ann.left!.code, bob.left!.code];
  await server.start();
  for (const player of [ann, bob]) await player.joinAgain(code);
  await waitFor('the restored hands', () => ann.snapshot().mine !== null && bob.snapshot().mine !== null);
  return { exit, before, closes };
}

beforeAll(async () => {
  await server.start();
  ann = await Player.create(target, 'Ann', { gameId: 'hearts', options: { target: 50 }, turnSeconds: 60 });
  code = ann.snapshot().code;
  bob = await Player.join(target, 'Bob', code);
  ann.send({ type: 'addBot', seat: 2, level: 'normal' });
  ann.send({ type: 'addBot', seat: 3, level: 'normal' });
  await waitFor('four seats', () => ann.snapshot().seats.every((seat) => seat.kind !== 'empty'));
  bob.send({ type: 'chat', text: 'see you after the restart' });
  await waitFor('the chat line', () => ann.chat.length === 1);
  ann.send({ type: 'start' });
  await waitFor('the deal', () => ann.snapshot().mine !== null && bob.snapshot().mine !== null);
}, 120_000);

afterAll(async () => {
  // The clients' sockets end with the process.
  await server.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a restart keeps every table', () => {
  it('kill -9 during the Hearts pass: Ann has passed, Bob has not; both are back with the same hands and Bob can still pass', async () => {
    expect(ann.snapshot().board['phase']).toBe('passing');
    ann.send({ type: 'move', move: pick(ann.legalMoves()) });
    await waitFor('Ann\'s pass', () => ann.legalMoves().length === 0);
    const { exit, before, closes } = await restart('SIGKILL');
    expect(exit).toBeNull();
    // An abnormal close: the socket just died.
    expect(closes.every((close) => close !== CloseCode.ServerShutdown)).toBe(true);
    expect([kept(ann.snapshot()), kept(bob.snapshot())]).toEqual(before);
    expect(ann.snapshot().board['phase']).toBe('passing');
    expect(ann.legalMoves()).toEqual([]);
    expect(bob.legalMoves().length).toBeGreaterThan(0);
    // Seats, host and chat came back too; the turn clock runs again.
    expect(ann.snapshot().seats.map((seat) => seat.connected)).toEqual([true, true, true, true]);
    expect(ann.snapshot().hostId).toBe(ann.playerId);
    expect(bob.chat.map((line) => line.text)).toContain('see you after the restart');
    expect(ann.snapshot().deadline).toBeGreaterThan(Date.now());
    await playUntil('the pass is over', (snapshot) => snapshot.board['phase'] === 'playing');
  });

  it('SIGTERM in the middle of a hand: clients are told, and come back to the same trick', async () => {
    await playUntil('a few tricks', (snapshot) => snapshot.moveNumber >= 20);
    const { exit, before, closes } = await restart('SIGTERM');
    expect(exit).toBe(0);
    expect(closes).toEqual([CloseCode.ServerShutdown, CloseCode.ServerShutdown]);
    expect([kept(ann.snapshot()), kept(bob.snapshot())]).toEqual(before);
  });

  it('kill -9 during the hand summary: the summary is still there, and continuing deals the next hand', async () => {
    await playUntil('the hand summary', (snapshot) => snapshot.board['phase'] === 'handOver');
    const scores = ann.snapshot().board['scores'];
    const { before } = await restart('SIGKILL');
    expect([kept(ann.snapshot()), kept(bob.snapshot())]).toEqual(before);
    expect(ann.snapshot().board['phase']).toBe('handOver');
    expect(ann.snapshot().board['scores']).toEqual(scores);
    await playUntil('the next hand', (snapshot) => snapshot.handNumber === 2);
  });

  it('the game finishes with the scores a replay of the stored game gives', async () => {
    await playUntil('the end', (snapshot) => snapshot.phase === 'gameOver', 90_000);
    const final = ann.snapshot().outcome!.scores;
    await server.stop('SIGTERM');
    const store = await openSqliteStore(dataDir);
    try {
      const [summary] = await store.gamesOf(bob.playerId, 5);
      const stored = (await store.game(summary!.id))!;
      expect(stored.scores).toEqual(final);
      expect(replayedScores(stored)).toEqual(final);
      expect(stored.players.map((player) => player.name)).toEqual(['Ann', 'Bob', 'Bot 3', 'Bot 4']);
    } finally {
      await store.close();
    }
  });
});

describe('a damaged database', () => {
  it('stops the start with one line naming the file, and exit status 78', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'deckhand-broken-'));
    writeFileSync(join(broken, 'deckhand.sqlite'), 'not a database '.repeat(200));
    const child = spawn(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: serverRoot,
      env: { ...process.env, NODE_ENV: 'test', PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: broken },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
    rmSync(broken, { recursive: true, force: true });
    expect(exit).toBe(78);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(join(broken, 'deckhand.sqlite'));
    expect(stderr).toContain('restore a backup or move the file aside');
  });
});

describe('a port another process holds', () => {
  it('stops the start with one line naming the port, and exit status 1', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(PORT, '127.0.0.1', resolve));
    const data = mkdtempSync(join(tmpdir(), 'deckhand-port-'));
    try {
      const child = spawn(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts'], {
        cwd: serverRoot,
        env: { ...process.env, NODE_ENV: 'test', PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: data, BOT_WORKERS: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
      expect(exit).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([`deckhand: port ${PORT} is already in use (another server?); stop it or set PORT`]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
      rmSync(data, { recursive: true, force: true });
    }
  });
});
