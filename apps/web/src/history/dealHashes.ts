/**
 * The seed hashes this device saw while games were being played, kept in
 * localStorage. The replay's deal check compares a game's revealed seed with
 * the hash the server stored; a hash this device saw at the deal shows the
 * stored one is the one that was published then, not one written afterwards.
 */
const KEY = 'deckhand:deal-hashes';
/** Plenty for months of play; the oldest drop out first. */
const KEEP = 300;

function saved(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((hash): hash is string => typeof hash === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberDealHash(hash: string): void {
  if (!/^[0-9a-f]{64}$/.test(hash)) return;
  const hashes = saved();
  if (hashes.includes(hash)) return;
  try {
    localStorage.setItem(KEY, JSON.stringify([...hashes, hash].slice(-KEEP)));
  } catch {
    // Without storage the check simply cannot say this device saw the deal.
  }
}

export function sawDealHash(hash: string): boolean {
  return saved().includes(hash.toLowerCase());
}
