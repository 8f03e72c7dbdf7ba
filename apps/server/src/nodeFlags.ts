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
 *
 * `--max-semi-space-size=64` lets the young generation grow to 64 MiB per
 * semi-space instead of V8's 16. Most of what a move allocates lives until
 * that table's next move, about a second later; with 16 MiB the server
 * scavenged three times a second and promoted that to the old generation
 * (12 KiB per move at 1,000 tables), which a full mark-compact then had to
 * trace. With 64 it promotes 7 KiB per move, so full collections come about
 * half as often, and the server spends 5-15% less CPU per move at 600-1,000
 * tables. The cost is memory: about 100 KiB more RSS per table under load,
 * given back when the load goes. Alternating capacity ramps on 2026-12-04
 * (BENCHMARKS.md, "Limits"): 800 and 800 tables held with it, 800 and 700
 * without.
 *
 * Not here, though it looks good in short runs: `--no-incremental-marking-task`.
 * With V8's marking tasks off the main thread marks less per full collection,
 * but Node 20's V8 then starts a full collection only at its hard limit: at
 * 1,250 tables none came for 50 s while the old generation grew from 151 to
 * 520 MB (BENCHMARKS.md, "Limits", tried on 12-05 and 12-06).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=0', '--max-semi-space-size=64'];
