import { useEffect, useState } from 'react';

/** Two screens need no router library: `/` and `/t/CODE`. */
export type Route = { readonly screen: 'home' } | { readonly screen: 'table'; readonly code: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/t\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return match ? { screen: 'table', code: match[1]!.toUpperCase() } : { screen: 'home' };
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
