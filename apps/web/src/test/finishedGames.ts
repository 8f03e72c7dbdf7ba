/** Real finished games for the history tests: four bots play a whole game with @deckhand/rules, as the server records it. */
import { createHash } from 'node:crypto';
import type { FinishedGame } from '@deckhand/protocol';
import { findBot, findGame, playGame, type OptionValue } from '@deckhand/rules';

/** The shortest real game of each kind: the lowest target the host can pick. */
export const SHORT_GAMES: readonly { gameId: string; seats: number; options: Record<string, OptionValue> }[] = [
  { gameId: 'hearts', seats: 4, options: { target: 50 } },
  { gameId: 'crazy-eights', seats: 2, options: { target: 100 } },
  { gameId: 'spades', seats: 4, options: { target: 300 } },
  { gameId: 'gin-rummy', seats: 2, options: { target: 50 } },
];

export function finishedGame(gameId: string, seats: number, options: Record<string, OptionValue>, seed = `${gameId}-history`): FinishedGame {
  const game = findGame(gameId)!;
  const bot = findBot(game, 'heuristic')!;
  const played = playGame(game, { seed, options, bots: Array.from({ length: seats }, () => bot), record: true });
  return {
    id: '0f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c',
    gameId,
    seed,
    // As the server hashes it at the deal (node:crypto), so the browser's WebCrypto check is tested against it.
    seedHash: createHash('sha256').update(seed).digest('hex'),
    options,
    players: Array.from({ length: seats }, (_, seat) => ({ seat, name: seat === 0 ? 'Ana' : `Bot ${seat + 1}`, kind: seat === 0 ? 'human' : 'normal' })),
    moves: played.moves.map(({ seat, move }) => ({ seat, move: { ...move } })),
    scores: [...played.outcome.scores],
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_600_000,
  };
}
