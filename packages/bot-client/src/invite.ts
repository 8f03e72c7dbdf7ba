import { parseTableCode } from '@deckhand/protocol';

/**
 * The server and table code in an invite link (`http://host:5173/t/BCDFG`,
 * what the host copies from the lobby), or null when the text is not one.
 * The web app's origin works as the server's: it forwards the API and the
 * table sockets.
 */
export function parseInvite(link: string): { url: string; code: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return null;
  }
  const match = /\/t\/([^/?#]+)/.exec(parsed.pathname);
  const code = match ? parseTableCode(decodeURIComponent(match[1]!)) : null;
  return code ? { url: parsed.origin, code } : null;
}
