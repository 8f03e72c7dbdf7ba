import type { AnyGame, Seat } from './game';

/**
 * The sides of a table: the game's partnerships (`teams`), or one side per
 * seat in a game where everyone plays for themselves. Results of a game of
 * partners are read per side, since partners carry the same score.
 */
export function sidesOf(game: Pick<AnyGame, 'teams'>, seats: number): readonly (readonly Seat[])[] {
  const teams = game.teams?.(seats);
  if (teams && teams.length > 0) return teams;
  return Array.from({ length: seats }, (_, seat) => [seat]);
}
