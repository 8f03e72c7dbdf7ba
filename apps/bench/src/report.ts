/** Renders BENCHMARKS.md from the results object (and nothing else). */
import type {
  BenchResults, CapacityFigures, CapacityStep, HardBotsFigures, LogCostFigures, HardBotsRun, HardBotsWindow, SoakFigures,
} from './results';
import { SETTLE_FALL, SETTLE_STEP_SECONDS } from './memory';
import type { PauseFigures } from './pauses';
import type { IdleBucket, LatencySummary } from './stats';
import { verdict, wireSection, wireSummaryRows } from './wireReport';

const MiB = 2 ** 20;
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

function limitOf(step: CapacityStep, cores: number, workers: number): string {
  if (step.otherCpuPercent >= 50) {
    return `other processes took ${step.otherCpuPercent}% of the machine's ${cores * 100}% (${step.machineCpuPercent}% in all), so the server and the clients waited for a core (see the stall columns)`;
  }
  if (step.serverCpuPercent >= 85) return 'the server process was CPU-bound (one core)';
  if (step.loadCpuPercent >= 85 * Math.min(workers, cores)) return 'the load generator was CPU-bound';
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
    '',
    '| tables | stalls >= 50 ms | longest gap ms | main on CPU ms (GC) | main waiting for a CPU ms | main blocked ms | server\'s other threads ms | other processes ms | machine CPU in the gap ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...taken.map((step) => {
      const stall = step.serverLongestStall!;
      return (
        `| ${step.tables} | ${stall.stallsOver50Ms} | ${stall.gapMs} | ${stall.mainOnCpuMs} (${stall.gcMs}) | ${stall.mainWaitingMs} | ${stall.mainBlockedMs} | ` +
        `${stall.serverThreadsMs} | ${stall.otherProcessesMs} | ${stall.machineCapacityMs} |`
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
    'a second time (two rows), since one burst of other work on this shared machine can spoil a window.',
    '',
    'CPU columns are percent of one core (this machine has ' + results.machine.cores + '); "other" is what processes outside',
    'the benchmark took during the window. A stall is the longest event-loop delay in the window (GC: longest GC pause).',
    'The canary is a process with no work at all: when it stalls as long as the server, the machine did not run them.',
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
        `${step.loadCpuPercent} | ${stall(step.loadPauses)} | ${step.loadSendLateness ? `${step.loadSendLateness.p99Ms} (${step.loadSendLateness.maxMs})` : '-'} | ${step.canaryPauses ? step.canaryPauses.loopDelayMaxMs : '-'} | ${step.otherCpuPercent} | ${step.stealPercent ?? '-'} | ${step.held ? 'yes' : 'no'} |`,
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
  if (last) lines.push(`- At the last step, ${limitOf(last, results.machine.cores, capacity.workers)}.`);
  const samples = capacity.steps.flatMap((step) => step.errorSamples);
  if (samples.length > 0) lines.push(`- Error samples: ${samples.slice(0, 3).map((sample) => `\`${sample.replace(/`/g, "'")}\``).join('; ')}`);
  lines.push('');
  return lines;
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

/** What limits each figure and what was tried; kept with the generator so every run carries it. */
const NOTES = [
  '## What limits each figure, and what was tried',
  '',
  '- **Wire bytes.** Per move, Deckhand sends every client one schema patch and nothing else. The web builds its log',
  '  from two patches in a row (`moveEventsBetween` in @deckhand/protocol, which the rules check against their own',
  '  events), so the per-move `events` message goes only to a client that joins with `events: true`, and the move',
  '  record only to a client that asks for it at game over. The bench clients join exactly as the web does. The patch',
  '  holds the view fields a move changed, minus what clients compute with the rules (`publicWire` in the game',
  '  contract). The tables are created as the web creates them, with the 30 s turn timer. What each lever bought,',
  '  timer on, B/move/client (full wire part runs of 3 complete games per kind; byte counts do not depend on load):',
  '  earlier, before 51.09 (Hearts) and 33.17 (Crazy Eights); (1) derived fields left home (whose turn, hand sizes,',
  '  tricks and points taken, the last trick\'s winner, the next leader; the stock, winners): 37.36 and 28.37; (2) no',
  '  deadline on a move that starts a fresh turn timer (clients count from the move): 29.98 and 27.56; (3) Hearts',
  '  carries who played which card in which trick (`plays`): 21.4 and 27.9 at c38b133. Then, measured by this bench',
  '  with Spades and Gin Rummy added (runs of 2026-12-03 10:48, 11:06 and 11:37; before/after above): (4) Hearts\'',
  '  `plays` is the hand\'s cards in the order played (with the first trick\'s leader, `opener`): a play still adds one',
  '  3-byte entry, and a new hand empties the list with one operation instead of setting 52 entries to -1 (156 bytes',
  '  to every client per hand, about 2.7 B/move); (5) a kept deadline stays home: the client keeps the deadline it',
  '  showed when the timer still runs only for seats it already counted for (`keepsDeadline` in @deckhand/protocol),',
  '  and the server writes it only where that rule would be wrong; a Crazy Eights or Gin Rummy draw and three Hearts',
  '  passes of four no longer carry 12 bytes each. (4) and (5) together, one run: Hearts 21.46 -> 18.06, Crazy',
  '  Eights 27.55 -> 23.44, Gin Rummy 52.2 -> 47.4 (Spades, which derives nothing, 38.44 -> 38.43); (6) a smaller',
  '  schema (the outcome a view record, the knockers a map of names, the hand number read from the board): the',
  '  handshake every joining client receives, 1119 -> 971 bytes of schema description; (7) Crazy Eights\' whose turn',
  '  it is is derived from the table\'s `lastSeat`, which every patch already carries, and `drawn` (a draw keeps the',
  '  turn, a play or a pass hands it on): 23.44 -> 21.25. Then (runs of 2026-12-03 13:47-14:25, against main at',
  '  87a41b6 above): (8) a client holding the table\'s schema classes (@deckhand/table-schema, which the web and the',
  '  bench import) joins with their `TABLE_SCHEMA_ID` and gets its handshake without the schema description, and so',
  '  do its reconnections (colyseus.js 0.16 builds its decoder only in the handshake even when given the root class,',
  '  and @colyseus/core 0.16 always sends the description: the room cuts it from that client\'s JOIN_ROOM message,',
  '  and a serializer registered with colyseus.js decodes with the local classes when none came; any other client',
  '  still gets it): the handshake 993 -> 20 bytes, seated Hearts 2223.5 -> 1250.5, Crazy Eights 2191.5 -> 1218.5,',
  '  Spades 2693.5 -> 1720.5, Gin Rummy 2286 -> 1313, a Hearts spectator 8055 -> 7082 (shorter field names or fewer',
  '  classes would now save nothing for such a client); (9) the log history: a newcomer gets the last 6 entries',
  '  (`Limits.logTail`) instead of 60, a member coming back gets only what was added while it was away (the web',
  '  keeps its log in sessionStorage, so a reload still shows it), and an empty chat history is not sent: a Hearts',
  '  spectator / reconnect 7082 / 6953 -> 1702 / 999, Crazy Eights 6664 / 6423 -> 1745 / 1103, Gin Rummy 7172 /',
  '  6966 -> 1828 / 1115 (seated Hearts 1250.5 -> 1198: the 42-byte empty chat history); (10) Crazy Eights carries',
  '  the hand\'s moves (a card code per play, one code for a draw, one for a pass) and the card turned up at the',
  '  deal, and clients replay the hand for the discard pile, hand sizes, `drawn`, the reshuffles and whose turn:',
  '  a move adds one entry to one list, 21.17 -> 15.38 B/move (seated 1218.5 -> 1095: the deal no longer lists',
  '  every hand size); (11) an 8 travels with the suit it named in its one entry, so the suit never does; (12) Spades',
  '  carries the hand\'s plays like Hearts and derives the trick, the last trick, who took what, tricks, hand sizes,',
  '  the leader, spades broken and whose turn: 38.27 -> 17.3 B/move, seated 1668 -> 1309 (a deal sent 52 "not',
  '  taken" entries), spectator 2089 -> 1840; (13) while a Crazy Eights hand is played its moves tell who moved',
  '  last (`lastMover` in the game\'s wire), so the table leaves its `lastSeat` field unwritten: after (11) and',
  '  (12) a run gave 15.01 B/move (timer off 14.99), after (13) 14 (13.97); all four targets above are met. Runs play',
  '  different games (random bots: 1,625 and 3,714 Crazy Eights moves in two runs; a longer game pays 3 bytes of',
  '  move number and longer list indexes), so (11) and (13) were also measured on the same six seeded games',
  '  through the real mirror and encoder (board and table fields of a patch, no frame or hand): 10.85 -> 10.25 ->',
  '  9.24 B/move. What is left is in the anatomy tables: the patch header and the move number (2-4 bytes), the seat',
  '  of the move when it changes (not in Crazy Eights), one entry of one list per move, the mover\'s own hand, and',
  '  a deal. Joins: a seated client\'s bytes are now mostly the deal patch and the full state (the board, every',
  '  seat), `welcome` (92) and the notices of others sitting down; a mid-game join is the full state and the last 6',
  '  log entries (about 100 bytes each as msgpack objects). Not done: older log entries on demand when a spectator',
  '  scrolls (a spectator sees the last 6), a compact log encoding, folding `welcome` into fewer bytes.',
  '  Neither side compresses (permessage-deflate is off by default in `ws` and in @colyseus/ws-transport); frame',
  '  headers are counted on both sides, TCP/IP headers on neither.',
  '- **Latency, one table.** A move is one hop to the server, `apply`, the view mirror, the log write and a patch',
  '  encoded per client, then one hop back and a decode in each client; the baseline does less (one',
  '  `JSON.stringify` per client). The clients pace themselves under the server\'s per-client rate limit (their own',
  '  token bucket, waited on before the send timestamp), so pacing never counts as latency. Idle and beside a',
  '  spinning core are measured in the same run, one after the other. The tail follows the machine more than the',
  '  code: the same server code (main at fc510ee) gave p99 5.20 / 5.24 ms (idle / beside the busy core) in a quiet',
  '  run on 2026-12-03 at 15:28 UTC, 4.31 / 4.78 at 16:57, 4.45 / 5.19 at 17:04 and 4.66 / 4.21 at 17:19, while the',
  '  baseline stayed at 2.40-2.69. In the table by the quiet before each move, the p50 after a pause is about twice',
  '  that of a move right after another; the p99 is much the same in every bucket, so waking is not the whole tail. A diagnostic',
  '  build (not committed) timed each step inside the server over three Hearts games: after 0.5-1 ms of quiet a move',
  '  took 0.58 ms from its message to its last socket write (parse and queue 0.09, rules 0.06, log write 0.10, mirror',
  '  0.18, patch and four writes 0.14 at p50); after 20 ms or more it took 1.87 ms, every step slower and the writes',
  '  most (1.06 ms): on loopback a write runs the receiving side\'s TCP work and wakes the sleeping client process.',
  '  GC overlapped 1 of the 73 moves over 3 ms. With the server\'s thread kept spinning (an experiment) the p50 after',
  '  a pause fell from 1.85 to 1.0 ms, so most of that cost is this 2-vCPU VM waking idle vCPUs, not work the server',
  '  queues. Tried and dropped: pinning the server\'s main thread and the clients to separate vCPUs removed the',
  '  server\'s two involuntary context switches per move but raised the p99 (5.6-5.7 ms against 5.0-5.2 unpinned),',
  '  both on one vCPU likewise (5.7-7.4 ms); corking the four sockets so their writes go back to back changed nothing',
  '  measurable (alternate moves, one run: p99 4.11 and 4.16 ms). Part 7\'s one-table figure now plays 6 games, not 2:',
  '  with 2 (1,416 moves) its p99 rested on 14 moves, a third of them the first moves after the server started.',
  '- **Capacity.** Server, load generator and every other process share 2 cores. The columns split the CPU (server,',
  '  load workers, others) and show the longest event-loop stall and GC pause on each side in each window: stalls far',
  '  longer than any GC pause, on both sides at once, while "other CPU" is high, are time spent waiting for a core,',
  '  not work. Per move (four clients) the server spent about 0.75 ms of CPU at 200 tables and 0.45 ms at 500 (more',
  '  work per wake-up), the load generator about 1.0 and 0.55 ms: 500 tables took about 50% of the 200%, so on this',
  '  machine the ramp is limited by latency tails (event-loop stalls, GC pauses, other processes taking a core) before',
  '  CPU. In a server profile at 100 tables, about 45% of a move is socket writes (one `writev` per client per patch,',
  '  the loopback TCP work in the kernel included), 20% the view mirror, 10% schema encoding, 10% the rules (`apply`,',
  '  five views) and 5% reading the message; in a load worker, 40% is reading and decoding the four clients\' patches,',
  '  15% the actor\'s send, 8% the actor building its view, 6% GC. What was changed: (1) the room has no patch interval',
  '  (every path that changes the state sends its own patch, and the 20 Hz timer per room only found nothing to send):',
  '  an open table that does not move costs the server 0.013% of a core instead of 0.038%, and a move 0.72-0.83 ms',
  '  instead of 1.01 ms in alternating runs at 200 tables, with (2) the mirror comparing each view with what it last',
  '  wrote rather than reading it back through the schema (80 -> 37 us per move); (3) the WebSocket heartbeat pings',
  '  each client at its own phase instead of all 2,000 in one loop every 3 s, which with its burst of pongs stalled the',
  '  server\'s event loop for up to 200 ms (longest stall in alternating 20 s windows at 500 tables: 186 and 204 ms',
  '  before, 88 and 27 ms after); (4) the clients find who acts and whether the game is over from the decoded state',
  '  instead of building two extra snapshots per move (no change measurable in steady state: the clients\' cost is',
  '  reading and decoding patches, as a browser\'s would be); (5) the table log\'s SQLite WAL is checkpointed by a',
  '  second connection on a worker thread: SQLite\'s automatic checkpoint runs inside whichever write crosses 1,000',
  '  pages, copying them into the database file and syncing it on the main thread, one write in about 2,000 at 600',
  '  moves a second. `cd apps/server && npx tsx scripts/measureCheckpoints.ts 600 20 2` (alternating rounds): on a',
  '  quiet machine (15:17 UTC, load 0.2) the longest write was 6.5 and 7.1 ms with the checkpoint on the main thread,',
  '  2.4 and 1.9 ms on its own thread (p99.9 5.0 and 5.7 against 0.46 and 0.38 ms); with the disk shared with other',
  '  work (14:22 UTC, load 6-9) 68.7 and 57.8 ms against 17.5 and 30.9 ms. A first version ran PASSIVE checkpoints',
  '  only, and the WAL grew without end (162 MiB in 30 s): under steady writes a pass always ends a few frames behind,',
  '  and only a write that finds the WAL copied whole starts it again, while SQLite\'s write cost grows with the WAL',
  '  (a move\'s write took 0.18 ms of main-thread time in a 600-table profile against 0.06 ms). Now a RESTART follows',
  '  once the WAL holds 16 MiB: it waits for the writer only while it copies what came in since the PASSIVE pass, and',
  '  the WAL stays at 17 MiB. A raw insert costs about 22 us of CPU alone and 10 us in a transaction of ten, so',
  '  committing a burst of moves together would save about 1% of a core at 600 moves a second: not done. At the',
  '  capacity level the change is within noise, and near 500 tables the windows are bimodal: between 15:06 and 15:34',
  '  UTC on 2026-12-03 (quiet, load 0.2-2) the same code held 500 tables at p99 17 ms in one ramp and failed at 123',
  '  and 147 ms in the next; part 7 held them at p99 11 and 16 ms with the checkpoint on the main thread and 17 and',
  '  16 ms on its own thread (back-to-back runs, with a temporary switch in openStore.ts, not kept), while the',
  '  same server without any log gave 35 and 97 ms in one run and 11 and 14 ms in the next. The stalls past 100 ms',
  '  there are the server\'s own (the idle canary stays at 16-29 ms), and no single piece of work in the profiles',
  '  explains them; one window is not evidence for or against a change at this size. The same code later that day',
  '  (17:09-17:29 UTC, quiet) held 600 tables in two ramps (p99 14 and 61 ms) and failed 700 in both (p99 121-185 ms,',
  '  server stalls 137-223 ms at 51-57% server CPU). Each window now says how long the server\'s main thread was',
  '  ready to run without a CPU (`/proc/self/schedstat`) and the hypervisor\'s steal: 10-13% and under 1% at every',
  '  step, 600 and 700 alike, so the long stalls are the server working, not waiting. In a profile at 700 tables',
  '  (56 busy runs of 100-340 ms in 89 s) the runs are ordinary moves back to back: socket writes 11%, GC 11%, the',
  '  SQLite write 10%, the mirror, encoding. Work comes in faster than it is done for a while (the server\'s CPU per',
  '  move was 0.65-0.82 ms in those windows, 0.73 at both 600 and 700 in the later ramp). Not the load generator',
  '  lining them up: a column now says how late each worker woke to send a move, and in a ramp at 18:07 UTC (load',
  '  2-3 just after a CI run, so not in the table above; 500 held at p99 42 ms, 600 failed twice) one 600-table window',
  '  had the server stalling 175 ms while no move was sent more than 35 ms late (p99 9.9 ms). Not found yet: what',
  '  starts a stretch inside the server (the GC pauses, at most 25-38 ms, are not long enough alone).',
  '  Tried without a measurable effect:',
  '  `--max-semi-space-size=32` on every process. A 30 s ping interval saved about 8% of CPU on each side at 200',
  '  tables but was left at 3 s, which bounds how long a vanished client keeps its seat marked connected. Other',
  '  earlier steps: the server in its own process (so its CPU and stalls are its own); two load-generator processes;',
  '  a second window for a step that fails on latency alone; CPU profiles of the server and the load workers',
  '  (`DECKHAND_BENCH_PROFILE_DIR=/tmp/prof npm run bench -- --parts capacity`), whose long busy runs `npm run profile-stalls -w @deckhand/bench -- <file.cpuprofile>` breaks down.',
  '- **Soak.** Memory at the start and at the end is read the same way, with the server idle: no room open, then a GC',
  '  every 5 s (the server runs with --expose-gc) until RSS falls by less than 1% in a step. Read right after the last',
  '  client left, RSS looked 50% higher than at the start while the JS heap was back within a few MiB: V8 keeps the',
  '  young generation at the size the load needed (heap total 60 MiB against 23 MiB used) until a GC sees a few',
  '  seconds of low allocation, then gives it back. The start follows a warm-up round at the soak\'s own size: rounds',
  '  of 8, 250, 250 and 250 tables on one server settled at 97, 112, 114 and 116 MiB, the first 1,000 clients leaving',
  '  about 10 MiB of glibc heap (`[heap]` in /proc/<pid>/smaps, 6 -> 16 MiB) that stays, fragmented, while later',
  '  rounds of the same size add about 2 MiB each. `MALLOC_ARENA_MAX=2`, and fixed `MALLOC_TRIM_THRESHOLD_` and',
  '  `MALLOC_MMAP_THRESHOLD_`, did not remove that step. Ten rounds of 100 tables settled at 107.7, 108.0, 109.2,',
  '  109.7, 110.9, 110.7, 111.1, 111.4, 111.5 and 112.4 MiB, the glibc heap flat (8.9 MiB) after round 2; heap',
  '  snapshots after round 1 and round 6 of 75 tables showed no leak: the heap grew by compiled code and by the hearts',
  '  rules\' cache of shared pass moves, which holds at most 22,100 entries (a few MiB once full), so a long soak\'s',
  '  heap grows a little until that cache is full.',
  '- **Machine.** Every other process was held (SIGSTOP) while the committed figures were taken: with helpers',
  '  running, the same code held 1,600 clients instead of 2,800. The host itself also wanders by about 30% in',
  '  speed from minute to minute with the guest idle, which shows most in the rules part.',
  '- **Rules.** Measured with no server running, by the rules package\'s own bench on one core.',
  '- **Hard bots.** The pool\'s threads run at nice +10, so on a machine short of cores the main thread (patches)',
  '  is scheduled first and the searches slow down: a search that starts late shortens its time cap to the time',
  '  left, and one that misses its deadline (2 x `BOT_SEARCH_MS` + 250 ms) counts as failed, its table playing the',
  '  normal bot\'s move. On this shared 2-core machine, where other processes take most of both cores (the "other',
  '  CPU" column), the niced thread gets what is left, hence the failed searches with the pool; a machine with a',
  '  core to spare for each worker has none. Inline, every search holds the one event loop that sends every',
  '  table\'s patches: the stall column shows it, the human tables wait for it, and searches queued behind it miss',
  '  their deadline too. A first version cut off late searches through piscina\'s AbortSignal, which ends the',
  '  thread: under load each restart made the next searches late, and no search at all was answered.',
  '',
];

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
  lines.push(...NOTES);
  return `${lines.join('\n')}\n`;
}
