import { parseFinishedGameId, parseTableCode } from '@deckhand/protocol';
import { useEffect, useState } from 'react';

/**
 * Three screens need no router library: `/`, `/t/CODE` and a finished game's
 * replay `/g/ID`. Any other path is a bad link (`/t/<b>`, `/t/ABCDE/extra`,
 * `/x`), which gets its own message rather than a home page under an odd URL;
 * a `/g/` link that cannot name a game is a bad game link.
 */
export type Route =
  | { readonly screen: 'home' }
  | { readonly screen: 'table'; readonly code: string }
  | { readonly screen: 'replay'; readonly id: string }
  | { readonly screen: 'badLink' }
  | { readonly screen: 'badGameLink' };

/** The decoded path segment, or null for a malformed escape (`%E0`). */
function segment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { screen: 'home' };
  const game = /^\/g\/(.*?)\/?$/.exec(pathname);
  if (game) {
    const id = /\//.test(game[1]!) ? null : parseFinishedGameId(segment(game[1]!) ?? '');
    return id !== null ? { screen: 'replay', id } : { screen: 'badGameLink' };
  }
  const match = /^\/t\/([^/]+)\/?$/.exec(pathname);
  // A malformed escape (`/t/%E0`) is a bad link like any other.
  const code = match ? parseTableCode(segment(match[1]!) ?? '') : null;
  return code !== null ? { screen: 'table', code } : { screen: 'badLink' };
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
