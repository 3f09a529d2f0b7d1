import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser
// that signed in as a user before carries a token signed by the server naming that user and a
// random device id. Attempts from it count against that device alone, so failures elsewhere —
// an attacker guessing — cannot lock the owner out. One cookie holds the tokens of the few users
// who signed in on this browser.

export const DEVICE_COOKIE = 'portal-device';
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;
const MAX_TOKENS = 5;

type Token = { usernameKey: string; deviceId: string };

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const unb64 = (text: string) => Buffer.from(text, 'base64url').toString('utf8');

function signature(secret: string, { usernameKey, deviceId }: Token): Buffer {
  return createHmac('sha256', secret).update(`device-cookie\0${usernameKey}\0${deviceId}`).digest();
}

const encode = (secret: string, token: Token) => `${b64(token.usernameKey)}.${token.deviceId}.${signature(secret, token).toString('base64url')}`;

/** The tokens of a cookie value whose signature holds; forged or damaged ones are dropped. */
export function readDeviceTokens(secret: string, value: string | undefined): Token[] {
  if (!value || value.length > 2000) return [];
  const tokens: Token[] = [];
  for (const part of value.split('~').slice(0, MAX_TOKENS)) {
    const [user, deviceId, sig] = part.split('.');
    if (!user || !deviceId || !sig || !/^[\w-]{22}$/.test(deviceId)) continue;
    const token = { usernameKey: unb64(user), deviceId };
    const given = Buffer.from(sig, 'base64url');
    const expected = signature(secret, token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) tokens.push(token);
  }
  return tokens;
}

/** The device id this browser holds for the user, if it signed in as them before. */
export function deviceIdFor(secret: string, cookieValue: string | undefined, usernameKey: string): string | null {
  return readDeviceTokens(secret, cookieValue).find((t) => t.usernameKey === usernameKey)?.deviceId ?? null;
}

/** The cookie value after a successful sign-in: this user's token first (kept or new), then the others. */
export function withDeviceToken(secret: string, cookieValue: string | undefined, usernameKey: string): string {
  const tokens = readDeviceTokens(secret, cookieValue);
  const mine = tokens.find((t) => t.usernameKey === usernameKey) ?? { usernameKey, deviceId: randomBytes(16).toString('base64url') };
  const others = tokens.filter((t) => t.usernameKey !== usernameKey);
  return [mine, ...others].slice(0, MAX_TOKENS).map((t) => encode(secret, t)).join('~');
}

/** Reads one cookie from a Cookie header. */
export function cookieFrom(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
