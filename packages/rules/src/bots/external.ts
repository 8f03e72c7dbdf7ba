/**
 * Bots written outside Deckhand: a module whose default export is a bot
 * (`{ id, name, choose(view, legalMoves, rng) }`) or a bare `choose`
 * function. The simulator, the arena and the bot client load them by path.
 *
 * Such a bot gets what a built-in bot gets, and no more: its seat's view,
 * the legal moves and a seeded generator. It gets copies, so it cannot
 * change the game by writing into them (views may share arrays with the
 * state), and its answer must be one of the legal moves it was offered.
 */
import { findBot, botIds } from '../registry';
import type { AnyGame, Bot, MoveBase } from '../game';
import type { Rng } from '../rng';

/** A bot module that is missing, does not load, or does not export a bot. */
export class BotModuleError extends Error {
  override readonly name = 'BotModuleError';
}

/** A loaded bot broke the contract while playing: it threw, or answered a move it was not offered. */
export class BotMisplayError extends Error {
  override readonly name = 'BotMisplayError';
}

/** Whether a `--bots` entry names a module file (`./my-bot.js`) rather than a built-in bot (`heuristic`). */
export function isBotPath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.[cm]?[jt]s$/.test(spec);
}

type Choose = (view: unknown, legalMoves: readonly MoveBase[], rng: Rng) => unknown;

/**
 * The bot a module's default export describes, guarded: copies in, a legal
 * move out. `spec` names the module in error messages.
 */
export function botFromModule(spec: string, exported: unknown): Bot<unknown, MoveBase> {
  const fallbackId = spec.replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]s$/, '') || 'bot';
  let id = fallbackId;
  let name = fallbackId;
  let choose: Choose;
  if (typeof exported === 'function') {
    choose = exported as Choose;
  } else if (typeof exported === 'object' && exported !== null && typeof (exported as { choose?: unknown }).choose === 'function') {
    const bot = exported as { id?: unknown; name?: unknown; choose: Choose };
    for (const key of ['id', 'name'] as const) {
      if (bot[key] !== undefined && (typeof bot[key] !== 'string' || bot[key] === '')) {
        throw new BotModuleError(`bot module ${spec}: "${key}" must be a non-empty string (got ${describe(bot[key])})`);
      }
    }
    id = (bot.id as string | undefined) ?? fallbackId;
    name = (bot.name as string | undefined) ?? id;
    choose = bot.choose.bind(bot);
  } else {
    throw new BotModuleError(
      `bot module ${spec} must export default { id, name, choose(view, legalMoves, rng) } or a function (view, legalMoves, rng) => move (got ${exported === undefined ? 'no default export' : describe(exported)})`,
    );
  }
  return {
    id,
    name,
    choose(view, legalMoves, rng) {
      const byKey = new Map(legalMoves.map((move) => [moveKey(move), move]));
      let answer: unknown;
      try {
        answer = choose(copy(view), copy(legalMoves), rng);
      } catch (error) {
        throw new BotMisplayError(`bot ${id} (${spec}) threw: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (answer instanceof Promise) throw new BotMisplayError(`bot ${id} (${spec}) returned a Promise: choose must return a move`);
      const move = byKey.get(moveKey(answer));
      if (move === undefined) {
        throw new BotMisplayError(`bot ${id} (${spec}) chose ${JSON.stringify(answer) ?? String(answer)}, which is not one of its legal moves`);
      }
      return move;
    },
  };
}

/**
 * A built-in bot by name, or a bot module by path. `load` imports the module
 * (the caller's dynamic `import`, resolved against the caller's folder; it
 * throws a `BotModuleError` for a missing file): the rules package itself
 * reads no files.
 */
export async function resolveBot(
  game: AnyGame,
  spec: string,
  load: (spec: string) => Promise<unknown>,
): Promise<Bot<unknown, MoveBase>> {
  if (!isBotPath(spec)) {
    const bot = findBot(game, spec);
    if (!bot) throw new BotModuleError(`unknown bot "${spec}" for ${game.id} (known: ${botIds(game).join(', ')}, or a path like ./my-bot.js)`);
    return bot;
  }
  return loadBotModule(spec, load);
}

/** A bot module by path, loaded with `load` (see `resolveBot`); any game's bot. */
export async function loadBotModule(spec: string, load: (spec: string) => Promise<unknown>): Promise<Bot<unknown, MoveBase>> {
  let module: unknown;
  try {
    module = await load(spec);
  } catch (error) {
    if (error instanceof BotModuleError) throw error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // One line: a transpiler's error (tsx) puts its detail on the lines after the first.
    const line = text.split('\n').map((part) => part.trim()).filter((part) => part !== '').join(' ');
    throw new BotModuleError(`bot module ${spec} failed to load: ${line.length > 300 ? `${line.slice(0, 297)}...` : line}`);
  }
  return botFromModule(spec, (module as { default?: unknown }).default);
}

/** A deep copy of a view or moves: plain JSON data by the rules' contract (`WireRecord`, moves tagged by `type`). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A move's identity whatever the key order the bot wrote it in. */
function moveKey(move: unknown): string {
  return JSON.stringify(move, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  ) ?? 'undefined';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with ${Object.keys(value).map((key) => `"${key}"`).join(', ') || 'no keys'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
