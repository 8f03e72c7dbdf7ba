/**
 * `npm run instructions -w @deckhand/bench -- [--tables 8] [--warmup 900] [--moves 300] [--game hearts] [--server deckhand] [--seed s]`:
 * the server's CPU work per move as instructions, which do not wander with the
 * machine's hour as CPU time does (the brief: compare CPU work by instruction
 * counts). The production build (`apps/server/dist/main.js`, built first by
 * the npm script) runs under valgrind's callgrind with the flags `npm start`
 * gives it, the table log on; with `--server floor`, the floor server of
 * `npm run bench:floor` instead (the stack set up as Deckhand sets it up, with
 * none of Deckhand's own work; run through tsx, its clients play its bare
 * Hearts deal), so the two counts say what Deckhand's own work costs a move.
 * This process opens the tables with colyseus.js
 * clients as the capacity part does, zeroes the counters once every table is
 * dealt and has played `warmup` moves (V8 compiles the hot paths in those.
 * After 150 a table the floor's main thread still counted 20% over its
 * settled figure; after 900 its compiler thread was idle. Deckhand's main
 * thread counts the same after 150, 900 and 3,000, while its compiler thread
 * falls from 0.59 to 0.36 and 0.06 M a move: read the other threads' figure
 * with that in mind),
 * plays `moves` moves at each table (random legal moves, seeded), and
 * reads the counters back. Prints one line: instructions per move, and the
 * callgrind file for `callgrind_annotate`.
 *
 * Deckhand deals every table from a secret random seed, so each run plays
 * other games. `--seed` runs the server in its test mode with that seed
 * (`TEST_SEED`, which only test mode accepts: it makes every deal known), so
 * every run plays the same games; not a figure players get. Even so, three
 * seeded runs of one build on 12-06 counted 0.483-0.550 M a move on the main
 * thread (the floor repeated to the thousandth): under callgrind V8's
 * compiler thread runs at valgrind's pace, and how many measured moves run
 * before their optimized code is ready moves the count (the all-threads
 * figure rose with it, 0.55 -> 0.77 M). Judge a change by several runs of
 * each build, alternating, and read the two figures together.
 *
 * What callgrind counts is user-space instructions of every thread of the
 * server (its JavaScript, V8's compiler and collector, SQLite); the kernel's
 * work in system calls (socket writes, the WAL's) is not counted. Under
 * valgrind the server runs about 50 times slower, so the load is a few tables.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GAMES, findGame } from '@deckhand/rules';
import { openBenchTable } from '../src/benchTable';
import type { BenchTable } from '../src/benchTable';
import { benchServerEnv } from '../src/host/benchServerEnv';
import { stopChild, waitForPort } from '../../server/src/cluster/services';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

const { values } = parseArgs({
  options: {
    tables: { type: 'string', default: '8' },
    moves: { type: 'string', default: '300' },
    game: { type: 'string', default: 'hearts' },
    warmup: { type: 'string', default: '900' },
    port: { type: 'string', default: '25899' },
    server: { type: 'string', default: 'deckhand' },
    seed: { type: 'string', default: '' },
  },
});
const floor = values.server === 'floor';
if (!floor && values.server !== 'deckhand') throw new Error(`--server takes deckhand or floor, not "${values.server}"`);
/** `--name` as a whole number from `min` to `max`, or a clear error before anything starts. */
function wholeNumber(name: 'tables' | 'moves' | 'warmup' | 'port', min: number, max: number): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}
const tables = wholeNumber('tables', 1, 64);
const movesPerTable = wholeNumber('moves', 1, 100_000);
const warmupMoves = wholeNumber('warmup', 0, 100_000);
const port = wholeNumber('port', 1024, 65_535);
if (floor && values.seed !== '') throw new Error('--seed does not apply to the floor: its deals are fixed');
if (floor && values.game !== 'hearts') throw new Error('--game does not apply to the floor: it plays a bare Hearts deal');
if (!findGame(values.game)) throw new Error(`--game must be one of ${GAMES.map((game) => game.id).join(', ')}`);
const baseUrl = `http://127.0.0.1:${port}`;
const serverDir = join(import.meta.dirname, '..', '..', 'server');
const work = mkdtempSync(join(tmpdir(), 'deckhand-callgrind-'));
const outFile = join(work, 'callgrind.out');

const benchDir = join(import.meta.dirname, '..');
/** What node runs under valgrind: the server's build, or the floor through tsx. */
const entry = floor ? ['--import', 'tsx', '--conditions=@deckhand/source', 'src/floor/floorMain.ts'] : ['dist/main.js', '--production'];
const server = spawn(
  'valgrind',
  ['--tool=callgrind', `--callgrind-out-file=${outFile}`, '--separate-threads=yes', '--smc-check=all-non-file', process.execPath, ...SERVER_NODE_FLAGS, ...entry],
  {
    cwd: floor ? benchDir : serverDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env, ...benchServerEnv(), PORT: String(port), DATA_DIR: join(work, 'data'),
      ...(values.seed === '' ? {} : { NODE_ENV: 'test', TEST_SEED: values.seed }),
    },
  },
);
let serverLog = '';
server.stderr.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));

/** valgrind runs the server in a process of its own (valgrind.bin), found by its output file. */
function callgrind(...args: string[]): void {
  const pid = execFileSync('pgrep', ['-f', `callgrind-out-file=${outFile}`]).toString().trim().split('\n')[0]!;
  // valgrind names its control pipes after the host in HOST, which the server's environment sets to its address.
  execFileSync('callgrind_control', [...args, pid], { stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1' } });
}

/** Total instructions (Ir) of a callgrind dump. */
function instructionsIn(file: string): number {
  const text = readFileSync(file, 'utf8');
  const line = text.split('\n').find((row) => row.startsWith('summary:') || row.startsWith('totals:'));
  if (!line) throw new Error(`no totals in ${file}`);
  return Number(line.split(/\s+/)[1]);
}

try {
  await waitForPort(port, 'the server under callgrind', 180_000, () => server.exitCode === null).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${serverLog}`);
  });
  const opened: BenchTable[] = [];
  for (let index = 0; index < tables; index++) {
    opened.push(await openBenchTable(floor ? 'floor' : 'deckhand', { baseUrl, gameId: values.game, seats: 4, botSeed: `instructions-${index}` }));
  }
  let moves = 0;
  const play = (count: number) =>
    Promise.all(
      opened.map(async (table) => {
        for (let played = 0; played < count; played++) {
          if (table.over) await table.rematch();
          const result = await table.playMove();
          if (!result.ok) throw new Error(result.error);
          moves++;
        }
      }),
    );
  // The first moves compile the server's hot paths: not what a move costs a server that has run a while.
  await play(warmupMoves);
  callgrind('--zero');
  moves = 0;
  await play(movesPerTable);
  callgrind('--dump=measured');
  // The command is taken when valgrind next schedules the server's thread: wait for its files, one a thread
  // (`<out>.1-01` is the main thread's).
  const dumped = () => readdirSync(work).filter((name) => name.startsWith('callgrind.out.1-')).map((name) => join(work, name));
  for (let waited = 0; dumped().length === 0 && waited < 120; waited++) await new Promise((resolve) => setTimeout(resolve, 500));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const files = dumped().filter((file) => statSync(file).size > 0).sort();
  if (files.length === 0) throw new Error(`callgrind wrote no dump in ${work}`);
  const main = instructionsIn(files[0]!);
  const all = files.reduce((sum, file) => sum + instructionsIn(file), 0);
  const perMove = (count: number) => `${(count / moves / 1e6).toFixed(3)} M`;
  console.log(
    `${floor ? 'floor' : values.game}${values.seed === '' ? '' : ` (seed ${values.seed})`}, ${tables} tables, ${moves} moves: ${perMove(main)} instructions a move on the main thread, ${perMove(all)} on all ` +
      `${files.length} threads (${files[0]})`,
  );
  await Promise.allSettled(opened.map((table) => table.leave()));
} finally {
  await stopChild(server, 'SIGTERM', 30_000);
  rmSync(join(work, 'data'), { recursive: true, force: true });
}
