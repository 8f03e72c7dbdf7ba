/**
 * `--bots` entries for the command-line tools: a built-in bot's name, or a
 * path to a bot module, resolved against the folder the command was typed in
 * (npm runs workspace scripts in the package's folder and keeps the caller's
 * in INIT_CWD). Under tsx a module may be TypeScript.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BotModuleError, resolveBot } from '../bots/external';
import type { AnyGame, Bot, MoveBase } from '../game';

export function importBotFile(spec: string): Promise<unknown> {
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), spec);
  if (!existsSync(file)) throw new BotModuleError(`bot module ${spec} not found (no file ${file})`);
  return import(pathToFileURL(file).href);
}

export function loadBots(game: AnyGame, specs: readonly string[]): Promise<Bot<unknown, MoveBase>[]> {
  return Promise.all(specs.map((spec) => resolveBot(game, spec, importBotFile)));
}
