import { edgeActive } from '@/lib/http/edge-flag';
import { validIp } from '@/lib/http/forwarded';

/**
 * The client address for rate limits and the audit trail, or null when unknown. server.ts puts
 * the one address it resolved (socket, or trusted proxies per TRUST_PROXY_HOPS) into
 * X-Forwarded-For; outside it the header is the client's own claim and is ignored.
 */
export function clientIp(headers: Headers, trusted = edgeActive()): string | null {
  return trusted ? validIp(headers.get('x-forwarded-for')) : null;
}
