/** IPC between a benchmark run and the server process it starts (`serverHost.ts`). */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BotTally } from '@deckhand/server';
import { SERVER_NODE_FLAGS } from '@deckhand/server/nodeFlags';
import type { PauseFigures } from '../pauses';
import type { StallAnatomyFigures } from '../stallAnatomy';
import { nextMessage, profileFlags, startChild, stopChild } from '../processes';

export const ServerKind = {
  /** The real @deckhand/server (Colyseus). */
  Deckhand: 'deckhand',
  /** The naive JSON-over-ws table server in src/baseline. */
  Baseline: 'baseline',
  /** Colyseus with Deckhand's schema and flags and none of its work (src/floor): what a move cannot cost less than. */
  Floor: 'floor',
} as const;
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind];

export type HostRequest = { type: 'stats' } | { type: 'gc' } | { type: 'shutdown' };

export interface HostStats {
  /** User + system CPU time of the server process since it started. */
  readonly cpuMs: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Memory V8 holds for its heap (used or not): the part of RSS the JS heap accounts for. */
  readonly heapTotalBytes: number;
  /** Memory outside the JS heap that V8 knows of (Buffers, ArrayBuffers): socket data lives here. */
  readonly externalBytes: number;
  /** Rooms (tables) still open on the server. */
  readonly rooms: number;
  /** The hard bots' pool: threads, searches answered and failed since the start (null for the baseline). */
  readonly bots: BotTally | null;
  /** Event-loop delay and GC pauses since the previous `stats`. */
  readonly pauses: PauseFigures;
  /** The longest event-loop stall since the previous `stats`, taken apart (null if none, or off Linux). */
  readonly longestStall: StallAnatomyFigures | null;
  /** Time the main thread's event loop spent busy and idle since the process started (`eventLoopUtilization`). */
  readonly loopActiveMs: number;
  readonly loopIdleMs: number;
  /**
   * Time the main thread spent ready to run but waiting for a CPU, since it
   * started (Linux `/proc/self/schedstat`; null elsewhere): a stall the thread
   * did not cause.
   */
  readonly runQueueWaitMs: number | null;
  /** The main thread's own CPU time since it started (the same file; null elsewhere): `cpuMs` less this is the other threads'. */
  readonly mainThreadCpuMs: number | null;
}

export type HostReply =
  | { type: 'ready'; port: number }
  | ({ type: 'stats' } & HostStats)
  | { type: 'gcDone' };

function isReply(message: unknown): message is HostReply {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/** A server under test, running in its own process. */
export interface ServerHost {
  readonly kind: ServerKind;
  readonly port: number;
  readonly pid: number;
  /** `ws://127.0.0.1:<port>` for the baseline, `http://127.0.0.1:<port>` for Deckhand and the floor. */
  readonly url: string;
  /** The Node flags it runs with that players' servers run with too (`SERVER_NODE_FLAGS`), not the bench's own. */
  readonly nodeFlags: readonly string[];
  stats(): Promise<HostStats>;
  /** Runs the garbage collector twice in the server process (it runs with --expose-gc). */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

/** `env` overrides the Deckhand server's settings (see `deckhandServer.ts`). */
export async function startServerHost(
  kind: ServerKind,
  logName: string = `server-${kind}`,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerHost> {
  // The flags `npm start` gives the server, so the benchmark measures the process players get (the floor too: same stack).
  const nodeFlags = kind === ServerKind.Baseline ? [] : SERVER_NODE_FLAGS;
  const flags = ['--expose-gc', ...nodeFlags, ...profileFlags()];
  const child: ChildProcess = startChild(path.join('host', 'serverHost.ts'), [kind, JSON.stringify(env)], logName, flags);
  try {
    const port = await nextMessage(child, (message) => (isReply(message) && message.type === 'ready' ? message.port : undefined), 60_000, `${kind} server start`);
    const ask = <T>(request: HostRequest, accept: (reply: HostReply) => T | undefined, what: string): Promise<T> => {
      const answer = nextMessage(child, (message) => (isReply(message) ? accept(message) : undefined), 15_000, what);
      child.send(request);
      return answer;
    };
    return {
      kind,
      port,
      pid: child.pid ?? -1,
      url: `${kind === ServerKind.Baseline ? 'ws' : 'http'}://127.0.0.1:${port}`,
      nodeFlags,
      stats: () =>
        ask({ type: 'stats' }, (reply) => (reply.type === 'stats' ? (({ type: _type, ...stats }) => stats)(reply) : undefined), `${kind} server stats`),
      collectGarbage: () => ask({ type: 'gc' }, (reply) => (reply.type === 'gcDone' ? true : undefined), `${kind} server gc`).then(() => undefined),
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
