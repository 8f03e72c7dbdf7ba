/** Renders BENCHMARKS.md from the results object (and nothing else). */
import type {
  BenchResults, CapacityFigures, CapacityStep, HardBotsFigures, LogCostFigures, HardBotsRun, HardBotsWindow, SoakFigures,
} from './results';
import { SETTLE_FALL, SETTLE_STEP_SECONDS } from './memory';
import type { PauseFigures } from './pauses';
import type { IdleBucket, LatencySummary } from './stats';
import { LIMITS_NOTES } from './limitsNotes';
import { verdict, wireSection, wireSummaryRows } from './wireReport';

const MiB = 2 ** 20;

/** The capacity target of issue 18: this many tables held, with no server stall this long in any of their windows. */
const STEADY_TABLES_TARGET = 1250;
const STALL_TARGET_MS = 50;

/** The largest step all of whose windows held with the server's longest stall under the limit; 0 if none. */
export function tablesHeldWithShortStalls(steps: readonly CapacityStep[]): number {
  const failed = new Set(steps.filter((step) => !step.held || step.serverPauses.loopDelayMaxMs >= STALL_TARGET_MS).map((step) => step.tables));
  return Math.max(0, ...steps.map((step) => step.tables).filter((tables) => !failed.has(tables)));
}

const NOT_MEASURED = 'No figures: the part failed (see below) or has not been run yet.';

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

function stall(pauses: PauseFigures): string {
  return `${pauses.loopDelayMaxMs} (${pauses.gcMaxMs})`;
}


function latencyCells(summary: LatencySummary): string {
  return `${summary.p50Ms} | ${summary.p95Ms} | ${summary.p99Ms} | ${summary.maxMs} | ${summary.samples}`;
}

function latencySection(results: BenchResults): string[] {
  const latency = results.latency;
  if (!latency) return ['## 2. Latency', '', NOT_MEASURED, ''];
  const lines = [
    '## 2. Latency, action to every client holding the new state',
    '',
    'From `room.send("move")` to the last of the table\'s four `onStateChange` callbacks, all four clients in one process,',
    'server in its own process, loopback.',
    '',
    '| setting | p50 ms | p95 ms | p99 ms | max ms | moves |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| Deckhand, one table | ${latencyCells(latency.oneTable)} |`,
    `| baseline, one table (same moves) | ${latencyCells(latency.baselineOneTable)} |`,
  ];
  const machineNote = `Machine CPU while part 1 ran: ${latency.machineCpuPercent}% of ${results.machine.cores * 100}% (all processes, the benchmark included).`;
  if (latency.busy) lines.push(`| Deckhand, one table, another process spinning on a core | ${latencyCells(latency.busy.oneTable)} |`);
  if (latency.underLoad) lines.push(`| Deckhand, ${latency.underLoad.tables} tables (part 3) | ${latencyCells(latency.underLoad.latency)} |`);
  lines.push(
    '',
    `Target with one table: p99 <= ${results.targets.oneTableP99MsMax} ms: ${verdict(latency.oneTable.p99Ms <= results.targets.oneTableP99MsMax)}` +
      (latency.busy ? `; beside a busy core: ${verdict(latency.busy.oneTable.p99Ms <= results.targets.oneTableP99MsMax)}.` : '.'),
    machineNote + (latency.busy ? ` Beside the busy core: ${latency.busy.machineCpuPercent}% (the spinning process included).` : ''),
    '',
  );
  if (latency.byIdleBefore) lines.push(...idleLines(latency.byIdleBefore));
  return lines;
}

/** The one-table moves split by how long the table had been quiet before each: where the tail comes from. */
function idleLines(buckets: readonly IdleBucket[]): string[] {
  const label = (bucket: IdleBucket): string =>
    bucket.toMs === null ? `${bucket.fromMs} ms or more` : bucket.fromMs === 0 ? `under ${bucket.toMs} ms` : `${bucket.fromMs} to ${bucket.toMs} ms`;
  return [
    'The same one-table moves (timer on), by how long the table had been quiet before the move was sent',
    '(since the last client held the previous move; the first move of a game counts as long quiet):',
    '',
    '| quiet before the move | p50 ms | p95 ms | p99 ms | max ms | moves |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...buckets.map((bucket) => `| ${label(bucket)} | ${latencyCells(bucket.latency)} |`),
    '',
    'Moves that follow a pause are the slow ones: see "Latency, one table" under What limits, below.',    '',
  ];
}

function limitOf(step: CapacityStep, cores: number, workers: number, loadCpus: number): string {
  if (step.otherCpuPercent >= 50) {
    return `other processes took ${step.otherCpuPercent}% of the machine's ${cores * 100}% (${step.machineCpuPercent}% in all), so the server and the clients waited for a core (see the stall columns)`;
  }
  if (step.serverCpuPercent >= 85) return 'the server process was CPU-bound (one core)';
  if (step.loadCpuPercent >= 85 * Math.min(workers, loadCpus)) {
    return `the load generator was CPU-bound (${step.loadCpuPercent}% of the ${Math.min(workers, loadCpus) * 100}% its CPUs give it)`;
  }
  if (step.serverCpuPercent + step.loadCpuPercent >= 85 * cores) return `the ${cores} cores were shared out between the server and the load generator`;
  const stall = step.serverLongestStall;
  if (stall && stall.mainWaitingMs > stall.mainOnCpuMs) {
    return (
      `neither process was CPU-bound on average, but the CPUs were taken in bursts: in the server's longest stall (${stall.gapMs} ms) ` +
      `its main thread waited ${stall.mainWaitingMs} ms for a CPU and ran ${stall.mainOnCpuMs} ms, while its other threads used ` +
      `${stall.serverThreadsMs} ms and other processes ${stall.otherProcessesMs} ms of the ${stall.machineCapacityMs} ms the machine had`
    );
  }
  return 'neither process was CPU-bound: look at GC pauses and the error samples';
}

/** KiB the server's old generation grew per move in a window, with the full collections; '-' in older files. */
/** The last window measured at each number of tables: the one that decided the step. */
export function finalWindows(steps: readonly CapacityStep[]): CapacityStep[] {
  return steps.filter((step, index) => steps[index + 1]?.tables !== step.tables);
}

export function oldGenerationPerMove(step: CapacityStep): string {
  const grown = step.serverPauses.oldGenerationGrowthBytes;
  const moves = step.movesPerSecond * step.windowSeconds;
  if (grown === undefined || moves <= 0) return '-';
  return `${(grown / 1024 / moves).toFixed(1)} (${step.serverPauses.fullGcs ?? 0})`;
}

/** The longest server stall of each window, taken apart: whether the server worked, waited for a CPU or was blocked. */
function stallLines(steps: readonly CapacityStep[]): string[] {
  const taken = steps.filter((step) => step.serverLongestStall);
  if (taken.length === 0) return [];
  return [
    '',
    'The server\'s longest stall in each window, taken apart (`stallAnatomy.ts`: a timer in the server process ticks every',
    `${taken[0]!.serverLongestStall!.tickMs} ms; the longest gap between two ticks is split with the scheduler's counters read at both ends).`,
    'The main thread was on a CPU, ready but waiting for one, or neither (blocked, asleep); in the same gap the server\'s',
    'other threads (V8\'s GC helpers, the SQLite checkpoint thread) and every other process (the load generator) used',
    'CPU time out of what the machine had (cores x gap; other processes to 10 ms).',
    'The last column is how much the server\'s old generation grew per move over the window, leaving out what full',
    'collections freed (`pauses.ts`, from V8\'s GC profiler): what outlived the young generation, and what brings on the next',
    'full mark-compact, whose marking runs on the helper threads; in brackets, the full collections in the window ("-": a run from before it was kept).',
    '',
    '| tables | stalls >= 50 ms | longest gap ms | main on CPU ms (GC) | main waiting for a CPU ms | main blocked ms | server\'s other threads ms | other processes ms | machine CPU in the gap ms | old generation KiB per move (full GCs) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...taken.map((step) => {
      const stall = step.serverLongestStall!;
      return (
        `| ${step.tables} | ${stall.stallsOver50Ms} | ${stall.gapMs} | ${stall.mainOnCpuMs} (${stall.gcMs}) | ${stall.mainWaitingMs} | ${stall.mainBlockedMs} | ` +
        `${stall.serverThreadsMs} | ${stall.otherProcessesMs} | ${stall.machineCapacityMs} | ${oldGenerationPerMove(step)} |`
      );
    }),
  ];
}

function capacitySection(capacity: CapacityFigures, results: BenchResults): string[] {
  const lines = [
    '## 3. Capacity',
    '',
    `${capacity.workers} load-generator processes; every table has 4 colyseus.js clients and plays about one move per`,
    `${capacity.moveIntervalMs} ms (+-25%), each move chosen by the acting client from its own view; rematch at game over.`,
    'Each step is held for a measuring window after its tables are open; a step that fails on latency alone is measured',
    'a second time (two rows), since one burst of other work on this shared machine can spoil a window. A step that held',
    "without a full collection in the server's window is measured again until a window has one (at most twice more):",
    'the longest stalls come with them, and a window can fall between two.',
    ...(capacity.serverNodeFlags
      ? [`The server runs with the Node flags \`npm start\` gives it (\`nodeFlags.ts\`): ${capacity.serverNodeFlags.map((flag) => `\`${flag}\``).join(' ') || 'none'}.`]
      : []),
    ...(capacity.loadCpus
      ? [
          `The load generator runs on CPU ${capacity.loadCpus.list} only (\`taskset\`, \`loadGeneratorCpus\` in processes.ts), the server on any:`,
          'the clients stand in for browsers on other machines, and confined they cannot take every CPU from the server in',
          'a burst of their own (`DECKHAND_BENCH_LOAD_CPUS=all` lifts it).',
        ]
      : []),
    '',
    'CPU columns are percent of one core (this machine has ' + results.machine.cores + '); "other" is what processes outside',
    'the benchmark took during the window. A stall is the longest event-loop delay in the window (GC: longest GC pause).',
    'The canary is a process with no work at all: when it stalls as long as the server, the machine did not run them.',
    'A quiet canary does not show the reverse: a thread that wakes after sleeping gets a CPU at once, a busy one waits',
    'its turn (the stall table below the main one says how long the server\'s main thread waited).',
    '"Server waiting %" is the share of the window the server\'s main thread was ready to run and had no CPU',
    '(`/proc/self/schedstat`); "steal %" is vCPU time the hypervisor gave to other guests (`/proc/stat`), both vCPUs together.',
    '"Load sends late" is how much later than planned a load worker woke to send a move (p99, and max): a worker that',
    'wakes late sends the moves it owed together.',
    '',
    '| tables | clients | moves/s | p50 ms | p95 ms | p99 ms | errors | server CPU % (other threads) | server RSS | server stall max ms (GC max) | server waiting % | load CPU % | load stall max ms (GC max) | load sends late ms | idle canary stall max ms | other CPU % | steal % | held |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const step of capacity.steps) {
    lines.push(
      `| ${step.tables} | ${step.clients} | ${step.movesPerSecond} | ${step.latency.p50Ms} | ${step.latency.p95Ms} | ${step.latency.p99Ms} | ` +
        `${step.errors + step.openFailures} | ${step.serverCpuPercent}${step.serverThreadsCpuPercent == null ? '' : ` (${step.serverThreadsCpuPercent})`} | ${mib(step.serverRssBytes)} | ${stall(step.serverPauses)} | ${step.serverRunQueueWaitPercent ?? '-'} | ` +
        `${step.loadCpuPercent} | ${stall(step.loadPauses)} | ${step.loadSendLateness ? `${step.loadSendLateness.p99Ms} (${step.loadSendLateness.maxMs})` : '-'} | ${step.canaryPauses ? step.canaryPauses.loopDelayMaxMs : '-'} | ${step.otherCpuPercent} | ${step.stealPercent ?? '-'} | ${heldCell(step)} |`,
    );
  }
  lines.push(...stallLines(capacity.steps));
  const last = capacity.steps.at(-1);
  lines.push(
    '',
    `- Highest N held: **${capacity.maxTablesHeld} tables, ${capacity.concurrentClients} concurrent clients** ` +
      `(target ${results.targets.clientsMin} clients at p99 <= ${results.targets.loadP99MsMax} ms: ${verdict(capacity.concurrentClients >= results.targets.clientsMin)}).`,
    `- Ramp stopped because: ${capacity.stopReason}.`,
    `- Server CPU per table: ${capacity.serverCpuPercentPerTable}% of a core; server RSS per table: ` +
      `${Number.isFinite(capacity.serverRssBytesPerTable) ? `${(capacity.serverRssBytesPerTable / 1024).toFixed(1)} KiB` : 'n/a'} ` +
      `(idle server ${mib(capacity.serverIdleRssBytes)}).`,
  );
  const cpu = cpuPerMoveLine(capacity);
  if (cpu) lines.push(cpu);
  const live = liveHeapLine(capacity);
  if (live) lines.push(live);
  const untested = finalWindows(capacity.steps)
    .filter((step) => step.held && step.serverPauses.fullGcs === 0)
    .map((step) => step.tables);
  if (untested.length > 0) {
    lines.push(
      `- Held without a full collection in the window: ${untested.join(', ')} tables. The server's longest stalls come with its ` +
        'full mark-compacts (see "What limits each figure"), so those windows did not meet the worst of it.',
    );
  }
  if (last) lines.push(`- At the last step, ${limitOf(last, results.machine.cores, capacity.workers, capacity.loadCpus?.count ?? results.machine.cores)}.`);
  const samples = capacity.steps.flatMap((step) => step.errorSamples);
  if (samples.length > 0) lines.push(`- Error samples: ${samples.slice(0, 3).map((sample) => `\`${sample.replace(/`/g, "'")}\``).join('; ')}`);
  lines.push('');
  return lines;
}

/** "yes", "no", or "yes (no full GC)" when the window held without meeting a full mark-compact (runs that counted them). */
function heldCell(step: CapacityStep): string {
  if (!step.held) return 'no';
  return step.serverPauses.fullGcs === 0 ? 'yes (no full GC)' : 'yes';
}

function soakSection(soak: SoakFigures): string[] {
  const lines = [
    '## 4. Soak',
    '',
    `${soak.tables} tables (${soak.clients} clients) for ${soak.minutes} min: ${soak.moves} moves, ${soak.errors} errors, ` +
      `p99 ${soak.latency.p99Ms} ms.`,
    '',
    '| at s | server RSS | heap used | heap total | server CPU % | server stall max ms (GC max) | machine CPU % | rooms | moves/s | p99 ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const sample of soak.samples) {
    lines.push(
      `| ${sample.atSeconds} | ${mib(sample.serverRssBytes)} | ${mib(sample.serverHeapUsedBytes)} | ` +
        `${sample.serverHeapTotalBytes === undefined ? 'n/a' : mib(sample.serverHeapTotalBytes)} | ${sample.serverCpuPercent} | ${stall(sample.serverPauses)} | ${sample.machineCpuPercent} | ` +
        `${sample.rooms} | ${sample.movesPerSecond} | ${sample.p99Ms} | ${sample.errors} |`,
    );
  }
  const settled =
    soak.settleStartSeconds === undefined || soak.settleEndSeconds === undefined
      ? 'both after a GC in the server'
      : `both read with no room open once memory settled: a GC every ${SETTLE_STEP_SECONDS} s until RSS fell by less than ${SETTLE_FALL * 100}% in a step, ` +
        `${soak.settleStartSeconds} s at the start and ${soak.settleEndSeconds} s at the end`;
  lines.push(
    '',
    `- After every client left: **${soak.roomsLeft} rooms left**; RSS ${mib(soak.rssStartBytes)} at the start -> ${mib(soak.rssEndBytes)} ` +
      `at the end (${(soak.rssChange * 100).toFixed(1)}%, ${settled}).`,
    `- Heap used ${mib(soak.heapStartBytes)} -> ${mib(soak.heapEndBytes)}` +
      `${soak.heapTotalStartBytes === undefined ? '' : `; V8 heap total ${mib(soak.heapTotalStartBytes)} -> ${mib(soak.heapTotalEndBytes ?? 0)}`}` +
      `${soak.externalStartBytes === undefined ? '' : `; external (Buffers) ${mib(soak.externalStartBytes)} -> ${mib(soak.externalEndBytes ?? 0)}`}.`,
  );
  if (soak.rssLeftBytes !== undefined) {
    lines.push(
      `- Right after the last room closed (one GC, not settled) RSS read ${mib(soak.rssLeftBytes)}; what settling takes off ` +
        'is the young generation V8 had grown for the load, which it gives back at the first GC that sees a few seconds of low allocation.',
    );
  }
  lines.push(
    `- The start is measured after a warm-up round (${soak.settleStartSeconds === undefined ? 'a few tables' : 'the same number of tables'} ` +
      `for a few seconds, then closed): the fresh process had ${mib(soak.rssIdleBytes)} before any table` +
      `${soak.settleStartSeconds === undefined ? '' : ' (settled the same way)'}.`,
    `- Check (0 rooms, RSS within 10%): ${soak.passed ? 'passed' : 'FAILED'}.`,
  );
  if (soak.errorSamples.length > 0) lines.push(`- Error samples: ${soak.errorSamples.slice(0, 3).map((sample) => `\`${sample}\``).join('; ')}`);
  lines.push('');
  return lines;
}

function serverLabel(run: HardBotsRun): string {
  return run.botWorkers === 0 ? 'inline (BOT_WORKERS=0)' : `pool, ${run.botWorkers} worker thread${run.botWorkers === 1 ? '' : 's'}`;
}

function hardBotsRow(run: HardBotsRun, window: HardBotsWindow): string {
  const step = window.humans;
  const bots = window.botTables === 0 ? '- | -' : `${window.botMovesPerSecond} | ${window.searchesAnswered} / ${window.searchesFailed}`;
  return (
    `| ${serverLabel(run)} | ${window.botTables} | ${step.movesPerSecond} | ${step.latency.p50Ms} | ${step.latency.p95Ms} | ${step.latency.p99Ms} | ` +
    `${step.latency.maxMs} | ${step.errors + step.openFailures} | ${bots} | ${step.serverCpuPercent} | ${window.serverMainThreadBusyPercent ?? '-'} | ` +
    `${stall(step.serverPauses)} | ${step.otherCpuPercent} |`
  );
}

/** `p99 a -> b ms` for the human tables of one run. */
function p99Change(run: HardBotsRun): string {
  return `${run.alone.humans.latency.p99Ms} -> ${run.withBots.humans.latency.p99Ms} ms`;
}

function hardBotsSection(figures: HardBotsFigures, results: BenchResults): string[] {
  const lines = [
    '## 6. Hard bots beside human tables',
    '',
    `${figures.humanTables} human tables (4 colyseus.js clients each, about one move per ${figures.moveIntervalMs} ms, as in part 3) are measured`,
    `alone, then while ${figures.botTables} tables of ${figures.seatsPerBotTable} ${figures.botLevel} bots play on the same server (\`BOT_DELAY_MS=${figures.botDelayMs}\`,`,
    'the production default: a hard bot searches during its pause; rematch at each game over). Twice, on a fresh server each:',
    'with the bot worker pool at its default size, and with `BOT_WORKERS=0` (the searches on the main thread) for contrast.',
    'Latency is the human tables\' action-to-all-clients time. "Main thread busy" is the server\'s event-loop utilization',
    '(the thread that sends every patch); the server stall is its longest event-loop delay in the window; server CPU',
    `counts the bot threads too (percent of one core; the machine has ${results.machine.cores}). A failed search`,
    '(an error, or no answer within its deadline) is replaced by the normal bot\'s move.',
    '',
    '| server | bot tables | human moves/s | p50 ms | p95 ms | p99 ms | max ms | errors | bot moves/s | searches answered / failed | server CPU % | main thread busy % | server stall max ms (GC max) | other CPU % |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of [figures.pool, figures.inline]) lines.push(hardBotsRow(run, run.alone), hardBotsRow(run, run.withBots));
  lines.push(
    '',
    `- Human tables' p99, alone -> with ${figures.botTables} hard-bot tables: ${serverLabel(figures.pool)} ${p99Change(figures.pool)}; ` +
      `${serverLabel(figures.inline)} ${p99Change(figures.inline)}.`,
    '',
  );
  return lines;
}

function logCostSection(figures: LogCostFigures, results: BenchResults): string[] {
  const lines = [
    '## 7. The table log on and off',
    '',
    'The same server, started twice in this run: with the table log on (every accepted action written to a SQLite file',
    'before its patch goes out, the default) and off (`DATA_DIR` empty: tables live in memory only). Each run plays',
    `${figures.oneTableGames} whole Hearts game(s) at one table (turn timer on) for the one-table latency, then holds ${figures.tables} tables`,
    `(${figures.clients} clients, as in part 3) for two windows. CPU is percent of one core (the machine has ${results.machine.cores}).`,
    '',
    '| log | one-table p99 ms (moves) | window | moves/s | p50 ms | p99 ms | errors | server CPU % | server stall max ms (GC max) | idle canary stall max ms | other CPU % | held |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const run of figures.runs) {
    run.windows.forEach((step, index) => {
      lines.push(
        `| ${run.log} | ${index === 0 ? `${run.oneTable.p99Ms} (${run.oneTableMoves})` : ''} | ${index + 1} | ${step.movesPerSecond} | ${step.latency.p50Ms} | ` +
          `${step.latency.p99Ms} | ${step.errors + step.openFailures} | ${step.serverCpuPercent} | ${stall(step.serverPauses)} | ` +
          `${step.canaryPauses ? step.canaryPauses.loopDelayMaxMs : '-'} | ${step.otherCpuPercent} | ${step.held ? 'yes' : 'no'} |`,
      );
    });
  }
  const [on, off] = figures.runs;
  if (on && off) {
    // CPU figures from wall-clock windows wander 10-20% on this machine: a smaller difference is not a measurement.
    const measurable = Math.abs(figures.writeCostMsPerMove) > 0.1 * off.serverCpuMsPerMove;
    lines.push(
      '',
      `- Server CPU per move (the whole server's CPU over the windows, divided by the moves): ${on.serverCpuMsPerMove} ms with the log, ` +
        `${off.serverCpuMsPerMove} ms without: ` +
        (measurable
          ? `the log costs about ${figures.writeCostMsPerMove} ms of CPU a move in place.`
          : 'no difference above this machine\'s 10-20% noise (the write itself is about 0.05 ms: `npx tsx scripts/measureLog.ts 20` in apps/server).'),
      '- A window spoiled by other work shows in the "other CPU" and idle canary columns: when the canary, which does nothing, stalls as long, the machine did not run the processes.',
    );
  }
  lines.push('');
  return lines;
}

/** `randomMovesPerSecond` -> `random moves per second`, for the table header. */
function words(key: string): string {
  return key.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/ ms$/, ' (ms)');
}

function rulesSection(results: BenchResults): string[] {
  const rules = results.rules;
  if (!rules) return ['## 5. Rules throughput', '', NOT_MEASURED, ''];
  // Every figure the rules bench prints becomes a column, sections added later (search bots) included.
  const keys = [...new Set(rules.games.flatMap((game) => Object.keys(game)))].filter((key) => key !== 'game' && key !== 'seats');
  const lines = [
    '## 5. Rules throughput and bot decision time',
    '',
    `From \`${rules.command}\` (run first, with no server running; one core).`,
    '',
    `| game | seats | ${keys.map(words).join(' | ')} |`,
    `| --- | ---: | ${keys.map(() => '---:').join(' | ')} |`,
  ];
  for (const game of rules.games) {
    lines.push(`| ${game.game} | ${game.seats} | ${keys.map((key) => String(game[key] ?? '')).join(' | ')} |`);
  }
  lines.push('');
  return lines;
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines = [
    '# Deckhand benchmarks',
    '',
    `Generated by \`npm run bench\`${results.quick ? ' (QUICK run: small counts, figures are indicative only)' : ''} on ${results.generatedAt}.`,
    'Every figure below is also in `bench-results.json`. All traffic on 127.0.0.1.',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.platform};`,
    `1-minute load average ${machine.loadAverageAtStart} at the start of the run` +
      `${machine.loadAverageAtEnd === undefined ? '' : ` and ${machine.loadAverageAtEnd} at its end`} (the machine is shared with other work).`,
    ...(machine.speedAtStart === undefined
      ? []
      : [
          `Speed of one core (\`speed.ts\`: thousands of Hearts random-play moves per CPU second): ${machine.speedAtStart} at the start,` +
            ` ${machine.speedAtEnd ?? '?'} at the end. The same code runs up to 40% slower in some hours on this shared host;` +
            ' timings from runs whose speeds differ are not comparable.',
        ]),
    '',
    '## Commands',
    '',
    ...Object.entries(results.commands).map(([what, command]) => `- ${what}: \`${command}\``),
    '',
    '## Summary',
    '',
    '| figure | result | target |',
    '| --- | --- | --- |',
  ];
  lines.push(...wireSummaryRows(results));
  if (results.latency) {
    lines.push(`| p99 action-to-all-clients, one table | ${results.latency.oneTable.p99Ms} ms | <= ${results.targets.oneTableP99MsMax} ms (${verdict(results.latency.oneTable.p99Ms <= results.targets.oneTableP99MsMax)}) |`);
    if (results.latency.busy) {
      lines.push(`| p99 one table, another process spinning on a core | ${results.latency.busy.oneTable.p99Ms} ms | <= ${results.targets.oneTableP99MsMax} ms (${verdict(results.latency.busy.oneTable.p99Ms <= results.targets.oneTableP99MsMax)}) |`);
    }
  }
  if (results.capacity) {
    lines.push(`| concurrent clients at p99 <= ${results.targets.loadP99MsMax} ms | ${results.capacity.concurrentClients} (${results.capacity.maxTablesHeld} tables) | >= ${results.targets.clientsMin} (${verdict(results.capacity.concurrentClients >= results.targets.clientsMin)}) |`);
    const steady = tablesHeldWithShortStalls(results.capacity.steps);
    lines.push(`| tables held with the server's longest stall < ${STALL_TARGET_MS} ms in every window | ${steady} | >= ${STEADY_TABLES_TARGET} (${verdict(steady >= STEADY_TABLES_TARGET)}) |`);
  }
  if (results.hardBots) {
    const { pool, inline, botTables } = results.hardBots;
    lines.push(`| human tables' p99 alone -> with ${botTables} hard-bot tables: pool / inline | ${p99Change(pool)} / ${p99Change(inline)} | pool: unchanged within noise |`);
  }
  if (results.logCost) {
    for (const run of results.logCost.runs) {
      const worst = Math.max(...run.windows.map((step) => step.latency.p99Ms));
      const held = run.windows.every((step) => step.held);
      lines.push(
        `| log ${run.log}: one-table p99; ${results.logCost.clients} clients' p99 (worse window) | ${run.oneTable.p99Ms} ms; ${worst} ms | ` +
          `<= ${results.targets.oneTableP99MsMax} ms (${verdict(run.oneTable.p99Ms <= results.targets.oneTableP99MsMax)}); <= ${results.targets.loadP99MsMax} ms (${verdict(held)}) |`,
      );
    }
  }
  if (results.soak) {
    lines.push(`| soak: rooms left, RSS change | ${results.soak.roomsLeft}, ${(results.soak.rssChange * 100).toFixed(1)}% | 0, <= 10% (${verdict(results.soak.passed)}) |`);
  }
  lines.push('');
  lines.push(...(results.wire ? wireSection(results.wire, results) : ['## 1. Wire bytes per move', '', NOT_MEASURED, '']));
  lines.push(...latencySection(results));
  lines.push(...(results.capacity ? capacitySection(results.capacity, results) : ['## 3. Capacity', '', NOT_MEASURED, '']));
  lines.push(...(results.soak ? soakSection(results.soak) : ['## 4. Soak', '', 'Not run yet: `npm run soak -- --minutes 10`.', '']));
  lines.push(...rulesSection(results));
  lines.push(...(results.hardBots ? hardBotsSection(results.hardBots, results) : ['## 6. Hard bots beside human tables', '', NOT_MEASURED, '']));
  lines.push(...(results.logCost ? logCostSection(results.logCost, results) : ['## 7. The table log on and off', '', NOT_MEASURED, '']));
  if (results.failures.length > 0) {
    lines.push('## Failures in this run', '', ...results.failures.map((failure) => `- ${failure.part}: ${failure.error}`), '');
  }
  lines.push(...LIMITS_NOTES);
  return `${lines.join('\n')}\n`;
}

/** The live heap a table adds, in KiB with one decimal: the heap at `tables` less the idle server's, shared out. */
export function liveHeapKiBPerTable(liveBytes: number, idleBytes: number, tables: number): string {
  return ((liveBytes - idleBytes) / tables / 1024).toFixed(1);
}

/** The server's CPU per accepted move in a window, in microseconds: its main thread's (when known) and the whole process's. */
export function serverCpuPerMove(step: CapacityStep): { main: number | null; all: number } {
  const perMove = (percent: number): number => Math.round((percent / 100 / step.movesPerSecond) * 1e6);
  const threads = step.serverThreadsCpuPercent;
  return { main: threads === null || threads === undefined ? null : perMove(step.serverCpuPercent - threads), all: perMove(step.serverCpuPercent) };
}

/** Each size's server CPU per move (its last window), the main thread's and the whole process's. */
export function cpuPerMoveLine(capacity: CapacityFigures): string | null {
  const sizes = finalWindows(capacity.steps).filter((step) => step.movesPerSecond > 0);
  if (sizes.length === 0) return null;
  const perMove = sizes.map((step) => {
    const cpu = serverCpuPerMove(step);
    return `${step.tables}: ${cpu.main === null ? '' : `${cpu.main} / `}${cpu.all}`;
  });
  return (
    `- Server CPU per move, in us (main thread / whole process, each size's last window; at a few tables a move also pays ` +
    `for waking an idle process): ${perMove.join(', ')}.`
  );
}

/**
 * The live heap a table adds at each size (after forced full collections,
 * less the idle server's): what a full collection has to mark, and a figure
 * the machine's hour does not move. Null for results without it.
 */
export function liveHeapLine(capacity: CapacityFigures): string | null {
  const idle = capacity.serverIdleHeapBytes;
  if (idle === undefined) return null;
  const sizes = finalWindows(capacity.steps).filter((step) => step.serverLiveHeapBytes !== undefined);
  if (sizes.length === 0) return null;
  const perTable = sizes.map((step) => `${step.tables}: ${liveHeapKiBPerTable(step.serverLiveHeapBytes!, idle, step.tables)}`);
  return (
    `- Server live heap per table, in KiB (JS heap after two forced full collections at the end of each size, less the idle ` +
    `server's ${mib(idle)}; what a full collection marks, which the machine's hour does not move; at a few tables mostly code ` +
    `and caches made on first use): ${perTable.join(', ')}.`
  );
}
