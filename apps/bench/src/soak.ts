/**
 * `npm run soak -- --minutes 10`: part 4 on its own, at half the capacity
 * recorded in bench-results.json (or `--tables N`). The soak figures replace
 * those of bench-results.json and BENCHMARKS.md; the other parts stay as
 * they were. Prints the whole results JSON on stdout.
 */
import { parseArgs } from 'node:util';
import { describeMachine } from './machine';
import { runSoak } from './parts/soak';
import { guardChildren } from './processes';
import { RESULTS_VERSION, TARGETS, readResults } from './results';
import type { BenchResults } from './results';
import { FULL, GAME_IDS, QUICK, log, resultPaths, writeResults } from './runConfig';

async function main(): Promise<number> {
  guardChildren();
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      tables: { type: 'string' },
      workers: { type: 'string', default: '2' },
      quick: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const run = values.quick ? QUICK : FULL;
  const minutes = Number(values.minutes);
  const workers = Number(values.workers);
  if (!(minutes > 0 && minutes <= 120)) throw new Error('--minutes must be above 0 and at most 120');
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new Error('--workers must be 1 to 8');
  const previous = readResults(resultPaths(run.quick).json);
  const capacity = previous?.capacity?.maxTablesHeld ?? 0;
  const tables = values.tables !== undefined ? Number(values.tables) : capacity > 0 ? Math.max(1, Math.floor(capacity / 2)) : run.soakDefaultTables;
  if (!Number.isInteger(tables) || tables < 1 || tables > 5_000) throw new Error('--tables must be 1 to 5000');
  log(`== soak: ${tables} tables for ${minutes} min${capacity > 0 && values.tables === undefined ? ` (half of the ${capacity} tables held in part 3)` : ''}`);

  const started = performance.now();
  let soak: BenchResults['soak'] = null;
  let failure: string | null = null;
  try {
    soak = await runSoak({ minutes, tables, workers, moveIntervalMs: run.moveIntervalMs, gameIds: GAME_IDS, sampleSeconds: run.soakSampleSeconds, warmupSeconds: run.soakWarmupSeconds, log });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    log(`   soak failed: ${failure}`);
  }
  const base: BenchResults = previous ?? {
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    quick: run.quick,
    machine: describeMachine(),
    commands: { soak: 'npm run soak -- --minutes 10' },
    targets: TARGETS,
    wire: null,
    latency: null,
    capacity: null,
    soak: null,
    rules: null,
    failures: [],
    durations: {},
  };
  const results: BenchResults = {
    ...base,
    commands: { ...base.commands, soak: `npm run soak -- --minutes ${minutes}${values.tables === undefined ? '' : ` --tables ${tables}`}` },
    soak,
    failures: [...base.failures.filter((entry) => entry.part !== 'soak'), ...(failure ? [{ part: 'soak', error: failure }] : [])],
    durations: { ...base.durations, soak: Math.round((performance.now() - started) / 100) / 10 },
  };
  const paths = writeResults(results);
  log(`wrote ${paths.markdown} and ${paths.json}`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
  return failure === null && soak?.passed === true ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
