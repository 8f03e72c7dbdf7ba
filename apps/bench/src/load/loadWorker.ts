/**
 * A load-generator process: opens tables of four colyseus.js clients on the
 * server under test and plays about one move per table per `moveIntervalMs`,
 * each move chosen by the acting client from its own view. Reports latency
 * and errors to the parent on request; leaves every table and exits on
 * `shutdown` or when the parent goes away.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Rng } from '@deckhand/rules';
import { openBenchTable } from '../benchTable';
import type { BenchTable } from '../benchTable';
import { PauseMonitor } from '../pauses';
import type { LoadConfig, LoadReply, LoadRequest } from './loadProtocol';

const SEATS = 4;
/** Tables opened at once by one worker: enough to ramp quickly, few enough not to flood matchmaking. */
const OPEN_CONCURRENCY = 4;
/** A table that fails this many moves in a row is given up (and counted) rather than retried forever. */
const MAX_FAILURES_IN_A_ROW = 3;
const ERROR_SAMPLES = 5;

let config: LoadConfig | null = null;
const tables = new Set<BenchTable>();
let opened = 0;
let stopping = false;
let moves = 0;
let errors = 0;
let latencies: number[] = [];
/** Per move: how much later than asked the worker woke to send it (its own loop busy, or no CPU for it). */
let sendLateness: number[] = [];
let errorSamples: string[] = [];
const jitter = Rng.fromSeed(`load-${process.pid}`);
const pauses = new PauseMonitor();

function send(message: LoadReply): void {
  process.send?.(message);
}

function noteError(message: string): void {
  errors++;
  if (errorSamples.length < ERROR_SAMPLES) errorSamples.push(message);
}

/** Plays one table until shutdown: a move every interval (jittered +-25%), a rematch at each game over. */
async function drive(table: BenchTable, intervalMs: number): Promise<void> {
  let failures = 0;
  try {
    // Spread the tables' first moves over one interval so they do not move in lockstep.
    await sleep(jitter.next() * intervalMs);
    while (!stopping) {
      const result = await table.playMove();
      if (result.ok) {
        failures = 0;
        moves++;
        latencies.push(result.latencyMs);
        if (result.over) await table.rematch();
      } else {
        noteError(result.error);
        if (++failures >= MAX_FAILURES_IN_A_ROW) break;
      }
      const wanted = intervalMs * (0.75 + jitter.next() * 0.5);
      const asleep = performance.now();
      await sleep(wanted);
      sendLateness.push(performance.now() - asleep - wanted);
    }
  } catch (error) {
    // A bug or a lost table (a rematch that never came): counted, and the table is given up.
    noteError(String(error));
  } finally {
    tables.delete(table);
    await table.leave();
  }
}

async function openTables(count: number): Promise<void> {
  const current = config!;
  let failed = 0;
  const samples: string[] = [];
  let next = 0;
  const openOne = async (): Promise<void> => {
    while (next < count && !stopping) {
      const index = opened + next++;
      const gameId = current.gameIds[index % current.gameIds.length]!;
      try {
        const table = await openBenchTable(current.tables ?? 'deckhand', {
          baseUrl: current.baseUrl,
          gameId,
          seats: SEATS,
          botSeed: `load-${current.workerIndex}-${index}`,
        });
        tables.add(table);
        void drive(table, current.moveIntervalMs);
      } catch (error) {
        failed++;
        if (samples.length < ERROR_SAMPLES) samples.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, openOne));
  opened += count;
  send({ type: 'opened', tables: tables.size, failed, errorSamples: samples });
}

async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(1), 50_000);
  await Promise.allSettled([...tables].map((table) => table.leave()));
  clearTimeout(timer);
  process.exit(0);
}

process.on('message', (request: LoadRequest) => {
  switch (request.type) {
    case 'config':
      config = request.config;
      send({ type: 'ready' });
      return;
    case 'open':
      void openTables(request.tables);
      return;
    case 'report': {
      const cpu = process.cpuUsage();
      send({
        type: 'report',
        tables: tables.size,
        clients: tables.size * SEATS,
        moves,
        latenciesMs: latencies,
        sendLatenessMs: sendLateness,
        errors,
        errorSamples,
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssBytes: process.memoryUsage().rss,
        pauses: pauses.take(),
      });
      moves = 0;
      errors = 0;
      latencies = [];
      sendLateness = [];
      errorSamples = [];
      return;
    }
    case 'shutdown':
      void shutdown();
      return;
    default: {
      const unknown: never = request;
      throw new Error(`unknown load request ${JSON.stringify(unknown)}`);
    }
  }
});
process.on('disconnect', () => void shutdown());
