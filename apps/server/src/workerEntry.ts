/**
 * Where a worker thread's code is: the TypeScript source under tsx or vitest,
 * the bundled file beside dist/main.js in production (build.mjs bundles each
 * entry there).
 */

import { SERVER_NODE_FLAGS } from './nodeFlags';

/** Node's flag for the monorepo's `@deckhand/source` export condition (see tsconfig.base.json). */
const SOURCE_CONDITION_FLAG = '--conditions=@deckhand/source';

/** Flags `new Worker` refuses in `execArgv`, as they act on the whole process: the bench's own and the server's (nodeFlags.ts). */
const PROCESS_WIDE_FLAGS = ['--expose-gc', '--cpu-prof', '--heap-prof', '--prof', ...SERVER_NODE_FLAGS.map((flag) => flag.split('=')[0]!)];

/** `name` is the entry's file name in src/ (and dist/) without its extension. */
export function workerEntry(name: 'botWorker'): { filename: string; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: new URL(`./${name}.js`, import.meta.url).href };
  const filename = new URL(`./${name}.ts`, import.meta.url).href;
  // Node 20 runs no TypeScript: a thread inherits tsx from `tsx src/main.ts`, but not from vitest;
  // nor, under vitest, the condition that makes the workspace packages resolve to their sources.
  // Process-wide flags make `new Worker` throw: a thread keeps the rest.
  const execArgv = process.execArgv.filter((flag) => !PROCESS_WIDE_FLAGS.some((prefix) => flag.startsWith(prefix)));
  if (!execArgv.some((flag) => flag.includes('tsx'))) execArgv.push('--import', 'tsx');
  if (!execArgv.includes(SOURCE_CONDITION_FLAG)) execArgv.push(SOURCE_CONDITION_FLAG);
  return { filename, execArgv };
}
