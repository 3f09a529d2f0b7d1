import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { loginAttempts } from '@/db/schema/accounts';
import { cookieFrom, DEVICE_COOKIE, deviceIdFor } from './device-cookie';

// Password attempts (sign-in, and the current password when changing it) are limited with rows
// in the database, so the limits hold across app instances. Within the window:
// - a browser holding this user's device cookie has its own allowance (perDevice failures);
//   failures elsewhere never lock it, so guessing cannot lock the owner out;
// - every other browser shares the account's allowance (perAccount) and its address's (perIp).
// Attempts on one account are serialized by an advisory lock, so parallel guesses cannot slip
// past a count; the key is the normalized username, so case or spaces do not reset it.

export const LOGIN_LIMITS = { perAccount: 5, perDevice: 5, perIp: 20, windowMinutes: 15 } as const;

export type AttemptSource = {
  usernameKey: string;
  /** Validated client address, or null when unknown (then no per-address limit applies). */
  ip: string | null;
  /** The device id of a valid device cookie for this user, or null for an unknown browser. */
  deviceId: string | null;
};

/** Takes the locks for this source (until the transaction ends) and tells whether it is locked out. */
export async function isLockedOut(tx: Database, source: AttemptSource): Promise<boolean> {
  // Always username before address: a fixed order cannot deadlock.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:user:${source.usernameKey}`}))`);
  if (source.ip) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:ip:${source.ip}`}))`);

  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const failures = (where: ReturnType<typeof and>) =>
    tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)))
      .then((r) => r[0]?.n ?? 0);

  if (source.deviceId) return (await failures(eq(loginAttempts.deviceId, source.deviceId))) >= LOGIN_LIMITS.perDevice;
  const [byAccount, byIp] = await Promise.all([
    failures(and(eq(loginAttempts.usernameKey, source.usernameKey), isNull(loginAttempts.deviceId))),
    source.ip ? failures(eq(loginAttempts.ip, source.ip)) : 0,
  ]);
  return byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp;
}

export async function recordAttempt(tx: Database, source: AttemptSource, succeeded: boolean): Promise<void> {
  await tx.insert(loginAttempts).values({ usernameKey: source.usernameKey, ip: source.ip, deviceId: source.deviceId, succeeded });
}

/**
 * The source of an attempt for `usernameKey` from a request's client; the device cookie is read
 * (and the signing key loaded) only when the browser sent one.
 */
export function attemptSource(usernameKey: string, client: { ip: string | null; cookieHeader: string | null }, secret: () => string): AttemptSource {
  const cookie = cookieFrom(client.cookieHeader, DEVICE_COOKIE);
  return { usernameKey, ip: client.ip, deviceId: cookie ? deviceIdFor(secret(), cookie, usernameKey) : null };
}
