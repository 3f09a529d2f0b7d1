import { decode } from 'next-auth/jwt';
import { env } from '@/lib/env';

// The session cookie is an Auth.js JWE that names a server-side session (`sid`). Asking Auth.js
// for it (`auth()`) runs its whole session endpoint on every page: a Request, HKDF key
// derivation, AES decryption, HMAC, then a fresh token encrypted for a Set-Cookie that a server
// component throws away — about a seventh of a signed-in admin page's main-thread time, plus
// crypto work on the thread pool. A sitting sends the same cookie on every request, so its sid
// is decoded once and remembered until the token's own expiry. This does not weaken sign-out,
// idle expiry or deactivation: the database row is checked on every request
// (lib/auth/sessions.ts); the token only says which row.

/** The cookie Auth.js reads for this request: the `__Secure-` name on https, as it decides. */
export function sessionCookieName(forwardedProto: string | null, authUrl = env.AUTH_URL ?? env.NEXTAUTH_URL): string {
  // Auth.js (createActionURL) takes the scheme from AUTH_URL when set, else from the
  // forwarded scheme (server.ts always sets it), and assumes https when there is none.
  const scheme = authUrl ? new URL(authUrl).protocol : `${(forwardedProto ?? 'https').replace(/:$/, '')}:`;
  return scheme === 'https:' ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

type Remembered = { sid: string | null; expiresAtMs: number };

/** Enough for every signed-in person of a city at once; the oldest is forgotten first. */
const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, Remembered>();

/**
 * The session id carried by a session cookie's value, or null when the token is forged, expired
 * or carries none. Undecodable tokens are not remembered (anyone can send those).
 */
export async function sessionIdFromToken(token: string, secret: string | string[], cookieName: string, now = Date.now()): Promise<string | null> {
  // The cookie name is the key's salt: the same value under the other name is another token.
  const key = `${cookieName}\n${token}`;
  const hit = remembered.get(key);
  if (hit) {
    remembered.delete(key);
    if (hit.expiresAtMs <= now) return null;
    remembered.set(key, hit);
    return hit.sid;
  }
  let payload: { exp?: unknown; sid?: unknown } | null;
  try {
    payload = await decode({ token, secret, salt: cookieName });
  } catch {
    return null;
  }
  if (!payload || typeof payload.exp !== 'number') return null;
  const sid = typeof payload.sid === 'string' ? payload.sid : null;
  remembered.set(key, { sid, expiresAtMs: payload.exp * 1000 });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return sid;
}

/** For tests: how many tokens are remembered, and a way to forget them. */
export const rememberedTokens = { size: () => remembered.size, clear: () => remembered.clear() };
