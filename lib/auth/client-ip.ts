/**
 * The client address for rate limits and the audit trail: the right-most X-Forwarded-For entry,
 * which is the one our own reverse proxy (or Next.js itself, from the socket) added; entries a
 * client sends itself stand to the left of it.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get('x-real-ip') ?? 'unknown').replace(/^::ffff:/, '').slice(0, 64);
}
