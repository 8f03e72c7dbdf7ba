/** Counts and limits of a full run and of a `--quick` run, in one place. */
import fs from 'node:fs';
import path from 'node:path';
import { LOG_DIR, REPO_ROOT } from './processes';
import { renderMarkdown } from './report';
import type { BenchResults } from './results';

export const GAME_IDS = ['hearts', 'crazy-eights'] as const;
/** Parts 1-2 measure every game players can pick (the load parts keep the two games they always had). */
export const WIRE_GAME_IDS = ['hearts', 'crazy-eights', 'spades', 'gin-rummy'] as const;

export interface RunConfig {
  readonly quick: boolean;
  readonly wireGamesPerKind: number;
  readonly capacitySteps: readonly number[];
  readonly capacitySettleSeconds: number;
  readonly capacityWindowSeconds: number;
  readonly capacityBudgetSeconds: number;
  readonly moveIntervalMs: number;
  readonly soakMinutes: number;
  readonly soakSampleSeconds: number;
  readonly soakWarmupSeconds: number;
  /** Soak tables when no capacity figure is known. */
  readonly soakDefaultTables: number;
  /** Part 6: human tables measured, and tables of hard bots playing beside them. */
  readonly hardBotsHumanTables: number;
  readonly hardBotsBotTables: number;
  readonly hardBotsSettleSeconds: number;
  readonly hardBotsWindowSeconds: number;
  /** Part 7: tables held with the log on and off, and one-table games for the latency beside them. */
  readonly logCostTables: number;
  readonly logCostOneTableGames: number;
  readonly logCostWindowSeconds: number;
}

export const FULL: RunConfig = {
  quick: false,
  wireGamesPerKind: 3,
  capacitySteps: [25, 50, 100, 150, 200, 300, 400, 500, 600, 700, 800, 1000, 1250],
  capacitySettleSeconds: 5,
  capacityWindowSeconds: 15,
  capacityBudgetSeconds: 12 * 60,
  moveIntervalMs: 1000,
  soakMinutes: 2,
  soakSampleSeconds: 10,
  soakWarmupSeconds: 15,
  soakDefaultTables: 100,
  hardBotsHumanTables: 20,
  hardBotsBotTables: 50,
  hardBotsSettleSeconds: 5,
  hardBotsWindowSeconds: 20,
  // The capacity target: 2,000 clients.
  logCostTables: 500,
  // Six games (about 4,000 moves): with two, the p99 rested on 14 moves, a third of them the first moves after the server started.
  logCostOneTableGames: 6,
  logCostWindowSeconds: 15,
};

export const QUICK: RunConfig = {
  quick: true,
  wireGamesPerKind: 1,
  capacitySteps: [2, 4],
  capacitySettleSeconds: 1,
  capacityWindowSeconds: 2.5,
  capacityBudgetSeconds: 30,
  moveIntervalMs: 1000,
  soakMinutes: 0.1,
  soakSampleSeconds: 2,
  soakWarmupSeconds: 3,
  soakDefaultTables: 2,
  hardBotsHumanTables: 2,
  hardBotsBotTables: 5,
  hardBotsSettleSeconds: 1,
  hardBotsWindowSeconds: 3,
  logCostTables: 4,
  logCostOneTableGames: 1,
  logCostWindowSeconds: 2.5,
};

/**
 * The capacity steps from `--min-tables` to `--max-tables` (either may be left out). A bound that is not a
 * whole number, or a range with no step in it, is an error naming the steps: such a run would measure nothing
 * and still rewrite the results.
 */
export function capacityStepsBetween(steps: readonly number[], min: string | undefined, max: string | undefined): number[] {
  const bound = (flag: string, text: string | undefined, absent: number): number => {
    if (text === undefined) return absent;
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number of tables, not "${text}"`);
    return value;
  };
  const low = bound('min-tables', min, 0);
  const high = bound('max-tables', max, Infinity);
  const chosen = steps.filter((tables) => tables >= low && tables <= high);
  if (chosen.length === 0) throw new Error(`no capacity step from ${low} to ${high} tables; the steps are ${steps.join(', ')}`);
  return chosen;
}

/** Full runs write the committed files at the repo root; quick runs write beside the logs. */
export function resultPaths(quick: boolean): { json: string; markdown: string } {
  return quick
    ? { json: path.join(LOG_DIR, 'bench-results.quick.json'), markdown: path.join(LOG_DIR, 'BENCHMARKS.quick.md') }
    : { json: path.join(REPO_ROOT, 'bench-results.json'), markdown: path.join(REPO_ROOT, 'BENCHMARKS.md') };
}

export function writeResults(results: BenchResults): { json: string; markdown: string } {
  const paths = resultPaths(results.quick);
  fs.mkdirSync(path.dirname(paths.json), { recursive: true });
  fs.writeFileSync(paths.json, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(paths.markdown, renderMarkdown(results));
  return paths;
}

/** Progress lines go to stderr, so stdout carries only the JSON. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
