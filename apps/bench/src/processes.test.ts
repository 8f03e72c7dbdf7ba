import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { loadGeneratorCpus, nextMessage, startChild, stopChild } from './processes';

const saved = process.env['DECKHAND_BENCH_LOAD_CPUS'];
const canPin = process.platform === 'linux' && fs.existsSync('/usr/bin/taskset');

describe('the load generator\'s CPUs', () => {
  afterEach(() => {
    if (saved === undefined) delete process.env['DECKHAND_BENCH_LOAD_CPUS'];
    else process.env['DECKHAND_BENCH_LOAD_CPUS'] = saved;
  });

  it.runIf(canPin)('are the upper half of the machine\'s by default, none to choose on one CPU', () => {
    delete process.env['DECKHAND_BENCH_LOAD_CPUS'];
    const cpus = os.availableParallelism();
    const first = Math.ceil(cpus / 2);
    expect(loadGeneratorCpus()).toEqual(cpus < 2 ? null : { list: first === cpus - 1 ? `${first}` : `${first}-${cpus - 1}`, count: cpus - first });
  });

  it.runIf(canPin)('follow DECKHAND_BENCH_LOAD_CPUS, and refuse a list taskset would not read', () => {
    process.env['DECKHAND_BENCH_LOAD_CPUS'] = 'all';
    expect(loadGeneratorCpus()).toBeNull();
    process.env['DECKHAND_BENCH_LOAD_CPUS'] = '2-3,5';
    expect(loadGeneratorCpus()).toEqual({ list: '2-3,5', count: 3 });
    process.env['DECKHAND_BENCH_LOAD_CPUS'] = 'cpu one';
    expect(() => loadGeneratorCpus()).toThrow(/DECKHAND_BENCH_LOAD_CPUS must be "all" or a CPU list/);
    process.env['DECKHAND_BENCH_LOAD_CPUS'] = '3-2';
    expect(() => loadGeneratorCpus()).toThrow(/runs backwards/);
  });

  it.runIf(canPin)('confine a child process and its threads, which still talks over IPC', async () => {
    const child = startChild('canary.ts', [], 'test-pinned-canary', [], { list: '0', count: 1 });
    try {
      await nextMessage(child, (message) => ((message as { type?: string }).type === 'ready' ? true : undefined), 30_000, 'pinned canary');
      const threads = fs.readdirSync(`/proc/${child.pid}/task`);
      expect(threads.length).toBeGreaterThan(1);
      for (const thread of threads) {
        const status = fs.readFileSync(`/proc/${child.pid}/task/${thread}/status`, 'utf8');
        expect(status).toMatch(/^Cpus_allowed_list:\s*0$/m);
      }
    } finally {
      await stopChild(child);
    }
  });
});
