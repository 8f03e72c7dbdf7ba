import { parseName, type GuestResponse } from '@deckhand/protocol';

/** A guest identity remembered on this device: no sign-up, the server signs a token for a name. */
export interface Guest {
  readonly token: string;
  readonly playerId: string;
  readonly name: string;
}

const GUEST_KEY = 'deckhand:guest';
const NAME_KEY = 'deckhand:name';
const DEVICE_KEY = 'deckhand:device';

let sessionDevice: string | null = null;

/**
 * A random id for this browser, kept in localStorage and sent when joining:
 * a host's kick keeps the device out, not only the free guest identity.
 * Without storage it lasts as long as the page.
 */
export function deviceId(): string {
  try {
    const saved = localStorage.getItem(DEVICE_KEY);
    if (saved && /^[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved;
    const fresh = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    sessionDevice ??= crypto.randomUUID();
    return sessionDevice;
  }
}

export function savedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function savedGuest(): Guest | null {
  try {
    const raw = localStorage.getItem(GUEST_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Guest>;
    if (typeof parsed.token === 'string' && typeof parsed.playerId === 'string' && typeof parsed.name === 'string') {
      return { token: parsed.token, playerId: parsed.playerId, name: parsed.name };
    }
  } catch {
    // Storage can be unavailable (private mode) or hold garbage: start over.
  }
  return null;
}

export function forgetGuest(): void {
  try {
    localStorage.removeItem(GUEST_KEY);
  } catch {
    // nothing to forget
  }
}

export class GuestError extends Error {}

/**
 * The guest identity for `name`: the saved one when the name is unchanged (so
 * a returning player keeps the same player id and gets their seat back),
 * otherwise a token from the server. A new name is a rename: the saved pass
 * goes with it, so the player id stays and with it the player's Recent games.
 * `fresh`: the saved pass was refused (a server with a new secret); start over.
 */
export async function ensureGuest(name: string, options: { fresh?: boolean } = {}): Promise<Guest> {
  const parsed = parseName(name);
  if (!parsed.ok) throw new GuestError(parsed.error.message);
  try {
    localStorage.setItem(NAME_KEY, parsed.value);
  } catch {
    // The name is only remembered when storage works.
  }
  const saved = savedGuest();
  if (!options.fresh && saved && saved.name === parsed.value) return saved;

  const response = await fetch('/api/guest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(saved && !options.fresh ? { authorization: `Bearer ${saved.token}` } : {}) },
    body: JSON.stringify({ name: parsed.value }),
  });
  if (!response.ok) {
    let message = `The server refused the name (HTTP ${response.status}).`;
    try {
      const body = (await response.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // keep the generic message
    }
    throw new GuestError(message);
  }
  const body = (await response.json()) as GuestResponse;
  const guest: Guest = { token: body.token, playerId: body.playerId, name: body.name };
  try {
    localStorage.setItem(GUEST_KEY, JSON.stringify(guest));
  } catch {
    // A guest that cannot be saved still plays this session.
  }
  return guest;
}
