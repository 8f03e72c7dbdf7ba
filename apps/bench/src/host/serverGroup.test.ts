import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTreeCpuMs } from '../machine';
import type { StallAnatomyFigures } from '../stallAnatomy';
import type { HostStats } from './hostProtocol';
import { combineStats } from './serverGroup';

function stall(gapMs: number): StallAnatomyFigures {
  return {
    gapMs, tickMs: 10, mainOnCpuMs: gapMs / 2, mainWaitingMs: gapMs / 2, mainBlockedMs: 0, gcMs: 0,
    serverThreadsMs: 0, otherProcessesMs: 0, machineCapacityMs: 2 * gapMs, stallsOver50Ms: gapMs >= 50 ? 1 : 0,
  };
}

function stats(overrides: Partial<HostStats>): HostStats {
  return {
    cpuMs: 1000, rssBytes: 100, heapUsedBytes: 10, heapTotalBytes: 20, externalBytes: 1, rooms: 5, bots: null,
    pauses: { loopDelayMaxMs: 20, loopDelayP99Ms: 12, gcMaxMs: 8, gcTotalMs: 40, oldGenerationGrowthBytes: 1000, fullGcs: 1 },
    longestStall: stall(20), loopActiveMs: 600, loopIdleMs: 400, runQueueWaitMs: 30, mainThreadCpuMs: 900,
    ...overrides,
  };
}

describe('combineStats', () => {
  it('judges a group of processes by its worst process and counts all their work', () => {
    const calm = stats({});
    const stalled = stats({
      cpuMs: 2000, rooms: 7, mainThreadCpuMs: 1800, runQueueWaitMs: 70, longestStall: stall(80),
      pauses: { loopDelayMaxMs: 85, loopDelayP99Ms: 30, gcMaxMs: 45, gcTotalMs: 90, oldGenerationGrowthBytes: 3000, fullGcs: 2 },
    });
    const group = combineStats([calm, stalled], 250);
    // A window in which one process stalled 80 ms did not hold, whatever the other did.
    expect(group.longestStall?.gapMs).toBe(80);
    expect(group.pauses.loopDelayMaxMs).toBe(85);
    expect(group.pauses.gcMaxMs).toBe(45);
    // Every table and all the CPU: both processes, plus Redis and Postgres, which the main threads are not.
    expect(group.rooms).toBe(12);
    expect(group.cpuMs).toBe(3250);
    expect(group.mainThreadCpuMs).toBe(2700);
    expect(group.runQueueWaitMs).toBe(100);
    expect(group.pauses.fullGcs).toBe(3);
    expect(group.pauses.oldGenerationGrowthBytes).toBe(4000);
  });

  it('knows no scheduler figures when one process has none', () => {
    const group = combineStats([stats({}), stats({ runQueueWaitMs: null, mainThreadCpuMs: null, longestStall: null })], 0);
    expect(group.runQueueWaitMs).toBeNull();
    expect(group.mainThreadCpuMs).toBeNull();
    expect(group.longestStall?.gapMs).toBe(20);
  });
});

describe.runIf(fs.existsSync('/proc/self/stat'))('processTreeCpuMs', () => {
  it("counts a child's CPU with its parent's only when asked", { timeout: 15_000 }, async () => {
    // A shell whose child spends 300 ms of CPU, then waits to be read (`; true` keeps the shell from exec'ing it).
    const child = 'const used = () => process.cpuUsage().user + process.cpuUsage().system; while (used() < 300000); setTimeout(() => {}, 10000)';
    const shell = spawn('sh', ['-c', `node -e '${child}'; true`], { stdio: 'ignore', detached: true });
    try {
      let withChildren = 0;
      for (let tries = 0; tries < 200 && withChildren < 250; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        withChildren = processTreeCpuMs(shell.pid, true);
      }
      // In ticks of 10 ms, read while the child may not have been charged its last one.
      expect(withChildren).toBeGreaterThanOrEqual(250);
      expect(processTreeCpuMs(shell.pid)).toBeLessThan(100);
      expect(processTreeCpuMs(undefined, true)).toBe(0);
    } finally {
      process.kill(-shell.pid!, 'SIGKILL');
    }
  });
});
