/**
 * The table parts of every game the web app can show. Adding a game's table
 * is its folder under `src/games/` plus one line here.
 */
import type { GameTableParts } from '../table/gameParts';
import { crazyEightsTable } from './crazy-eights/crazyEightsTable';
import { ginRummyTable } from './gin-rummy/ginRummyTable';
import { heartsTable } from './hearts/heartsTable';
import { spadesTable } from './spades/spadesTable';

const TABLES: Readonly<Record<string, GameTableParts>> = {
  hearts: heartsTable,
  'crazy-eights': crazyEightsTable,
  spades: spadesTable,
  'gin-rummy': ginRummyTable,
};

export function tablePartsOf(gameId: string): GameTableParts | undefined {
  return Object.hasOwn(TABLES, gameId) ? TABLES[gameId] : undefined;
}
