/**
 * The shape of bench-results.json. BENCHMARKS.md is rendered from this
 * object alone, so the two never disagree; `--quick` prints the same shape.
 */
import fs from 'node:fs';
import type { MidGameJoin, MoveAnatomy } from './deckhand/DeckhandTable';
import type { Machine } from './machine';
import type { PauseFigures } from './pauses';
import type { StallAnatomyFigures } from './stallAnatomy';
import type { IdleBucket, LatencySummary } from './stats';

export const RESULTS_VERSION = 1;

/** Bytes per accepted move per client, and the rest of one table's traffic, for one side. */
export interface WireSide {
  /** Mean wire bytes (payload + frame header) one client receives per accepted move. */
  readonly bytesPerMovePerClient: number;
  readonly payloadBytesPerMovePerClient: number;
  /** Mean messages one client receives per accepted move. */
  readonly messagesPerMovePerClient: number;
  /** What the per-move bytes are made of (`patch`, `events`, `record`, `view`, ...), per move per client. */
  readonly perMoveByKind: Readonly<Record<string, number>>;
  /** Mean bytes one client receives while joining (the join snapshot). */
  readonly joinBytesPerClient: number;
  /** Mean bytes one client receives between its join and the first move (others joining, the deal). */
  readonly startBytesPerClient: number;
  /** Socket open to first move by kind of message (`join` is the handshake with the schema), per client. */
  readonly seatedByKind?: Readonly<Record<string, number>>;
}

export interface WireGameFigures {
  readonly gameId: string;
  /** The turn timer of the measured tables (the web app's default); absent in older files (timer off). */
  readonly turnSeconds?: number;
  /** Deckhand with the turn timer off, the same number of games (other deals, same bot seeds). */
  readonly timerOff?: WireSide;
  readonly timerOffMoves?: number;
  /** Bytes to join the first game in its middle: a new spectator, and a seat's reconnect. */
  readonly midGameJoin?: MidGameJoin | null;
  /** One move of each kind of the first game, field by field, the most frequent kinds first. */
  readonly anatomy?: readonly MoveAnatomy[];
  /** How often each kind of move was played in that game. */
  readonly moveKinds?: Readonly<Record<string, number>>;
  readonly games: number;
  /** Accepted moves over all games (the same moves on both sides). */
  readonly moves: number;
  readonly seeds: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly deckhand: WireSide;
  readonly baseline: WireSide;
  /** deckhand.bytesPerMovePerClient / baseline.bytesPerMovePerClient; target at most 0.1. */
  readonly ratio: number;
  /** The same ratio counting only Deckhand's state patches (no `events` or `record` messages). */
  readonly patchOnlyRatio: number;
}

export interface CapacityStep {
  readonly tables: number;
  readonly clients: number;
  /** Tables the workers failed to open at this step. */
  readonly openFailures: number;
  readonly windowSeconds: number;
  readonly movesPerSecond: number;
  readonly latency: LatencySummary;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  /** Server CPU over the window, in percent of one core. */
  readonly serverCpuPercent: number;
  /** The part of it the server's other threads used (V8's GC helpers mostly); absent in older files, null off Linux. */
  readonly serverThreadsCpuPercent?: number | null;
  readonly serverRssBytes: number;
  /** Load generator CPU over the window, all workers together, in percent of one core. */
  readonly loadCpuPercent: number;
  /** Every process on the machine over the window, in percent of one core (100 x cores at most). */
  readonly machineCpuPercent: number;
  /** What other processes (not the server, not the load workers) took, in percent of one core. */
  readonly otherCpuPercent: number;
  /** Stalls over the window: the server's, and the worst load worker's. */
  readonly serverPauses: PauseFigures;
  readonly loadPauses: PauseFigures;
  /** The server's longest stall in the window, taken apart (absent in older files; null off Linux). */
  readonly serverLongestStall?: StallAnatomyFigures | null;
  /**
   * Share of the window the server's main thread was ready but waiting for a CPU, and the
   * machine's steal (vCPU time the hypervisor gave elsewhere), in percent of the window;
   * absent in older files and off Linux.
   */
  readonly serverRunQueueWaitPercent?: number | null;
  /** How much later than planned the load workers woke to send each move (absent in older files). */
  readonly loadSendLateness?: LatencySummary;
  readonly stealPercent?: number | null;
  /** An idle process's pauses in the same window (see canary.ts); absent in older files and where no canary ran. */
  readonly canaryPauses?: PauseFigures | null;
  /**
   * The server's JS heap right after two forced full collections, taken once
   * a size's last window is over (so only that window has it): what a full
   * collection marks at this size. Unlike the timings it does not follow the
   * machine's hour. Absent in older result files.
   */
  readonly serverLiveHeapBytes?: number;
  readonly held: boolean;
}

export interface CapacityFigures {
  readonly workers: number;
  readonly moveIntervalMs: number;
  readonly steps: readonly CapacityStep[];
  /** The largest step held (p99 within the limit and no errors); 0 if none. */
  readonly maxTablesHeld: number;
  readonly concurrentClients: number;
  readonly serverCpuPercentPerTable: number;
  readonly serverRssBytesPerTable: number;
  /** Server RSS with no table open, for the per-table figure. */
  readonly serverIdleRssBytes: number;
  /** The server's JS heap with no table open, after full collections (absent in older result files). */
  readonly serverIdleHeapBytes?: number;
  readonly stopReason: string;
  /** The Node flags the server ran with beyond the bench's own (`nodeFlags.ts`, as `npm start`); absent in older result files. */
  readonly serverNodeFlags?: readonly string[];
  /** The CPUs the load generator was confined to (`loadGeneratorCpus`); null: any; absent in older result files. */
  readonly loadCpus?: { readonly list: string; readonly count: number } | null;
}

export interface SoakSample {
  readonly atSeconds: number;
  readonly serverRssBytes: number;
  readonly serverHeapUsedBytes: number;
  /** What V8 holds for the heap, used or not (absent in older result files). */
  readonly serverHeapTotalBytes?: number;
  readonly serverCpuPercent: number;
  readonly serverPauses: PauseFigures;
  /** Every process on the machine, in percent of one core. */
  readonly machineCpuPercent: number;
  readonly rooms: number;
  readonly movesPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
}

export interface SoakFigures {
  readonly minutes: number;
  readonly tables: number;
  readonly clients: number;
  readonly samples: readonly SoakSample[];
  readonly moves: number;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  readonly latency: LatencySummary;
  /** A fresh server after a GC, before any table opened. */
  readonly rssIdleBytes: number;
  /**
   * After a warm-up round of a few tables, their rooms closed and memory settled
   * (a GC every few seconds until RSS stops falling): the start the end is compared with.
   */
  readonly rssStartBytes: number;
  /** After every client left, the rooms closed and memory settled the same way. */
  readonly rssEndBytes: number;
  /** Right after the last room closed and one GC, before settling (absent in older result files). */
  readonly rssLeftBytes?: number;
  /** Seconds memory took to settle at the start and at the end (absent in older result files). */
  readonly settleStartSeconds?: number;
  readonly settleEndSeconds?: number;
  readonly heapStartBytes: number;
  readonly heapEndBytes: number;
  /** What V8 holds for the heap at the start and the end (absent in older result files). */
  readonly heapTotalStartBytes?: number;
  readonly heapTotalEndBytes?: number;
  /** Buffers and ArrayBuffers outside the JS heap, at the start and the end (absent in older result files). */
  readonly externalStartBytes?: number;
  readonly externalEndBytes?: number;
  /** (end - start) / start. */
  readonly rssChange: number;
  readonly roomsLeft: number;
  /** Rooms 0 and RSS back within 10% of its start. */
  readonly passed: boolean;
}

export interface RulesGameFigures {
  readonly game: string;
  readonly seats: number;
  readonly randomMovesPerSecond: number;
  readonly randomGamesPerSecond: number;
  readonly heuristicDecisionMedianMs: number;
  readonly heuristicDecisionP99Ms: number;
  readonly [extra: string]: unknown;
}

export interface RulesFigures {
  readonly command: string;
  readonly games: readonly RulesGameFigures[];
  /** Everything the rules bench printed, as it printed it (other sections included). */
  readonly raw: unknown;
}

export interface LatencyFigures {
  /** Every process on the machine while part 1 ran, in percent of one core: the one-table figures are only as quiet as this. */
  readonly machineCpuPercent: number;
  /** One Deckhand table, the moves of part 1. */
  readonly oneTable: LatencySummary;
  /** The baseline, same moves, same measure (for scale, not a target). */
  readonly baselineOneTable: LatencySummary;
  /** At the largest capacity step held (part 3), measured inside the load workers. */
  readonly underLoad: { readonly tables: number; readonly latency: LatencySummary } | null;
  /** The one-table moves by how long the table had been quiet before each (absent in older files). */
  readonly byIdleBefore?: readonly IdleBucket[];
  /** One table again, same games, while another process keeps a core busy (absent in older files). */
  readonly busy?: { readonly oneTable: LatencySummary; readonly machineCpuPercent: number } | null;
}

/** One window of the hard-bots part: the human tables' figures, and what the bot tables did meanwhile. */
export interface HardBotsWindow {
  /** The human tables, measured as a capacity step is (tables and clients are the human ones only). */
  readonly humans: CapacityStep;
  readonly botTables: number;
  readonly botMovesPerSecond: number;
  /** Hard-bot searches answered in the window, and failed (the normal bot's move stood in). */
  readonly searchesAnswered: number;
  readonly searchesFailed: number;
  /** How busy the server's main thread (the one that sends patches) was over the window, in percent (absent in older files). */
  readonly serverMainThreadBusyPercent?: number;
}

export interface HardBotsRun {
  /** The server's bot worker threads (BOT_WORKERS); 0 searches inline on the main thread. */
  readonly botWorkers: number;
  /** The human tables with no bot table open. */
  readonly alone: HardBotsWindow;
  /** The same human tables while the bot tables play. */
  readonly withBots: HardBotsWindow;
}

export interface HardBotsFigures {
  readonly humanTables: number;
  readonly botTables: number;
  readonly seatsPerBotTable: number;
  readonly botLevel: string;
  /** The server's BOT_DELAY_MS: a bot's pause before its move, during which a hard bot searches. */
  readonly botDelayMs: string;
  readonly moveIntervalMs: number;
  /** With the worker pool (BOT_WORKERS at its default). */
  readonly pool: HardBotsRun;
  /** With BOT_WORKERS=0: the searches on the main thread, for contrast. */
  readonly inline: HardBotsRun;
}

/** One server run of part 7, with the table log on or off. */
export interface LogCostRun {
  readonly log: 'on' | 'off';
  /** One table's action-to-all-clients latency over whole Hearts games, timer on. */
  readonly oneTable: LatencySummary;
  readonly oneTableMoves: number;
  /** Two measuring windows at the part's number of tables. */
  readonly windows: readonly CapacityStep[];
  /** Server CPU time per accepted move over both windows. */
  readonly serverCpuMsPerMove: number;
}

/** Part 7: the same server with the table log on and off, in one run. */
export interface LogCostFigures {
  readonly tables: number;
  readonly clients: number;
  readonly oneTableGames: number;
  readonly runs: readonly LogCostRun[];
  /** Server CPU per move, log on minus log off. */
  readonly writeCostMsPerMove: number;
}

export interface BenchResults {
  readonly version: typeof RESULTS_VERSION;
  readonly generatedAt: string;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly commands: Readonly<Record<string, string>>;
  readonly targets: {
    readonly wireRatioMax: number;
    readonly oneTableP99MsMax: number;
    readonly loadP99MsMax: number;
    readonly clientsMin: number;
  };
  readonly wire: readonly WireGameFigures[] | null;
  readonly latency: LatencyFigures | null;
  readonly capacity: CapacityFigures | null;
  readonly soak: SoakFigures | null;
  readonly rules: RulesFigures | null;
  /** Absent in result files older than the part. */
  readonly hardBots?: HardBotsFigures | null;
  /** Absent in result files older than the part. */
  readonly logCost?: LogCostFigures | null;
  /**
   * Parts 1-2 as measured on the code before a change (`--before <results.json>`, a run of the
   * same bench on the older commit), shown beside this run's figures.
   */
  readonly before?: WireBefore | null;
  /** Parts that failed, with the reason; their figures are null. */
  readonly failures: readonly { readonly part: string; readonly error: string }[];
  /** Wall time of each part, in seconds. */
  readonly durations: Readonly<Record<string, number>>;
}

export interface WireBefore {
  /** What was measured, e.g. `main at c38b133`. */
  readonly label: string;
  readonly generatedAt: string;
  readonly loadAverage: readonly [number, number];
  readonly wire: readonly WireGameFigures[];
  readonly latency: LatencyFigures | null;
}

export const TARGETS: BenchResults['targets'] = {
  wireRatioMax: 0.1,
  oneTableP99MsMax: 5,
  loadP99MsMax: 100,
  clientsMin: 2_000,
};

export function readResults(file: string): BenchResults | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
    return parsed.version === RESULTS_VERSION ? parsed : null;
  } catch {
    return null;
  }
}
