/**
 * The server's finished games: the guest's recent games (their token as a
 * Bearer header) and one game by its link. Answers are checked against the
 * protocol's schemas; every failure becomes one sentence for the page.
 */
import { FinishedGameSchema, RecentGamesResponseSchema, type FinishedGame, type RecentGame } from '@deckhand/protocol';
import * as v from 'valibot';
import { OFFLINE_TEXT } from '../net/tableLink';
import { NO_GAME_TEXT } from './gameLinks';

export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly text: string };

/** Fetches and checks a JSON answer; `refusals` words the statuses the caller expects, by status. */
async function fetchJson<T>(
  url: string,
  schema: v.GenericSchema<unknown, T>,
  refusals: Readonly<Record<number, string>>,
  init?: RequestInit,
): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, text: OFFLINE_TEXT };
  }
  const refused = refusals[response.status];
  if (refused !== undefined) return { ok: false, text: refused };
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // an answer that is not JSON (a proxy's error page) is said below
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    return { ok: false, text: typeof message === 'string' ? message : `The server answered HTTP ${response.status}.` };
  }
  const parsed = v.safeParse(schema, body);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, text: 'The server sent an answer this page cannot read. Reload the page.' };
}

export function fetchFinishedGame(id: string): Promise<Fetched<FinishedGame>> {
  return fetchJson(`/api/games/${encodeURIComponent(id)}`, FinishedGameSchema, { 400: NO_GAME_TEXT, 404: NO_GAME_TEXT });
}

/** A guest pass the server does not accept (its secret changed): games finished from now on will show. */
export const UNKNOWN_GUEST_TEXT = 'This server does not know this device\'s guest pass any more: games you finish from now on show up here.';

export async function fetchRecentGames(token: string): Promise<Fetched<readonly RecentGame[]>> {
  const answer = await fetchJson('/api/history', RecentGamesResponseSchema, { 401: UNKNOWN_GUEST_TEXT }, {
    headers: { authorization: `Bearer ${token}` },
  });
  return answer.ok ? { ok: true, value: answer.value.games } : answer;
}
