/**
 * `npm run bench [-- --quick]`: every benchmark in one go, in this order so
 * that each measures on an otherwise idle machine: rules (part 5), wire bytes
 * and one-table latency (parts 1-2), capacity (part 3), a short soak (part 4),
 * human tables beside tables of hard bots (part 6), the table log on and off (part 7).
 * Writes BENCHMARKS.md and bench-results.json at the repo root (quick runs
 * write under artifacts/bench/ instead) and prints the JSON on stdout.
 *
 * Options: --quick, --parts rules,wire,capacity,soak,hardbots,logcost, --workers N,
 * --soak-minutes M, --min-tables N and --max-tables N (the capacity steps tried), --render (rewrite BENCHMARKS.md from
 * bench-results.json, measuring nothing), --before FILE [--before-label TEXT]
 * (parts 1-2 of a run of this bench on the code before a change, shown beside).
 */
import { parseArgs } from 'node:util';
import { describeMachine } from './machine';
import { machineSpeed } from './speed';
import { measureCapacity } from './parts/capacity';
import { measureHardBots } from './parts/hardBots';
import { measureLogCost } from './parts/logCost';
import { measureRules } from './parts/rules';
import { runSoak } from './parts/soak';
import { measureWireAndLatency } from './parts/wireBytes';
import { guardChildren } from './processes';
import { RESULTS_VERSION, TARGETS, readResults } from './results';
import type {
  BenchResults, CapacityFigures, HardBotsFigures, LatencyFigures, LogCostFigures, RulesFigures, SoakFigures, WireBefore, WireGameFigures,
} from './results';
import { FULL, GAME_IDS, QUICK, WIRE_GAME_IDS, capacityStepsBetween, log, resultPaths, writeResults } from './runConfig';

const PARTS = ['rules', 'wire', 'capacity', 'soak', 'hardbots', 'logcost'] as const;
type Part = (typeof PARTS)[number];

/** Parts 1-2 of another results file (the same bench run on an older commit), to show beside this run's. */
function beforeFigures(file: string | undefined, label: string): WireBefore | null {
  if (file === undefined) return null;
  const results = readResults(file);
  if (!results?.wire) throw new Error(`no wire figures in ${file}`);
  return {
    label, generatedAt: results.generatedAt, wire: results.wire, latency: results.latency,
    loadAverage: [results.machine.loadAverageAtStart, results.machine.loadAverageAtEnd ?? results.machine.loadAverageAtStart],
  };
}

async function main(): Promise<number> {
  guardChildren();
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      parts: { type: 'string', default: PARTS.join(',') },
      workers: { type: 'string', default: '2' },
      'soak-minutes': { type: 'string' },
      'max-tables': { type: 'string' },
      'min-tables': { type: 'string' },
      render: { type: 'boolean', default: false },
      before: { type: 'string' },
      'before-label': { type: 'string', default: 'the code before the change' },
    },
    allowPositionals: false,
  });
  const run = values.quick ? QUICK : FULL;
  if (values.render) {
    const existing = readResults(resultPaths(run.quick).json);
    if (!existing) throw new Error(`no results to render at ${resultPaths(run.quick).json}`);
    const paths = writeResults(existing);
    log(`rewrote ${paths.markdown} from ${paths.json}`);
    return 0;
  }
  const parts = new Set(values.parts.split(',').map((part) => part.trim()));
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown part "${part}"; parts are ${PARTS.join(', ')}`);
  }
  const workers = Number(values.workers);
  const soakMinutes = values['soak-minutes'] === undefined ? run.soakMinutes : Number(values['soak-minutes']);
  const capacitySteps = parts.has('capacity') ? capacityStepsBetween(run.capacitySteps, values['min-tables'], values['max-tables']) : [];
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new Error('--workers must be 1 to 8');
  if (!(soakMinutes > 0 && soakMinutes <= 120)) throw new Error('--soak-minutes must be above 0 and at most 120');

  const machine = { ...describeMachine(), speedAtStart: machineSpeed() };
  log(`machine speed: ${machine.speedAtStart}k Hearts random moves per CPU second`);
  const failures: { part: string; error: string }[] = [];
  const durations: Record<string, number> = {};
  const timed = async <T>(part: Part, work: () => Promise<T>): Promise<T | null> => {
    if (!parts.has(part)) return null;
    log(`== ${part}`);
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      log(`   ${part} failed: ${text}`);
      failures.push({ part, error: text });
      return null;
    } finally {
      durations[part] = Math.round((performance.now() - started) / 100) / 10;
    }
  };

  const rules: RulesFigures | null = await timed('rules', () => measureRules(run.quick));
  const wireAndLatency = await timed('wire', () =>
    measureWireAndLatency({ gameIds: WIRE_GAME_IDS, gamesPerKind: run.wireGamesPerKind, shortGames: run.quick, log }),
  );
  const capacity: CapacityFigures | null = await timed('capacity', () =>
    measureCapacity({
      steps: capacitySteps,
      workers,
      moveIntervalMs: run.moveIntervalMs,
      gameIds: GAME_IDS,
      settleSeconds: run.capacitySettleSeconds,
      windowSeconds: run.capacityWindowSeconds,
      budgetSeconds: run.capacityBudgetSeconds,
      p99LimitMs: TARGETS.loadP99MsMax,
      log,
    }),
  );
  // Half the capacity just measured, else half of the last recorded one.
  const knownCapacity = capacity?.maxTablesHeld ?? readResults(resultPaths(run.quick).json)?.capacity?.maxTablesHeld ?? 0;
  const soakTables = knownCapacity > 0 ? Math.max(1, Math.floor(knownCapacity / 2)) : run.soakDefaultTables;
  const soak: SoakFigures | null = await timed('soak', () =>
    runSoak({
      minutes: soakMinutes,
      tables: soakTables,
      workers,
      moveIntervalMs: run.moveIntervalMs,
      gameIds: GAME_IDS,
      sampleSeconds: run.soakSampleSeconds,
      warmupSeconds: run.soakWarmupSeconds,
      log,
    }),
  );

  const hardBots: HardBotsFigures | null = await timed('hardbots', () =>
    measureHardBots({
      humanTables: run.hardBotsHumanTables,
      botTables: run.hardBotsBotTables,
      workers,
      moveIntervalMs: run.moveIntervalMs,
      gameIds: GAME_IDS,
      settleSeconds: run.hardBotsSettleSeconds,
      windowSeconds: run.hardBotsWindowSeconds,
      p99LimitMs: TARGETS.loadP99MsMax,
      log,
    }),
  );

  const logCost: LogCostFigures | null = await timed('logcost', () =>
    measureLogCost({
      tables: run.logCostTables,
      workers,
      moveIntervalMs: run.moveIntervalMs,
      gameIds: GAME_IDS,
      oneTableGames: run.logCostOneTableGames,
      settleSeconds: run.capacitySettleSeconds,
      windowSeconds: run.logCostWindowSeconds,
      p99LimitMs: TARGETS.loadP99MsMax,
      log,
    }),
  );

  // A run of some parts only keeps the other parts' figures from the last results file.
  const previous = parts.size < PARTS.length ? readResults(resultPaths(run.quick).json) : null;
  const keep = <T>(part: Part, fresh: T | null, old: T | null | undefined): T | null => (parts.has(part) ? fresh : (old ?? null));
  const finalCapacity = keep('capacity', capacity, previous?.capacity);
  const wire: readonly WireGameFigures[] | null = keep('wire', wireAndLatency?.wire ?? null, previous?.wire);
  const heldStep = finalCapacity?.steps.find((step) => step.held && step.tables === finalCapacity.maxTablesHeld);
  const oneTable = parts.has('wire') ? (wireAndLatency?.latency ?? null) : (previous?.latency ?? null);
  const latency: LatencyFigures | null = oneTable
    ? { ...oneTable, underLoad: heldStep ? { tables: heldStep.tables, latency: heldStep.latency } : null }
    : null;
  const flags = `${run.quick ? ' --quick' : ''}`;
  const results: BenchResults = {
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    quick: run.quick,
    machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverageAtStart, speedAtEnd: machineSpeed() },
    commands: {
      'everything (this file)': `npm run bench${run.quick ? ' -- --quick' : ''}`,
      'some parts only (the others keep their last figures)': `npm run bench -- --parts wire,rules${flags}`,
      // A soak kept from an earlier run keeps the command that ran it (`npm run soak` may have been given `--tables`).
      soak: soak === null && previous?.soak ? (previous.commands['soak'] ?? 'npm run soak -- --minutes 10') : 'npm run soak -- --minutes 10',
      'hard bots beside human tables (part 6)': `npm run bench -- --parts hardbots${flags}`,
      'the table log on and off (part 7)': `npm run bench -- --parts logcost${flags}`,
      rules: `npm run bench -w @deckhand/rules --${flags} --json`,
      'the server\'s instructions per move, under callgrind (needs Debian\'s valgrind; not part of this file)': 'npm run instructions -w @deckhand/bench',
    },
    targets: TARGETS,
    wire,
    latency,
    capacity: finalCapacity,
    soak: keep('soak', soak, previous?.soak),
    rules: keep('rules', rules, previous?.rules),
    hardBots: keep('hardbots', hardBots, previous?.hardBots),
    logCost: keep('logcost', logCost, previous?.logCost),
    before: beforeFigures(values.before, values['before-label']) ?? previous?.before ?? null,
    failures: [...(previous?.failures ?? []).filter((entry) => !parts.has(entry.part as Part)), ...failures],
    durations: { ...previous?.durations, ...durations },
  };
  const paths = writeResults(results);
  log(`wrote ${paths.markdown} and ${paths.json}`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
