/**
 * Moves the server makes for a seat: bots, turn timeouts and away players.
 * Bots receive only the seat's view, as the rules' contract demands.
 */
import { ISMCTS_BOT_ID, findBot } from '@deckhand/rules';
import type { AnyGame, MoveBase, Rng, Seat } from '@deckhand/rules';
import { BotLevel } from '@deckhand/protocol';

/** The rules bot id behind each level. */
export function botIdOf(level: BotLevel): string {
  switch (level) {
    case BotLevel.Easy:
      return 'random';
    case BotLevel.Normal:
      return 'heuristic';
    case BotLevel.Hard:
      return ISMCTS_BOT_ID;
    default: {
      const unreachable: never = level;
      return unreachable;
    }
  }
}

/**
 * The move `seat` would make with a bot of `level`, computed here on the
 * calling thread; null when the seat has nothing to do. Hard bots at a table
 * search in the bot pool instead (`BotPool`).
 */
export function botMove(game: AnyGame, state: unknown, seat: Seat, level: BotLevel, rng: Rng): MoveBase | null {
  const legal: MoveBase[] = game.legalMoves(state, seat);
  if (legal.length === 0) return null;
  if (legal.length === 1) return legal[0]!;
  const bot = findBot(game, botIdOf(level)) ?? game.bots['random'];
  if (!bot) return rng.pick(legal);
  return bot.choose(game.view(state, seat), legal, rng) as MoveBase;
}

/** True when every waiting seat can only acknowledge the hand summary. */
export function isSummaryWait(game: AnyGame, state: unknown, seats: readonly Seat[]): boolean {
  if (seats.length === 0) return false;
  return seats.every((seat) => {
    const legal: MoveBase[] = game.legalMoves(state, seat);
    return legal.length === 1 && legal[0]!.type === 'continue';
  });
}
