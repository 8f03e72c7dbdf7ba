import { useEffect, useState } from 'react';

/** Host names that only this machine can open: an invite built on them reaches no friend. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

/**
 * The origin an invite link should use. A page opened on `localhost` would
 * invite friends to their own machines, so in development (the only time the
 * server answers `/api/net`) it uses this machine's first LAN address instead,
 * on the same port. Anything else (a LAN address, a domain behind a proxy)
 * is already what friends open.
 */
export async function inviteOrigin(
  page: { readonly protocol: string; readonly hostname: string; readonly port: string; readonly origin: string },
  lookUp: () => Promise<readonly string[]> = lanAddressesFromServer,
): Promise<string> {
  if (!isLoopback(page.hostname)) return page.origin;
  const [address] = await lookUp().catch(() => []);
  return address ? `${page.protocol}//${address}${page.port ? `:${page.port}` : ''}` : page.origin;
}

async function lanAddressesFromServer(): Promise<readonly string[]> {
  const response = await fetch('/api/net');
  if (!response.ok) return [];
  const body = (await response.json()) as { lanAddresses?: unknown };
  return Array.isArray(body.lanAddresses) ? body.lanAddresses.filter((item): item is string => typeof item === 'string') : [];
}

/** `inviteOrigin` for this page: its own origin at first, the LAN one once known. */
export function useInviteOrigin(): string {
  const [origin, setOrigin] = useState(location.origin);
  useEffect(() => {
    let live = true;
    void inviteOrigin(location).then((found) => live && setOrigin(found));
    return () => {
      live = false;
    };
  }, []);
  return origin;
}
