/**
 * Child processes of a benchmark run: the server under test runs in its own
 * process (so its CPU and memory are its own, and the clients' work does not
 * steal its event loop), and the load generator in worker processes. Every
 * child is registered here and killed when the run ends, whichever way it ends.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '../..');
/** Server and worker logs of the last run (gitignored). */
export const LOG_DIR = path.join(REPO_ROOT, 'artifacts', 'bench');

const children = new Set<ChildProcess>();

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

let guarded = false;
/** Kills every child on exit, Ctrl-C or a crash of this process. Call once from an entry point. */
export function guardChildren(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

const TASKSET = '/usr/bin/taskset';

/** The CPUs the load generator may use, as `taskset -c` reads them: a set and how many it holds. */
export interface CpuSet {
  readonly list: string;
  readonly count: number;
}

/**
 * Where the load generator runs: the upper half of the CPUs (CPU 1 of a
 * 2-CPU machine), or everywhere (null) on a single CPU, off Linux or without
 * `taskset`. It stands in for browsers on other machines: confined, its
 * bursts (all its processes and their GC helpers busy at once) cannot take
 * every CPU from the server it measures, and "the load generator is
 * CPU-bound" means it used its share. The server may use every CPU.
 * `DECKHAND_BENCH_LOAD_CPUS=all` lets it run anywhere; a `taskset -c` list
 * (`DECKHAND_BENCH_LOAD_CPUS=1`) sets the CPUs.
 */
export function loadGeneratorCpus(): CpuSet | null {
  const chosen = process.env['DECKHAND_BENCH_LOAD_CPUS'];
  if (chosen === 'all' || process.platform !== 'linux' || !fs.existsSync(TASKSET)) return null;
  if (chosen) {
    if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(chosen)) throw new Error(`DECKHAND_BENCH_LOAD_CPUS must be "all" or a CPU list such as 1 or 2-3, not ${JSON.stringify(chosen)}`);
    const count = chosen.split(',').reduce((sum, part) => {
      const [from, to = from] = part.split('-').map(Number) as [number, number?];
      if (to! < from) throw new Error(`DECKHAND_BENCH_LOAD_CPUS: the range ${part} runs backwards`);
      return sum + (to! - from + 1);
    }, 0);
    return { list: chosen, count };
  }
  const cpus = os.availableParallelism();
  if (cpus < 2) return null;
  const first = Math.ceil(cpus / 2);
  return { list: first === cpus - 1 ? `${first}` : `${first}-${cpus - 1}`, count: cpus - first };
}

/**
 * Starts `script` (a .ts file under src/) as a Node child process with an IPC
 * channel, its output appended to `artifacts/bench/<logName>.log`; confined
 * to `cpus` (through `taskset`, which then runs Node) when given.
 */
export function startChild(
  script: string,
  args: readonly string[],
  logName: string,
  nodeFlags: readonly string[] = [],
  cpus: CpuSet | null = null,
): ChildProcess {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = fs.openSync(path.join(LOG_DIR, `${logName}.log`), 'a');
  const child = fork(path.join(BENCH_DIR, 'src', script), [...args], {
    cwd: BENCH_DIR,
    ...(cpus ? { execPath: TASKSET } : {}),
    // The workspace packages' sources, as under tsx (see scripts/sourceConditions.mjs).
    execArgv: [...(cpus ? ['-c', cpus.list, process.execPath] : []), '--import', 'tsx', '--conditions=@deckhand/source', ...nodeFlags],
    stdio: ['ignore', log, log, 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  fs.closeSync(log);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** The next IPC message of `child` that `accept` maps to a value; rejects if the child exits first or after `ms`. */
export function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => T | undefined, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const value = accept(message);
      if (value === undefined) return;
      done();
      resolve(value);
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done();
      reject(new Error(`${what}: process exited (code ${code}, signal ${signal}); see ${LOG_DIR}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: no answer within ${ms} ms; see ${LOG_DIR}`));
    }, ms);
    const done = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * `DECKHAND_BENCH_PROFILE_DIR=<dir>` writes a CPU profile of each server and
 * load-worker process there when it exits (open it in Chrome devtools).
 */
export function profileFlags(): string[] {
  const profileDir = process.env['DECKHAND_BENCH_PROFILE_DIR'];
  return profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
}

/** Asks a child to stop, and kills it if it has not exited within `ms`. */
export async function stopChild(child: ChildProcess, ms = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'shutdown' });
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}
