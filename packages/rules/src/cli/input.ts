/**
 * What the command-line tools share about their input. How they end on bad input: a usage error prints the
 * problem and the usage, a bot module's problem one line; both exit 2. A
 * bot module that misplays while the games run prints one line and exits 1.
 */
import { BotMisplayError, BotModuleError } from '../bots/external';
import type { AnyGame } from '../game';
import { findGame, gameIds } from '../registry';

/** Bad flags or values; the tool prints its usage after the message. */
export class UsageError extends Error {}

export async function parseOrExit<T>(tool: string, usage: string, parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${tool}: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    if (error instanceof BotModuleError) {
      console.error(`${tool}: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

export function playOrExit<T>(tool: string, play: () => T): T {
  try {
    return play();
  } catch (error) {
    if (!(error instanceof BotMisplayError)) throw error;
    console.error(`${tool}: ${error.message}`);
    process.exit(1);
  }
}

/** The game `--game` names. */
export function requireGame(id: string | undefined): AnyGame {
  if (!id) throw new UsageError('--game is required');
  const game = findGame(id);
  if (!game) throw new UsageError(`unknown game "${id}" (known: ${gameIds().join(', ')})`);
  return game;
}

/** `--options` (JSON) checked by the game for a table of `seats`, every default filled in. */
export function gameOptions(game: AnyGame, json: string | undefined, seats: number): unknown {
  let options: unknown;
  if (json) {
    try {
      options = JSON.parse(json);
    } catch {
      throw new UsageError(`--options must be JSON (got ${json})`);
    }
  }
  const checked = game.parseOptions(options, seats);
  if (!checked.ok) throw new UsageError(checked.error.message);
  return checked.value;
}
