/**
 * How fast one core of this machine is right now: Hearts played by random
 * moves (legalMoves, a seeded pick, apply) for about two seconds, counted per
 * second of this thread's CPU time. On a shared virtual machine the same
 * code runs at different speeds from hour to hour (a neighbour on the host
 * takes cache and memory bandwidth without showing as steal), so every run
 * records this at its start and end: runs are comparable when it is.
 */
import { performance } from 'node:perf_hooks';
import { Rng, hearts } from '@deckhand/rules';

const SEATS = 4;

/** This process's CPU time (Node 20 has no per-thread figure; the bench's own process is otherwise idle here). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Random-play moves in `ms` of wall time, and the CPU time they took. */
function play(ms: number, seed: string): { moves: number; cpuMs: number } {
  const rng = Rng.fromSeed(seed);
  const options = hearts.defaultOptions(SEATS);
  const cpuStart = cpuMs();
  const until = performance.now() + ms;
  let moves = 0;
  for (let game = 0; performance.now() < until; game++) {
    let state = hearts.setup({ seed: `${seed}-${game}`, seats: SEATS, options });
    for (;;) {
      const seat = hearts.activeSeats(state)[0];
      if (seat === undefined) break;
      const legal = hearts.legalMoves(state, seat);
      const result = hearts.apply(state, seat, legal[rng.int(legal.length)]!);
      if (!result.ok) throw new Error(`speed probe: legal move refused: ${result.error.code}`);
      state = result.state;
      moves++;
    }
  }
  return { moves, cpuMs: cpuMs() - cpuStart };
}

/** Thousands of Hearts random-play moves per CPU second (one thread): the median of five short slices, after a warm-up. */
export function machineSpeed(sliceMs = 300): number {
  play(500, 'speed-warm-up');
  const rates: number[] = [];
  for (let slice = 0; slice < 5; slice++) {
    const { moves, cpuMs: spent } = play(sliceMs, `speed-${slice}`);
    rates.push(moves / spent);
  }
  return Math.round(rates.sort((a, b) => a - b)[2]!);
}
