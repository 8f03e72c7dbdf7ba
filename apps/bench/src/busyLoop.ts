/**
 * A process that keeps one core busy, for part 2's "busy machine" figure:
 * the one-table latency while something else wants a core, as on a server
 * shared with other work. It spins until its parent kills it.
 */
let spins = 0;
for (;;) {
  spins = (spins + 1) % 1_000_000;
}
