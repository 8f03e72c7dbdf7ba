/** Timers that run only when a test moves time forward, and the rest of a table core's surroundings for tests. */
import pino from 'pino';
import { GAMES } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import type { BotThinking } from '../BotPool';
import { seededTableRandom } from '../table/seededRandom';
import type { TableEnv, Timer } from '../table/types';

interface PendingTimer {
  readonly at: number;
  readonly order: number;
  readonly action: () => void;
  cleared: boolean;
}

export class FakeClock {
  time = 1_000_000;
  private timers: PendingTimer[] = [];
  private order = 0;

  now(): number {
    return this.time;
  }

  later(ms: number, action: () => void): Timer {
    const timer: PendingTimer = { at: this.time + ms, order: this.order++, action, cleared: false };
    this.timers.push(timer);
    return { clear: () => void (timer.cleared = true) };
  }

  /** The earliest timer due by `end`, in time order, or undefined. */
  private nextDue(end: number): PendingTimer | undefined {
    return this.timers.filter((timer) => !timer.cleared && timer.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }

  /** Runs every timer due within `ms`, in time order, including the ones they set. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let due = this.nextDue(end); due; due = this.nextDue(end)) this.run(due);
    this.time = end;
    this.timers = this.timers.filter((timer) => !timer.cleared);
  }

  /** Runs the next timer due within `ms` (time stops there), or moves time by `ms` when none is. */
  step(ms: number): void {
    const due = this.nextDue(this.time + ms);
    if (due) this.run(due);
    else this.time += ms;
    this.timers = this.timers.filter((timer) => !timer.cleared);
  }

  private run(due: PendingTimer): void {
    due.cleared = true;
    this.time = Math.max(this.time, due.at);
    due.action();
  }
}

/** Hard bots answer their first legal move at once (the pool is tested elsewhere). */
const instantBots: BotThinking = {
  search: async (request) => ({ move: request.legalMoves[0] as MoveBase, threadId: 0, thinkMs: 0 }),
  tally: () => ({ threads: 0, answered: 0, failed: 0 }),
  close: async () => {},
};

/** A table core's surroundings for tests: the given clock, seeded randomness, instant bots, no logs. */
export function testEnvironment(clock: TableEnv['clock'], seed: string, botDelay = { min: 100, max: 100 }): TableEnv {
  return {
    config: { reconnectSeconds: 60, botDelay, botSearchIterations: 10, botSearchMs: 50, handSummarySeconds: 10, timeScale: 1 },
    games: GAMES,
    clock,
    random: seededTableRandom(seed),
    bots: instantBots,
    logger: pino({ level: 'silent' }),
  };
}
