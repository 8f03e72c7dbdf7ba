import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on a shared box skews every figure. */
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd?: number;
  /**
   * Thousands of Hearts random-play moves per CPU second on one thread, at the
   * start and end of the run (`speed.ts`): how fast a core was that hour.
   * Absent in older files.
   */
  readonly speedAtStart?: number;
  readonly speedAtEnd?: number;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/**
 * CPU time all cores spent busy (user, nice, system, irq) since boot, in ms.
 * The difference over a window, minus the benchmark's own processes, is what
 * other work on the machine took.
 */
export function machineBusyMs(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0);
}

/**
 * The main thread's scheduler counters (`/proc/self/schedstat`), in ms: its
 * time on a CPU and its time ready to run but waiting on a run queue; null
 * where there are none.
 */
export function mainThreadSchedule(): { onCpuMs: number; waitingMs: number } | null {
  try {
    const [onCpuNs, waitNs] = fs.readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isFinite(onCpuNs) && Number.isFinite(waitNs) ? { onCpuMs: onCpuNs! / 1e6, waitingMs: waitNs! / 1e6 } : null;
  } catch {
    return null;
  }
}

/** USER_HZ is 100 on Linux: `/proc/stat` counts in ticks of 10 ms. */
const JIFFY_MS = 10;

/**
 * The machine's totals from the first line of `/proc/stat`, all CPUs
 * together, in ms since boot: busy (user, nice, system, irq, softirq) and
 * steal; null where there is no such file. One small read, cheap enough for
 * a timer at 100 Hz (`os.cpus()` reads more).
 */
export function procStatTotals(): { busyMs: number; stealMs: number } | null {
  try {
    const text = fs.readFileSync('/proc/stat', 'utf8');
    const fields = text.slice(0, text.indexOf('\n')).trim().split(/\s+/);
    if (fields[0] !== 'cpu') return null;
    // cpu user nice system idle iowait irq softirq steal ...
    const [user, nice, system, , , irq, softirq, steal] = fields.slice(1, 9).map(Number);
    const busy = user! + nice! + system! + irq! + softirq!;
    return Number.isFinite(busy) && Number.isFinite(steal) ? { busyMs: busy * JIFFY_MS, stealMs: steal! * JIFFY_MS } : null;
  } catch {
    return null;
  }
}

/**
 * CPU time the hypervisor gave to other guests while this machine's vCPUs
 * wanted to run ("steal", `/proc/stat`), all vCPUs together, in ms; null
 * where there is none.
 */
export function machineStealMs(): number | null {
  return procStatTotals()?.stealMs ?? null;
}

/** The fields of `/proc/<pid>/stat` after the process's name (so a name with spaces cannot shift them); null once it is gone. */
function statFields(pid: number | string): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** User + system CPU time in ms from `statFields` (fields 14 and 15 of the whole line, 12 and 13 after the name). */
function cpuMsOf(fields: readonly string[] | null): number {
  return fields ? (Number(fields[11]) + Number(fields[12])) * JIFFY_MS : 0;
}

/**
 * CPU time of a process so far, in ms, and with `withChildren` that of its children too (nginx's workers,
 * Postgres' backends; a child that has ended takes its time with it). 0 for an unknown or ended process.
 */
export function processTreeCpuMs(pid: number | undefined, withChildren = false): number {
  if (pid === undefined) return 0;
  let total = cpuMsOf(statFields(pid));
  if (!withChildren) return total;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    // The parent's pid is the second field after the name.
    if (fields && Number(fields[1]) === pid) total += cpuMsOf(fields);
  }
  return total;
}
