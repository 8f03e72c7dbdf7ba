/**
 * `npm run bench:floor -w @deckhand/bench -- [--tables 1000,1250] [--servers floor,deckhand] [--rounds 1]`:
 * (a server may carry Deckhand settings for a comparison: `--servers deckhand,deckhand:DATA_DIR=` runs it
 * with the table log and without, `;` between two settings; `deckhand@2` is two processes sharing Redis
 * and Postgres, each client connected straight to its table's process)
 * the capacity part's load (tables of four colyseus.js clients, a move per
 * table about every second, the load generator on its own CPU) against the
 * floor server (`src/floor`: Colyseus, Deckhand's schema and Node flags, none
 * of Deckhand's work) and against Deckhand, one after the other in one run,
 * each on a fresh server, `--rounds` times alternating. Each size is held
 * for the capacity part's windows (a failed one measured again, one without a
 * full collection followed by another). Prints every window, then a table:
 * what the fixed stack alone costs a move and whether it holds a size, beside
 * what Deckhand costs. Writes nothing: BENCHMARKS.md's figures come from
 * `npm run bench`.
 */
import { parseArgs } from 'node:util';
import { ServerKind } from './host/hostProtocol';
import { groupServicesMissing } from './host/serverGroup';
import { measureCapacity } from './parts/capacity';
import type { CapacityStep } from './results';
import { serverCpuPerMove } from './report';
import { FULL, GAME_IDS } from './runConfig';
import { machineSpeed } from './speed';

const P99_LIMIT_MS = 100;
const STALL_LIMIT_MS = 50;
type Kind = typeof ServerKind.Deckhand | typeof ServerKind.Floor;
const KINDS: readonly Kind[] = [ServerKind.Floor, ServerKind.Deckhand];

/**
 * A server to measure: its kind, for Deckhand the number of processes (`deckhand@2`: two sharing Redis and
 * Postgres, as `npm run cluster` runs them) and the settings over its own (`deckhand:DATA_DIR=;BOT_WORKERS=0`).
 */
interface ServerSpec {
  readonly label: string;
  readonly kind: Kind;
  readonly processes: number;
  readonly env: Readonly<Record<string, string>>;
}

function serverSpec(text: string): ServerSpec {
  const [name, settings] = text.split(/:(.*)/s) as [string, string | undefined];
  const [kind, count] = name.split('@') as [string, string | undefined];
  if (!KINDS.includes(kind as Kind)) throw new Error(`--servers takes ${KINDS.join(' and ')}, not ${JSON.stringify(kind)}`);
  const processes = count === undefined ? 1 : Number(count);
  if (!Number.isInteger(processes) || processes < 1 || processes > 8) throw new Error(`--servers: ${kind}@N takes 1 to 8 processes, not ${JSON.stringify(count)}`);
  if (kind === ServerKind.Floor && processes > 1) throw new Error('--servers: the floor server runs as one process');
  const env: Record<string, string> = {};
  for (const setting of settings ? settings.split(';') : []) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(setting);
    if (!match) throw new Error(`--servers: a setting is NAME=value, not ${JSON.stringify(setting)}`);
    env[match[1]!] = match[2]!;
  }
  if (kind === ServerKind.Floor && Object.keys(env).length > 0) throw new Error('--servers: the floor server takes no settings');
  return { label: text, kind: kind as Kind, processes, env };
}

function parse(): { tables: number[]; servers: ServerSpec[]; rounds: number; workers: number } {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '1000,1250' },
      servers: { type: 'string', default: 'floor,deckhand' },
      rounds: { type: 'string', default: '1' },
      workers: { type: 'string', default: '2' },
    },
  });
  const tables = values.tables.split(',').map(Number);
  if (tables.length === 0 || tables.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(`--tables must be a comma-separated list of whole numbers of tables, not ${JSON.stringify(values.tables)}`);
  }
  const servers = values.servers.split(',').map(serverSpec);
  const missing = servers.some((server) => server.processes > 1) ? groupServicesMissing() : null;
  if (missing) throw new Error(missing);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) throw new Error('--rounds must be 1 to 10');
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new Error('--workers must be 1 to 8');
  return { tables: [...tables].sort((a, b) => a - b), servers, rounds, workers };
}

/** The server's longest stall in the window: the anatomy's gap where it was taken, the loop delay otherwise. */
function stallOf(step: CapacityStep): number {
  return step.serverLongestStall?.gapMs ?? step.serverPauses.loopDelayMaxMs;
}

async function main(): Promise<void> {
  const { tables, servers, rounds, workers } = parse();
  const log = (line: string): void => console.log(line);
  log(`machine speed: ${machineSpeed()}k Hearts random moves per CPU second`);
  const rows: string[] = [];
  for (let round_ = 1; round_ <= rounds; round_++) {
    for (const server of servers) {
      log(`== ${server.label}, round ${round_} (${new Date().toISOString().slice(11, 19)} UTC)`);
      const figures = await measureCapacity({
        server: server.kind,
        serverEnv: server.env,
        serverProcesses: server.processes,
        steps: tables,
        workers,
        moveIntervalMs: FULL.moveIntervalMs,
        gameIds: GAME_IDS,
        settleSeconds: FULL.capacitySettleSeconds,
        windowSeconds: FULL.capacityWindowSeconds,
        budgetSeconds: FULL.capacityBudgetSeconds,
        p99LimitMs: P99_LIMIT_MS,
        log,
      });
      for (const step of figures.steps) {
        const cpu = serverCpuPerMove(step);
        const stall = stallOf(step);
        const held = step.held && stall < STALL_LIMIT_MS;
        rows.push(
          `| ${server.label} | ${round_} | ${step.tables} | ${step.movesPerSecond} | ${step.latency.p99Ms} | ${cpu.main ?? '-'} | ${cpu.all} | ` +
            `${step.serverCpuPercent} | ${step.loadCpuPercent} | ${stall} | ${step.serverPauses.gcMaxMs} | ${step.serverPauses.fullGcs ?? '-'} | ` +
            `${held ? 'yes' : step.held ? 'no (stall)' : 'no'} |`,
        );
      }
    }
  }
  log('');
  log(`p99 <= ${P99_LIMIT_MS} ms and the server's longest stall < ${STALL_LIMIT_MS} ms in the window ("held"); CPU in percent of one core.`);
  log('| server | round | tables | moves/s | p99 ms | server main thread us/move | server us/move | server CPU % | load CPU % | server stall ms | GC max ms | full GCs | held |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) log(row);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
