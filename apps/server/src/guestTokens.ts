/**
 * Guest identity without sign-up: an HMAC-signed JWT (jose, HS256) carrying a
 * random public player id and the chosen name.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { GuestResponse } from '@deckhand/protocol';

export interface GuestIdentity {
  readonly playerId: string;
  readonly name: string;
}

const ISSUER = 'deckhand';

export interface GuestTokens {
  /** A token for `name`: under `playerId` when given (a rename keeps the player), else a new random id. */
  issue(name: string, playerId?: string): Promise<GuestResponse>;
  /** The identity in a token, or null when it is missing, forged or expired. */
  verify(token: unknown): Promise<GuestIdentity | null>;
}

export function guestTokens(secret: string, days: number): GuestTokens {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(name, kept) {
      // Public and unguessable; 12 bytes of base64url is 16 URL-safe characters.
      const playerId = kept ?? randomBytes(12).toString('base64url');
      const token = await new SignJWT({ name })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(playerId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${days}d`)
        .sign(key);
      return { token, playerId, name };
    },
    async verify(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 2048) return null;
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload['name'] !== 'string') return null;
        return { playerId: payload.sub, name: payload['name'] };
      } catch {
        return null;
      }
    },
  };
}
