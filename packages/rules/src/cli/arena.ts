/**
 * Arena CLI: any bots, built-in or by path, against each other.
 *   npm run arena -- --game hearts --bots heuristic,random,./my-bot.js --games 200 --seed 1 [--mode round-robin|gauntlet] [--json]
 * Bad input prints a clear error and exits with code 2 (a bot module's problem in one line); a bot
 * module that misplays, one line and code 1.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ArenaMode, runArena } from '../arena';
import type { ArenaConfig, ArenaEntrant, ArenaResult, Estimate } from '../arena';
import { UsageError, gameOptions, parseOrExit, playOrExit, requireGame } from './input';
import { gameIds } from '../registry';
import { loadBots } from './loadBot';

const USAGE = `Usage: npm run arena -- --game <id> --bots a,b[,...] [--games N] [--seed S] [--mode round-robin|gauntlet] [--seats N] [--options JSON] [--check] [--json]
  --game     ${gameIds().join(' | ')}
  --bots     two or more bots, comma-separated: built-in names (random, heuristic, ismcts) or bot module paths (./my-bot.js)
  --games    games per match, 1-100000, rounded up to whole deals (every seating on each deal; default 200)
  --seed     any text; deal d of every match is dealt from "<seed>-<d>" (default 1)
  --mode     round-robin: every pair, half the seats each (default); gauntlet: the first bot in one seat against each other bot in the rest
  --seats    table size (default: the game's minimum)
  --options  game options as JSON, e.g. '{"target":50}'
  --check    audit every move (slower)
  --json     print exactly one JSON object`;

async function parseCli(argv: string[]): Promise<ArenaConfig & { json: boolean }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        game: { type: 'string' },
        bots: { type: 'string' },
        games: { type: 'string', default: '200' },
        seed: { type: 'string', default: '1' },
        mode: { type: 'string', default: ArenaMode.RoundRobin },
        seats: { type: 'string' },
        options: { type: 'string' },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const game = requireGame(values.game);
  const specs = (values.bots ?? '').split(',').map((spec) => spec.trim()).filter((spec) => spec !== '');
  if (specs.length < 2) throw new UsageError('--bots needs at least two bots, comma-separated');
  const mode = values.mode as ArenaMode;
  if (!(Object.values(ArenaMode) as string[]).includes(mode)) throw new UsageError(`--mode must be round-robin or gauntlet (got "${values.mode}")`);
  const games = wholeNumber('--games', values.games, 1, 100_000);
  const seats = values.seats === undefined ? game.minSeats : wholeNumber('--seats', values.seats, game.minSeats, game.maxSeats);
  const options = gameOptions(game, values.options, seats);
  const bots = await loadBots(game, specs);
  return {
    game, mode, seats, games, seed: values.seed, options, check: values.check, json: values.json,
    entrants: labelled(specs, bots),
  };
}

/** Each entrant's label: its bot's id, or what was typed when two ids clash. */
function labelled(specs: readonly string[], bots: ArenaEntrant['bot'][]): ArenaEntrant[] {
  const ids = bots.map((bot) => bot.id);
  const labels = ids.map((id, index) => (ids.indexOf(id) !== ids.lastIndexOf(id) ? specs[index]! : id));
  return bots.map((bot, index) => ({
    bot,
    label: labels.indexOf(labels[index]!) !== labels.lastIndexOf(labels[index]!) ? `${labels[index]}#${index + 1}` : labels[index]!,
  }));
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return Number(text);
}

const score = (value: Estimate): string => `${value.mean.toFixed(2)} [${value.ci95[0].toFixed(2)}, ${value.ci95[1].toFixed(2)}]`;
const rate = (value: Estimate): string =>
  `${(100 * value.mean).toFixed(1)}% [${(100 * Math.max(0, value.ci95[0])).toFixed(1)}, ${(100 * Math.min(1, value.ci95[1])).toFixed(1)}]`;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}

function printText(result: ArenaResult, gameName: string, seconds: number): void {
  const first = result.matches[0]!;
  console.log(
    `${gameName} arena, ${result.mode === ArenaMode.RoundRobin ? 'round robin' : 'gauntlet'}: ${result.seats} seats, seatings ${result.seatings.join(' ')} on each deal, ` +
      `${first.games} games (${first.deals} deals) a match, seed ${result.seed}; ${result.lowerWins ? 'lower' : 'higher'} scores win`,
  );
  console.log('95% intervals over deals (normal approximation)\n');
  console.log(
    table([
      ['A v B', 'games', 'A mean score', 'B mean score', 'A minus B', 'A wins', 'B wins'],
      ...result.matches.map((match) => [
        `${match.sides[0].label} (${match.sides[0].seats}) v ${match.sides[1].label} (${match.sides[1].seats})`,
        String(match.games),
        score(match.sides[0].meanScore),
        score(match.sides[1].meanScore),
        score(match.margin),
        rate(match.sides[0].winRate),
        rate(match.sides[1].winRate),
      ]),
    ]).join('\n'),
  );
  console.log(`\nStandings (edge: points a seat a game better than its opponents' seats)\n`);
  console.log(
    table([
      ['bot', 'games', 'edge', 'win rate'],
      ...result.standings.map((standing) => [standing.label, String(standing.games), score(standing.edge), rate(standing.winRate)]),
    ]).join('\n'),
  );
  const violations = result.matches.reduce((sum, match) => sum + match.invariantViolations, 0);
  console.log(`\n${seconds.toFixed(1)} s${violations > 0 ? `; invariant violations: ${violations}` : ''}`);
}

async function main(): Promise<void> {
  const config = await parseOrExit('arena', USAGE, () => parseCli(process.argv.slice(2)));
  const started = performance.now();
  const result = playOrExit('arena', () => runArena(config));
  const seconds = (performance.now() - started) / 1000;
  if (config.json) console.log(JSON.stringify({ ...result, seconds: Math.round(seconds * 1000) / 1000 }));
  else printText(result, config.game.name, seconds);
  if (result.matches.some((match) => match.invariantViolations > 0)) process.exitCode = 1;
}

await main();
