/**
 * Reads a V8 CPU profile of the server (`DECKHAND_BENCH_PROFILE_DIR=/tmp/prof
 * npm run bench -- --parts capacity`) and says what its long busy stretches
 * were made of: the runs of samples with no idle between them that lasted at
 * least `--min` ms, the functions that took their time, and whether their
 * first `--head` ms look different from the rest of the busy time (a task
 * that starts a stretch would show there).
 *
 *   npx tsx src/profileStalls.ts /tmp/prof/CPU....cpuprofile [--min 100] [--head 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Samples `[from, to)` of the profile. */
type Span = readonly [number, number];

interface Shares {
  readonly totalMs: number;
  readonly self: ReadonlyMap<string, number>;
  readonly inclusive: ReadonlyMap<string, number>;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
}

class Profile {
  private readonly byId: ReadonlyMap<number, ProfileNode>;
  private readonly parentOf = new Map<number, number>();
  /** Each sample's time in microseconds. */
  readonly times: readonly number[];

  constructor(private readonly profile: CpuProfile) {
    this.byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const node of profile.nodes) for (const child of node.children ?? []) this.parentOf.set(child, node.id);
    let at = profile.startTime;
    this.times = profile.timeDeltas.map((delta) => (at += delta));
  }

  get sampleCount(): number {
    return this.profile.samples.length;
  }

  idle(sample: number): boolean {
    return this.byId.get(this.profile.samples[sample]!)?.callFrame.functionName === '(idle)';
  }

  /** Runs of busy samples, each as long as `minMs` at least (all of them with `minMs` 0). */
  busyRuns(minMs: number): Span[] {
    const runs: Span[] = [];
    let start = -1;
    for (let sample = 0; sample < this.sampleCount; sample++) {
      const busy = !this.idle(sample);
      if (busy && start < 0) start = sample;
      const ends = !busy || sample === this.sampleCount - 1;
      if (ends && start >= 0) {
        if ((this.times[sample]! - this.times[start]!) / 1000 >= minMs) runs.push([start, sample]);
        start = -1;
      }
    }
    return runs;
  }

  /** The first `headMs` of each span. */
  heads(spans: readonly Span[], headMs: number): Span[] {
    return spans.map(([from, to]) => {
      let end = from;
      while (end < to && (this.times[end]! - this.times[from]!) / 1000 < headMs) end++;
      return [from, end];
    });
  }

  /** Time per function over `spans`: where the sample stopped (self) and anywhere on its stack (inclusive). */
  shares(spans: readonly Span[]): Shares {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let totalMs = 0;
    for (const [from, to] of spans) {
      for (let sample = from; sample < to; sample++) {
        const ms = (this.times[sample + 1]! - this.times[sample]!) / 1000;
        totalMs += ms;
        let id: number | undefined = this.profile.samples[sample]!;
        const leaf = label(this.byId.get(id)!);
        self.set(leaf, (self.get(leaf) ?? 0) + ms);
        const seen = new Set<string>();
        for (; id !== undefined; id = this.parentOf.get(id)) {
          const name = label(this.byId.get(id)!);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
        }
      }
    }
    return { totalMs, self, inclusive };
  }
}

function top(map: ReadonlyMap<string, number>, count: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { min: { type: 'string', default: '100' }, head: { type: 'string', default: '25' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: profileStalls.ts <file.cpuprofile> [--min ms] [--head ms]');
  const minMs = Number(values.min);
  const headMs = Number(values.head);
  const profile = new Profile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const runs = profile.busyRuns(minMs);
  const inRuns = profile.shares(runs);
  const busy = profile.shares(profile.busyRuns(0));
  const atStart = profile.shares(profile.heads(runs, headMs));
  const seconds = (profile.times.at(-1)! - profile.times[0]!) / 1e6;
  console.log(`${runs.length} busy runs of ${minMs} ms or more in ${seconds.toFixed(1)} s (${inRuns.totalMs.toFixed(0)} ms of ${busy.totalMs.toFixed(0)} ms busy)`);
  console.log('run lengths (ms):', runs.map(([from, to]) => ((profile.times[to]! - profile.times[from]!) / 1000).toFixed(0)).join(' '));
  const percent = (ms: number, total: number): string => `${((100 * ms) / Math.max(total, 1e-9)).toFixed(1).padStart(5)}%`;
  console.log('\n-- self time in the runs');
  for (const [name, ms] of top(inRuns.self, 25)) console.log(`${ms.toFixed(0).padStart(8)} ms ${percent(ms, inRuns.totalMs)}  ${name}`);
  console.log(`\n-- inclusive share in the first ${headMs} ms of each run, against all busy time`);
  for (const [name, ms] of top(atStart.inclusive, 40)) {
    const head = ms / atStart.totalMs;
    const overall = (busy.inclusive.get(name) ?? 0) / busy.totalMs;
    console.log(`${percent(ms, atStart.totalMs)} ${percent(busy.inclusive.get(name) ?? 0, busy.totalMs)}  x${(head / Math.max(overall, 1e-9)).toFixed(2)}  ${name}`);
  }
}

main();
