/**
 * Seats a bot at a table from the command line:
 *   npm run bot -- --url http://localhost:2567 --code BCDFG --bot heuristic|./my-bot.js [--name NAME]
 *   npm run bot -- --invite http://localhost:5173/t/BCDFG --bot ./my-bot.js
 * Exits 0 at game over (after printing the scores), 2 on bad input (one line), 1 when the
 * table is lost (kicked, closed, no free seat, server gone).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Limits, parseName } from '@deckhand/protocol';
import { BotModuleError, GAMES, botIds, findBot, isBotPath, loadBotModule } from '@deckhand/rules';
import type { AnyGame, Bot, MoveBase } from '@deckhand/rules';
import { parseInvite } from './invite';
import { TableError, playTable } from './playTable';

const USAGE = `Usage: npm run bot -- (--url URL --code CODE | --invite LINK) --bot NAME|PATH [--name NAME] [--quiet]
                     [--rate N] [--burst N]
  --url     the game server (or the web app) origin, e.g. http://localhost:2567
  --code    the table's five-letter code
  --invite  the invite link the host copied, e.g. http://localhost:5173/t/BCDFG (gives --url and --code)
  --bot     a built-in bot (random, heuristic, ismcts) or a bot module's path (./my-bot.js)
  --name    the name shown at the table (default: the bot's name, at most 20 characters)
  --quiet   print only the result
  --rate    messages a second the server lets a player send (its RATE_PER_SECOND; default ${Limits.ratePerSecond})
  --burst   messages it lets through at once (its RATE_BURST; default ${Limits.rateBurst}); the bot keeps under both`;

/** A server rate setting: a whole number in the range the server's own settings accept. */
function rateSetting(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 100_000) fail(`--${flag} must be a whole number from 1 to 100000 (got "${value}")`, 2);
  return parsed;
}

function fail(message: string, code: number): never {
  console.error(`bot: ${message}`);
  process.exit(code);
}

/** A bot module by path, relative to where the command was typed (npm keeps it in INIT_CWD). */
function importBotFile(spec: string): Promise<unknown> {
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), spec);
  if (!existsSync(file)) throw new BotModuleError(`bot module ${spec} not found (no file ${file})`);
  return import(pathToFileURL(file).href);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        url: { type: 'string' },
        code: { type: 'string' },
        invite: { type: 'string' },
        bot: { type: 'string' },
        name: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        rate: { type: 'string' },
        burst: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const invite = values.invite === undefined ? null : parseInvite(values.invite);
  if (values.invite !== undefined && invite === null) fail(`--invite must be a table link like http://localhost:5173/t/BCDFG (got "${values.invite}")`, 2);
  const url = invite?.url ?? values.url;
  const code = invite?.code ?? values.code?.trim().toUpperCase();
  if (!url || !code) fail(`give --url and --code, or --invite\n\n${USAGE}`, 2);
  if (!values.bot) fail(`--bot is required\n\n${USAGE}`, 2);
  const rateLimit = {
    ratePerSecond: rateSetting('rate', values.rate, Limits.ratePerSecond),
    rateBurst: rateSetting('burst', values.burst, Limits.rateBurst),
  };

  const spec = values.bot;
  let bot: Bot<unknown, MoveBase> | ((game: AnyGame) => Bot<unknown, MoveBase>);
  let botName: string;
  if (isBotPath(spec)) {
    try {
      bot = await loadBotModule(spec, importBotFile);
    } catch (error) {
      if (error instanceof BotModuleError) fail(error.message, 2);
      throw error;
    }
    botName = bot.name;
  } else {
    const known = [...new Set(GAMES.flatMap((game) => botIds(game)))];
    if (!known.includes(spec)) fail(`unknown bot "${spec}" (known: ${known.join(', ')}, or a path like ./my-bot.js)`, 2);
    bot = (game: AnyGame) => {
      const found = findBot(game, spec);
      if (!found) throw new TableError(`${game.name} has no "${spec}" bot (it has ${botIds(game).join(', ')})`);
      return found;
    };
    botName = `${spec[0]!.toUpperCase()}${spec.slice(1)} bot`;
  }
  const name = parseName(values.name ?? botName.slice(0, 20));
  if (!name.ok) fail(name.error.message, 2);

  const log = values.quiet ? undefined : (line: string) => console.log(line);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  try {
    const result = await playTable({ url, code, name: name.value, bot, log, signal: stop.signal, rateLimit });
    const scores = result.outcome ? result.outcome.scores.join(', ') : 'none (left before the end)';
    const won = result.outcome?.winners.includes(result.seat) ? ', won' : '';
    console.log(`table ${result.code}, seat ${result.seat + 1}: ${result.moves} moves, final scores ${scores}${won}`);
  } catch (error) {
    // The table is lost, or the bot broke the contract (threw, or chose a move it was not offered).
    fail((error as Error).message.split('\n')[0]!, 1);
  }
}

await main();
