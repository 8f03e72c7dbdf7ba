import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { StallAnatomy } from './stallAnatomy';

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const linux = fs.existsSync('/proc/self/schedstat');

describe.runIf(linux)('StallAnatomy', () => {
  it('tells a loop held by work from a loop held by a blocking call', async () => {
    const anatomy = new StallAnatomy();
    await sleep(50);
    anatomy.take();

    spin(150);
    await sleep(30);
    const working = anatomy.take();
    expect(working).not.toBeNull();
    expect(working!.gapMs).toBeGreaterThanOrEqual(150);
    expect(working!.stallsOver50Ms).toBe(1);
    // The thread wanted a CPU all along: it ran, or (on a busy machine) waited for one; it never slept.
    expect(working!.mainOnCpuMs + working!.mainWaitingMs).toBeGreaterThan(0.8 * working!.gapMs);
    expect(working!.mainBlockedMs).toBeLessThan(0.2 * working!.gapMs);

    // Asleep in a system call, as a synchronous lock wait or fsync would be.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    await sleep(30);
    const blocked = anatomy.take();
    expect(blocked).not.toBeNull();
    expect(blocked!.gapMs).toBeGreaterThanOrEqual(150);
    expect(blocked!.mainBlockedMs).toBeGreaterThan(0.7 * blocked!.gapMs);
    expect(blocked!.mainOnCpuMs).toBeLessThan(0.2 * blocked!.gapMs);
    anatomy.stop();
  });
});
