import { parseTableCode } from '@deckhand/protocol';
import { useEffect, useState } from 'react';

/**
 * Two screens need no router library: `/` and `/t/CODE`. Any other path is a
 * bad link (`/t/<b>`, `/t/ABCDE/extra`, `/x`), which gets its own message
 * rather than a home page under an odd URL.
 */
export type Route =
  | { readonly screen: 'home' }
  | { readonly screen: 'table'; readonly code: string }
  | { readonly screen: 'badLink' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { screen: 'home' };
  const match = /^\/t\/([^/]+)\/?$/.exec(pathname);
  let code: string | null = null;
  try {
    code = match ? parseTableCode(decodeURIComponent(match[1]!)) : null;
  } catch {
    // A malformed escape (`/t/%E0`) is a bad link like any other.
  }
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
