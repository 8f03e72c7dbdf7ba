/**
 * Child process that runs one server under test (`deckhand`, `baseline` or `floor`)
 * on 127.0.0.1 and answers the parent over IPC: `stats` (CPU time, RSS, open
 * rooms), `gc` (collect, so RSS is read after garbage is gone) and
 * `shutdown`. It exits when the parent goes away, so no server outlives a run.
 */
import { startBaselineServer } from '../baseline/baselineServer';
import { startFloorServer } from '../floor/floorServer';
import { mainThreadSchedule } from '../machine';
import { PauseMonitor } from '../pauses';
import { StallAnatomy } from '../stallAnatomy';
import { startDeckhandServer } from './deckhandServer';
import type { RunningServer } from './deckhandServer';
import { ServerKind } from './hostProtocol';
import type { HostReply, HostRequest } from './hostProtocol';
import { WindowProfiles } from './windowProfiles';

function reply(message: HostReply): void {
  process.send?.(message);
}

async function start(kind: ServerKind, env: Record<string, string>): Promise<RunningServer> {
  switch (kind) {
    case ServerKind.Baseline: {
      const server = await startBaselineServer({ host: '127.0.0.1', port: 0 });
      return { port: server.port, rooms: async () => server.tableCount(), bots: () => null, close: () => server.close() };
    }
    case ServerKind.Deckhand:
      return startDeckhandServer(env);
    case ServerKind.Floor: {
      const server = await startFloorServer();
      return { port: server.port, rooms: async () => server.tableCount(), bots: () => null, close: () => server.close() };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown server kind ${String(unknown)}`);
    }
  }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  if (!Object.values(ServerKind).includes(kind)) throw new Error(`usage: serverHost.ts ${Object.values(ServerKind).join('|')} [env JSON]`);
  const server = await start(kind, JSON.parse(process.argv[3] ?? '{}') as Record<string, string>);
  const pauses = new PauseMonitor();
  const stalls = new StallAnatomy();
  const profiles = WindowProfiles.fromEnv(kind);
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(1), 10_000);
    try {
      await server.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };

  process.on('message', (raw: HostRequest) => {
    switch (raw.type) {
      case 'stats': {
        // A profile that cannot be written is said once per window; the figures still go back.
        profiles?.next().catch((error: unknown) => console.error(`window profile: ${String(error)}`));
        const cpu = process.cpuUsage();
        const memory = process.memoryUsage();
        const loop = performance.eventLoopUtilization();
        const schedule = mainThreadSchedule();
        void server.rooms().then((rooms) =>
          reply({
            type: 'stats',
            cpuMs: (cpu.user + cpu.system) / 1000,
            rssBytes: memory.rss,
            heapUsedBytes: memory.heapUsed,
            heapTotalBytes: memory.heapTotal,
            externalBytes: memory.external,
            rooms,
            bots: server.bots(),
            pauses: pauses.take(),
            longestStall: stalls.take(),
            loopActiveMs: loop.active,
            loopIdleMs: loop.idle,
            runQueueWaitMs: schedule?.waitingMs ?? null,
            mainThreadCpuMs: schedule?.onCpuMs ?? null,
          }),
        );
        return;
      }
      case 'gc':
        // Two passes: the first may only queue finalizers.
        globalThis.gc?.();
        globalThis.gc?.();
        reply({ type: 'gcDone' });
        return;
      case 'shutdown':
        void shutdown();
        return;
      default: {
        const unknown: never = raw;
        throw new Error(`unknown host request ${JSON.stringify(unknown)}`);
      }
    }
  });
  process.on('disconnect', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  reply({ type: 'ready', port: server.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
