/**
 * Part 3: capacity. Worker processes open tables of four colyseus.js clients,
 * each table playing about one move per second; the number of tables N is
 * ramped step by step, and each step is held for a measuring window. The
 * ramp stops at the first step whose p99 action-to-patch latency exceeds the
 * limit, or that shows errors or tables that failed to open.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerKind, startServerHost } from '../host/hostProtocol';
import type { ServerHost } from '../host/hostProtocol';
import { startDeckhandGroup } from '../host/serverGroup';
import { startCanary } from '../canaryProcess';
import type { Canary } from '../canaryProcess';
import { LoadFleet } from '../load/LoadFleet';
import { machineBusyMs, machineStealMs } from '../machine';
import { settle } from '../memory';
import type { CapacityFigures, CapacityStep } from '../results';
import type { StallAnatomyFigures } from '../stallAnatomy';
import { round, summarize } from '../stats';
import { finalWindows, liveHeapKiBPerTable, oldGenerationPerMove } from '../report';

/** Tables of four clients played by worker processes and measured in windows: the load of parts 3, 5 and 7. */
export interface LoadWindowConfig {
  readonly workers: number;
  readonly moveIntervalMs: number;
  readonly gameIds: readonly string[];
  /** Time after the tables are open before a window starts. */
  readonly settleSeconds: number;
  readonly windowSeconds: number;
  readonly p99LimitMs: number;
  readonly log: (line: string) => void;
}

export interface CapacityConfig extends LoadWindowConfig {
  readonly steps: readonly number[];
  /** The whole ramp stops after this, whatever step it reached. */
  readonly budgetSeconds: number;
  /** The server under test: Deckhand (the default, what players get) or the floor (`npm run bench:floor`). */
  readonly server?: typeof ServerKind.Deckhand | typeof ServerKind.Floor;
  /** Settings over Deckhand's (`deckhandServer.ts`), for a comparison (`npm run bench:floor -- --servers deckhand:DATA_DIR=`). */
  readonly serverEnv?: Readonly<Record<string, string>>;
  /** Deckhand as this many processes sharing Redis and Postgres (`serverGroup.ts`); 1, the default, is one process on SQLite. */
  readonly serverProcesses?: number;
}

export async function measureCapacity(config: CapacityConfig): Promise<CapacityFigures> {
  const started = performance.now();
  let server: ServerHost | null = null;
  let fleet: LoadFleet | null = null;
  let canary: Canary | null = null;
  const steps: CapacityStep[] = [];
  let stopReason = `every step held (largest step ${config.steps.at(-1) ?? 0} tables)`;
  try {
    const kind = config.server ?? ServerKind.Deckhand;
    const processes = config.serverProcesses ?? 1;
    if (processes > 1 && kind !== ServerKind.Deckhand) throw new Error('only Deckhand runs as several processes');
    const group = processes > 1 ? await startDeckhandGroup(processes, 'server-capacity', config.serverEnv) : null;
    server = group ?? (await startServerHost(kind, kind === ServerKind.Floor ? 'server-floor' : 'server-capacity', config.serverEnv));
    const { stats: idle } = await settle(server);
    canary = await startCanary('canary-capacity');
    fleet = await LoadFleet.start(config.workers, group?.urls ?? [server.url], {
      tables: kind === ServerKind.Floor ? 'floor' : 'deckhand',
      gameIds: config.gameIds,
      moveIntervalMs: config.moveIntervalMs,
    });

    for (const tables of config.steps) {
      if ((performance.now() - started) / 1000 > config.budgetSeconds) {
        stopReason = `time budget of ${config.budgetSeconds} s used up before ${tables} tables`;
        break;
      }
      const opening = await fleet.growTo(tables);
      await sleep(config.settleSeconds * 1000);
      let step = await measureWindow(server, fleet, opening, config, canary);
      steps.push(step);
      let retried = false;
      // On a shared machine one burst of someone else's work can spoil a window: a step that
      // failed on latency alone is measured once more, and counts as held if that window is.
      if (!step.held && step.errors === 0 && step.openFailures === 0 && step.latency.samples > 0) {
        config.log('    measuring that step once more');
        step = await measureWindow(server, fleet, { failed: 0, errorSamples: [] }, config, canary);
        steps.push(step);
        retried = true;
      }
      // The server's longest stalls come with its full mark-compacts, some ten seconds apart at these loads: a window
      // that held without one did not meet them. Such a step is measured again until a window does (at most twice
      // more), and holds only if that window holds too.
      for (let extra = 0; step.held && step.serverPauses.fullGcs === 0 && extra < 2; extra++) {
        config.log('    no full collection in that window: measuring once more');
        step = await measureWindow(server, fleet, { failed: 0, errorSamples: [] }, config, canary);
        steps.push(step);
      }
      // After the size's last window, so the forced collections fall in no window.
      const liveBytes = await liveHeapBytes(server);
      step = { ...step, serverLiveHeapBytes: liveBytes };
      steps[steps.length - 1] = step;
      config.log(`    live heap after full collections: ${liveHeapKiBPerTable(liveBytes, idle.heapUsedBytes, tables)} KiB a table`);
      if (!step.held) {
        stopReason =
          step.openFailures > 0
            ? `${step.openFailures} tables failed to open at ${tables} tables`
            : step.errors > 0
              ? `${step.errors} errors at ${tables} tables`
              : step.latency.samples === 0
                ? `no move completed at ${tables} tables`
                : `p99 ${step.latency.p99Ms} ms above ${config.p99LimitMs} ms at ${tables} tables${retried ? ' (in two windows)' : ''}`;
        break;
      }
    }

    // A size's last window decides it: one that held without a full collection was followed by another.
    const best = [...finalWindows(steps)].reverse().find((step) => step.held) ?? null;
    return {
      workers: config.workers,
      moveIntervalMs: config.moveIntervalMs,
      steps,
      maxTablesHeld: best?.tables ?? 0,
      concurrentClients: best?.clients ?? 0,
      serverCpuPercentPerTable: best ? round(best.serverCpuPercent / best.tables, 4) : Number.NaN,
      serverRssBytesPerTable: best ? Math.round((best.serverRssBytes - idle.rssBytes) / best.tables) : Number.NaN,
      serverIdleRssBytes: idle.rssBytes,
      serverIdleHeapBytes: idle.heapUsedBytes,
      stopReason,
      serverNodeFlags: server.nodeFlags,
      loadCpus: fleet.cpus,
    };
  } finally {
    await canary?.stop();
    await fleet?.stop();
    await server?.stop();
  }
}

/** The server's JS heap once two full collections have run: what is live at this size. */
async function liveHeapBytes(server: ServerHost): Promise<number> {
  await server.collectGarbage();
  return (await server.stats()).heapUsedBytes;
}

/** One line for a log: where the longest stall's time went. */
function describeStall(stall: StallAnatomyFigures): string {
  return (
    `${stall.gapMs} ms (main thread on a CPU ${stall.mainOnCpuMs}, waiting for one ${stall.mainWaitingMs}, blocked ${stall.mainBlockedMs}; ` +
    `server's other threads ${stall.serverThreadsMs}, other processes ${stall.otherProcessesMs} of ${stall.machineCapacityMs} ms of CPU)`
  );
}

/** One measuring window at the fleet's current number of tables (also used by the hard-bots part). */
export async function measureWindow(
  server: ServerHost,
  fleet: LoadFleet,
  opening: { failed: number; errorSamples: string[] },
  config: Pick<LoadWindowConfig, 'windowSeconds' | 'p99LimitMs' | 'log'>,
  canary: Canary | null = null,
): Promise<CapacityStep> {
  await canary?.take();
  const before = await fleet.report();
  const serverBefore = await server.stats();
  const machineBefore = machineBusyMs();
  const stealBefore = machineStealMs();
  await sleep(config.windowSeconds * 1000);
  const after = await fleet.report();
  const serverAfter = await server.stats();
  const canaryPauses = canary ? await canary.take() : null;
  const machineCpuPercent = round(((machineBusyMs() - machineBefore) / (performance.now() - before.at)) * 100, 1);
  const wallMs = after.at - before.at;
  const serverCpuPercent = round(((serverAfter.cpuMs - serverBefore.cpuMs) / wallMs) * 100, 1);
  const loadCpuPercent = round(((after.cpuMs - before.cpuMs) / wallMs) * 100, 1);
  const stealAfter = machineStealMs();
  const waitBefore = serverBefore.runQueueWaitMs;
  const waitAfter = serverAfter.runQueueWaitMs;
  const latency = summarize(after.latenciesMs);
  const held = opening.failed === 0 && after.errors === 0 && latency.samples > 0 && latency.p99Ms <= config.p99LimitMs;
  const step: CapacityStep = {
    tables: after.tables,
    clients: after.clients,
    openFailures: opening.failed,
    windowSeconds: round(wallMs / 1000, 1),
    movesPerSecond: round(after.moves / (wallMs / 1000), 1),
    latency,
    errors: after.errors,
    errorSamples: [...opening.errorSamples, ...after.errorSamples].slice(0, 5),
    serverCpuPercent,
    serverRssBytes: serverAfter.rssBytes,
    loadCpuPercent,
    machineCpuPercent,
    otherCpuPercent: round(Math.max(0, machineCpuPercent - serverCpuPercent - loadCpuPercent), 1),
    loadSendLateness: summarize(after.sendLatenessMs),
    serverThreadsCpuPercent:
      serverBefore.mainThreadCpuMs === null || serverAfter.mainThreadCpuMs === null
        ? null
        : round(((serverAfter.cpuMs - serverBefore.cpuMs - (serverAfter.mainThreadCpuMs - serverBefore.mainThreadCpuMs)) / wallMs) * 100, 1),
    serverRunQueueWaitPercent: waitBefore === null || waitAfter === null ? null : round(((waitAfter - waitBefore) / wallMs) * 100, 1),
    stealPercent: stealBefore === null || stealAfter === null ? null : round(((stealAfter - stealBefore) / wallMs) * 100, 1),
    serverPauses: serverAfter.pauses,
    serverLongestStall: serverAfter.longestStall,
    loadPauses: after.pauses,
    canaryPauses,
    held,
  };
  config.log(
    `  ${step.tables} tables (${step.clients} clients): ${step.movesPerSecond} moves/s, p99 ${latency.p99Ms} ms, ` +
      `errors ${step.errors + step.openFailures}, CPU: server ${step.serverCpuPercent}% (other threads ${step.serverThreadsCpuPercent ?? '-'}%), load ${step.loadCpuPercent}%, other ${step.otherCpuPercent}%, ` +
      `stalls: server loop ${step.serverPauses.loopDelayMaxMs} ms (GC max ${step.serverPauses.gcMaxMs} ms), ` +
      `load loop ${step.loadPauses.loopDelayMaxMs} ms (GC max ${step.loadPauses.gcMaxMs} ms)` +
      `${canaryPauses ? `, idle canary loop ${canaryPauses.loopDelayMaxMs} ms` : ''}` +
      `, server waiting for a CPU ${step.serverRunQueueWaitPercent ?? '-'}% of the window, steal ${step.stealPercent ?? '-'}%` +
      `${step.serverLongestStall ? `, longest server stall: ${describeStall(step.serverLongestStall)}` : ''}` +
      `, load sends late p99 ${step.loadSendLateness?.p99Ms ?? '-'} ms (max ${step.loadSendLateness?.maxMs ?? '-'})` +
      `, server old generation ${oldGenerationPerMove(step)} KiB per move (full GCs)` +
      `${held ? '' : ' -> not held'}`,
  );
  return step;
}
