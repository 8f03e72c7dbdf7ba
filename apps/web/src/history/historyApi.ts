/**
 * The server's finished games: the guest's recent games (their token as a
 * Bearer header) and one game by its link. Answers are checked against the
 * protocol's schemas; every failure becomes one sentence for the page.
 */
import { FinishedGameSchema, RecentGamesResponseSchema, type FinishedGame, type RecentGame } from '@deckhand/protocol';
import * as v from 'valibot';
import { OFFLINE_TEXT } from '../net/tableLink';
import { NO_GAME_TEXT } from './gameLinks';

export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: boolean; readonly text: string };

async function fetchJson<T>(url: string, schema: v.GenericSchema<unknown, T>, init?: RequestInit): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, missing: false, text: OFFLINE_TEXT };
  }
  if (response.status === 404 || response.status === 400) return { ok: false, missing: true, text: NO_GAME_TEXT };
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // an answer that is not JSON (a proxy's error page) is said below
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    return { ok: false, missing: false, text: typeof message === 'string' ? message : `The server answered HTTP ${response.status}.` };
  }
  const parsed = v.safeParse(schema, body);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, missing: false, text: 'The server sent a game this page cannot read. Reload the page.' };
}

export function fetchFinishedGame(id: string): Promise<Fetched<FinishedGame>> {
  return fetchJson(`/api/games/${encodeURIComponent(id)}`, FinishedGameSchema);
}

export async function fetchRecentGames(token: string): Promise<Fetched<readonly RecentGame[]>> {
  const answer = await fetchJson('/api/history', RecentGamesResponseSchema, { headers: { authorization: `Bearer ${token}` } });
  return answer.ok ? { ok: true, value: answer.value.games } : answer;
}
