/**
 * Pools simulator runs: reads JSON lines written by `simulate --json
 * --game-scores` (one line per chunk) and prints seat 0 against the other
 * seats over every game, with 95% intervals. In a game of partnerships the
 * comparison is by side: seat 0's side against the other sides.
 *
 *   npm run -s pool -w @deckhand/rules -- hearts.jsonl [more.jsonl ...]
 *
 * Which way a game's scores win is learned from the game (`scoreScaleOf`).
 * Exits 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { scoreScaleOf } from '../bots/ismcts';
import { findGame } from '../registry';
import { sidesOf } from '../sides';
import { meanInterval, rateInterval } from './stats';
import type { MeanInterval } from './stats';

interface Chunk {
  readonly game: string;
  readonly seed: string;
  readonly seconds: number;
  readonly gameScores: readonly (readonly number[])[];
}

function fail(message: string): never {
  process.stderr.write(`pool: ${message}\n`);
  process.exit(2);
}

const files = process.argv.slice(2);
if (files.length === 0) fail('give one or more JSON-lines files written by simulate --json --game-scores');
const chunks: Chunk[] = [];
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail(`cannot read ${file}`);
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let chunk: Chunk;
    try {
      chunk = JSON.parse(line) as Chunk;
    } catch {
      fail(`${file}:${index + 1} is not JSON`);
    }
    if (!Array.isArray(chunk.gameScores)) fail(`${file}:${index + 1} has no gameScores (run simulate with --game-scores)`);
    chunks.push(chunk);
  });
}
const gameIds = new Set(chunks.map((chunk) => chunk.game));
if (gameIds.size !== 1) fail(`the runs mix games: ${[...gameIds].join(', ')}`);
const gameId = chunks[0]!.game;
const games = chunks.flatMap((chunk) => chunk.gameScores);
const seeds = chunks.map((chunk) => chunk.seed);
if (new Set(seeds).size !== seeds.length) fail('two chunks have the same seed, so they played the same deals');
const game = findGame(gameId);
if (!game) fail(`unknown game ${gameId}`);
const { lowerWins } = scoreScaleOf(game, games[0]!.length);
// One score per side (partners carry the same one); seat 0's side first.
const sides = sidesOf(game, games[0]!.length);
const unit = sides.length < games[0]!.length ? 'side' : 'seat';
const bySide = games.map((scores) => sides.map((side) => scores[side[0]!]!));
const seat0 = bySide.map((scores) => scores[0]!);
const others = bySide.map((scores) => scores.slice(1).reduce((a, b) => a + b, 0) / (scores.length - 1));
const margin = bySide.map((_, i) => seat0[i]! - others[i]!);
const wins = bySide.filter((scores) => scores[0] === (lowerWins ? Math.min(...scores) : Math.max(...scores))).length;
const winRate = rateInterval(wins, games.length);
const fmt = ({ mean, low, high }: MeanInterval) => `${mean.toFixed(2)} [${low.toFixed(2)}, ${high.toFixed(2)}]`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
process.stdout.write(
  [
    `${gameId}: ${games.length} games in ${chunks.length} chunks (seeds ${seeds.join(',')}), ${chunks.reduce((a, c) => a + c.seconds, 0).toFixed(0)} s simulated`,
    `${unit} 0 mean score            ${fmt(meanInterval(seat0))}`,
    `other ${unit}s' mean score      ${fmt(meanInterval(others))}`,
    `${unit} 0 minus the others      ${fmt(meanInterval(margin))}`,
    `${unit} 0 win rate (ties win)   ${pct(winRate.rate)} [${pct(winRate.low)}, ${pct(winRate.high)}], parity ${pct(1 / sides.length)}`,
  ].join('\n') + '\n',
);
