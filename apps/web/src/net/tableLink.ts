/** What a person reads for any link that leads to no table: malformed, mistyped or closed, all alike. */
export const NO_TABLE_TEXT = 'There is no open table at this link: the code may be mistyped, or the table has closed.';

export const OFFLINE_TEXT = 'Cannot reach the game server. Check your connection and try again.';

/**
 * Asks the server whether the table of an invite link is open, before its
 * visitor is asked for a name. Null when it is (or when the server's answer
 * is something else: the join then says what went wrong).
 */
export async function tableLinkProblem(code: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(`/api/tables/${encodeURIComponent(code)}`);
  } catch {
    return OFFLINE_TEXT;
  }
  return response.status === 404 ? NO_TABLE_TEXT : null;
}
