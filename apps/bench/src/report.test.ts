import { describe, expect, it } from 'vitest';
import { cpuPerMoveLine, liveHeapLine, tablesHeldWithShortStalls } from './report';
import type { CapacityFigures, CapacityStep } from './results';

/** A capacity window with only what the stall row reads. */
function window(tables: number, held: boolean, stallMs: number): CapacityStep {
  return { tables, held, serverPauses: { loopDelayMaxMs: stallMs } } as unknown as CapacityStep;
}

describe('the capacity summary with the stall rule', () => {
  it('[bench-report] counts a step only when every one of its windows held with the server stall under 50 ms', () => {
    const steps = [
      window(600, true, 30),
      window(800, true, 35),
      window(800, true, 49.9),
      // Held on p99, but one window stalled 55 ms: not counted, as issue 18 asks.
      window(1000, true, 20),
      window(1000, true, 55),
      window(1250, false, 120),
    ];
    expect(tablesHeldWithShortStalls(steps)).toBe(800);
  });

  it('[bench-report] a step that failed on p99 does not count however short its stalls, and no step gives 0', () => {
    expect(tablesHeldWithShortStalls([window(500, true, 20), window(700, false, 20)])).toBe(500);
    expect(tablesHeldWithShortStalls([window(25, true, 50)])).toBe(0);
    expect(tablesHeldWithShortStalls([])).toBe(0);
  });
});

describe('the live heap per table', () => {
  const MiB = 1024 * 1024;
  it('[bench-report] reads each size\'s last window, less the idle server\'s heap, and says nothing for older results', () => {
    const capacity = {
      serverIdleHeapBytes: 30 * MiB,
      steps: [
        { tables: 100, serverLiveHeapBytes: 30 * MiB + 100 * 200 * 1024 },
        // A size measured twice: only its last window carries the figure.
        { tables: 200 },
        { tables: 200, serverLiveHeapBytes: 30 * MiB + 200 * 190 * 1024 },
      ],
    } as unknown as CapacityFigures;
    expect(liveHeapLine(capacity)).toMatch(/less the idle server's 30(\.0)? MiB.*: 100: 200\.0, 200: 190\.0\.$/);
    expect(liveHeapLine({ ...capacity, serverIdleHeapBytes: undefined })).toBeNull();
    expect(liveHeapLine({ ...capacity, steps: [{ tables: 100 }] } as unknown as CapacityFigures)).toBeNull();
  });
});

describe('the server CPU per move', () => {
  it('[bench-report] divides each size\'s last window\'s CPU by its moves, the main thread apart when known', () => {
    const capacity = {
      steps: [
        // 10% of a core over 100 moves a second: 1,000 us a move, 800 of them on the main thread.
        { tables: 100, movesPerSecond: 100, serverCpuPercent: 10, serverThreadsCpuPercent: 2 },
        { tables: 500, movesPerSecond: 500, serverCpuPercent: 30, serverThreadsCpuPercent: 5 },
        // Measured again: only the last window counts.
        { tables: 500, movesPerSecond: 400, serverCpuPercent: 20, serverThreadsCpuPercent: null },
      ],
    } as unknown as CapacityFigures;
    expect(cpuPerMoveLine(capacity)).toMatch(/: 100: 800 \/ 1000, 500: 500\.$/);
    expect(cpuPerMoveLine({ steps: [] } as unknown as CapacityFigures)).toBeNull();
  });
});
