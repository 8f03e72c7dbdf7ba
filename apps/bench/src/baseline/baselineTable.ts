/**
 * Four baseline clients at one table, replaying a recorded game move by move:
 * each move is sent by its seat, and the next one waits until all four
 * clients have received their new view.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { GameRecord } from '@deckhand/rules';
import { ByteMeter, MeterPhase, payloadLength } from '../wire';
import { withTimeout } from '../tableRun';
import type { TableRun } from '../tableRun';

const STEP_TIMEOUT_MS = 10_000;

class BaselineSeat {
  readonly meter = new ByteMeter();
  private waiter: ((message: Record<string, unknown>) => void) | null = null;
  private failure: Error | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      this.meter.add(payloadLength(data), String(message.type));
      if (message.type === 'error') this.failure = new Error(`baseline refused: ${String(message.code)} ${String(message.message)}`);
      const waiter = this.waiter;
      this.waiter = null;
      waiter?.(message);
    });
  }

  static async open(url: string): Promise<BaselineSeat> {
    const socket = new WebSocket(url);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      }),
      STEP_TIMEOUT_MS,
      'a baseline connection',
    );
    return new BaselineSeat(socket);
  }

  /** The next message this seat receives. Set up before sending what it answers. */
  next(): Promise<Record<string, unknown>> {
    return withTimeout(
      new Promise<Record<string, unknown>>((resolve) => {
        this.waiter = resolve;
      }),
      STEP_TIMEOUT_MS,
      'a baseline message',
    ).then((message) => {
      if (this.failure) throw this.failure;
      return message;
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.socket.close();
  }
}

/** Replays `record` at a fresh table of the baseline server at `url`. */
export async function replayOnBaseline(url: string, tableId: string, record: GameRecord): Promise<TableRun> {
  const seats: BaselineSeat[] = [];
  try {
    for (let seat = 0; seat < record.seats; seat++) {
      const client = await BaselineSeat.open(url);
      seats.push(client);
      const joined = client.next();
      client.send({ type: 'join', table: tableId, seat });
      await joined;
      client.meter.enter(MeterPhase.Start);
    }
    const dealt = seats.map((client) => client.next());
    seats[0]!.send({ type: 'start', gameId: record.game, seed: record.seed, options: record.options });
    await Promise.all(dealt);

    const latenciesMs: number[] = [];
    for (const client of seats) client.meter.enter(MeterPhase.Moves);
    for (const { seat, move } of record.moves) {
      const views = seats.map((client) => client.next());
      const sent = performance.now();
      seats[seat]!.send({ type: 'move', move });
      await Promise.all(views);
      latenciesMs.push(performance.now() - sent);
    }
    return {
      gameId: record.game,
      seed: record.seed,
      moves: record.moves.length,
      clients: seats.map((client) => ({
        join: client.meter.count(MeterPhase.Join),
        start: client.meter.count(MeterPhase.Start),
        moves: client.meter.count(MeterPhase.Moves),
      })),
      latenciesMs,
      record,
    };
  } finally {
    for (const client of seats) client.close();
  }
}
