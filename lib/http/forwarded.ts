import { isIP } from 'node:net';

// Who sent a request, decided once at the edge of the app (server.ts) from the socket and, only
// when the operator says proxies stand in front (TRUST_PROXY_HOPS), from their forwarded headers.
// A header a client sends itself is never believed: with 0 hops every X-Forwarded-* is replaced.

/** A bare IP address (IPv4-mapped IPv6 unwrapped), or null when the text is not one. */
export function validIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[v6]:port" and "v4:port" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, '');
  return isIP(value) ? value.toLowerCase() : null;
}

export type ForwardedInput = {
  socketAddress: string | undefined;
  encrypted: boolean;
  headers: Record<string, string | string[] | undefined>;
  /** Reverse proxies in front of the app, each appending to X-Forwarded-For. */
  trustedHops: number;
};

export type Forwarded = { ip: string | null; proto: 'http' | 'https'; host: string | null };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function resolveForwarded({ socketAddress, encrypted, headers, trustedHops }: ForwardedInput): Forwarded {
  const socketProto = encrypted ? 'https' : 'http';
  if (trustedHops <= 0) return { ip: validIp(socketAddress), proto: socketProto, host: null };

  // The chain as the nearest proxy sees it: what came before, then the proxy's own peer. The
  // client is the address `trustedHops` steps left of the socket; entries further left are claims.
  const chain = [
    ...(first(headers['x-forwarded-for']) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? '',
  ];
  const ip = validIp(chain[Math.max(0, chain.length - 1 - trustedHops)]);
  // A proxy sets these to one value; anything else falls back to what the socket says.
  const forwardedProto = first(headers['x-forwarded-proto'])?.split(',').at(-1)?.trim().toLowerCase();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : socketProto;
  const forwardedHost = first(headers['x-forwarded-host'])?.split(',').at(-1)?.trim();
  return { ip, proto, host: forwardedHost && HOST.test(forwardedHost) ? forwardedHost : null };
}

/**
 * Rewrites the request's forwarded headers to the resolved values, so everything behind the edge
 * (Next.js, Auth.js, the app) reads one checked value: X-Forwarded-For holds the client IP alone.
 */
export function applyForwarded(headers: Record<string, string | string[] | undefined>, forwarded: Forwarded): void {
  for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip', 'forwarded']) delete headers[name];
  if (forwarded.ip) headers['x-forwarded-for'] = forwarded.ip;
  headers['x-forwarded-proto'] = forwarded.proto;
  if (forwarded.host) headers['x-forwarded-host'] = forwarded.host;
}
