/**
 * The Node flags a Deckhand server process runs with, wherever it is started:
 * `npm start` and `npm run dev` (apps/server/package.json, checked by
 * test/start.test.ts), the local cluster's processes and the benchmark's server.
 *
 * `--v8-pool-size=0` sizes V8's platform thread pool to the machine (Node
 * takes the available parallelism less one, at least one thread) instead of
 * Node's fixed four. Those threads run the garbage collector's concurrent and
 * parallel work. On a 2-vCPU machine four of them take both CPUs in a burst
 * while the main thread, ready to run, waits for one: in the capacity
 * benchmark at 700-800 tables the main thread waited for a CPU 9-11% of the
 * time with four and 6-7% with one, and the p99 fell from 59-91 ms to 16-76 ms
 * (BENCHMARKS.md, "Limits"). With more cores the pool grows with them.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=0'];
