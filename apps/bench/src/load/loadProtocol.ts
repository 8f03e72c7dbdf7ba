/** IPC between a run and its load-generator worker processes (`loadWorker.ts`). */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PauseFigures } from '../pauses';
import { nextMessage, profileFlags, startChild, stopChild } from '../processes';
import type { TableKind } from '../benchTable';
import type { CpuSet } from '../processes';

export interface LoadConfig {
  readonly baseUrl: string;
  /** Deckhand tables (the default), or the floor server's bare tables (`src/floor`), which ignore `gameIds`. */
  readonly tables?: TableKind;
  /** Tables cycle through these games. */
  readonly gameIds: readonly string[];
  /** Mean time between two moves at one table. */
  readonly moveIntervalMs: number;
  readonly workerIndex: number;
}

export type LoadRequest =
  | { type: 'config'; config: LoadConfig }
  /** Opens this many more tables; answered with `opened`. */
  | { type: 'open'; tables: number }
  /** Answered with `report`; the figures restart from zero after each report. */
  | { type: 'report' }
  /** Every client leaves its table, then the worker exits. */
  | { type: 'shutdown' };

export interface LoadReport {
  readonly tables: number;
  readonly clients: number;
  readonly moves: number;
  /** Action-to-all-four-clients latencies of the moves since the last report. */
  readonly latenciesMs: readonly number[];
  /** Per move since the last report: how much later than planned the worker woke to send it. */
  readonly sendLatenessMs: readonly number[];
  readonly errors: number;
  /** A few error messages, for the report. */
  readonly errorSamples: readonly string[];
  /** CPU time of this worker since it started (user + system). */
  readonly cpuMs: number;
  readonly rssBytes: number;
  /** Event-loop delay and GC pauses of this worker since the last report. */
  readonly pauses: PauseFigures;
}

export type LoadReply =
  | { type: 'ready' }
  | { type: 'opened'; tables: number; failed: number; errorSamples: string[] }
  | ({ type: 'report' } & LoadReport);

function reply<T extends LoadReply['type']>(type: T) {
  return (message: unknown): Extract<LoadReply, { type: T }> | undefined =>
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
      ? (message as Extract<LoadReply, { type: T }>)
      : undefined;
}

/** A worker process driving tables of real colyseus.js clients. */
export interface LoadWorker {
  readonly pid: number;
  open(tables: number): Promise<{ tables: number; failed: number; errorSamples: string[] }>;
  report(): Promise<LoadReport>;
  stop(): Promise<void>;
}

export async function startLoadWorker(config: LoadConfig, cpus: CpuSet | null): Promise<LoadWorker> {
  const child: ChildProcess = startChild(path.join('load', 'loadWorker.ts'), [], `load-worker-${config.workerIndex}`, profileFlags(), cpus);
  try {
    const ready = nextMessage(child, reply('ready'), 60_000, 'load worker start');
    child.send({ type: 'config', config } satisfies LoadRequest);
    await ready;
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const ask = <T extends LoadReply['type']>(request: LoadRequest, type: T, ms: number) => {
    const answer = nextMessage(child, reply(type), ms, `load worker ${config.workerIndex} ${request.type}`);
    child.send(request);
    return answer;
  };
  return {
    pid: child.pid ?? -1,
    // Opening is bounded by the per-table join timeouts; allow for a slow server.
    open: (tables) => ask({ type: 'open', tables }, 'opened', 120_000 + tables * 1_000).then(({ type: _type, ...rest }) => rest),
    report: () => ask({ type: 'report' }, 'report', 30_000).then(({ type: _type, ...rest }) => rest),
    // Every client leaves first, which takes a moment per table; then the kill.
    stop: () => stopChild(child, 60_000),
  };
}
