export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * At most `limit` hits per client within any `windowMs` (a sliding log of hit times). Refused
 * hits are not counted, so a client that keeps trying is free again one window after its
 * accepted hits. An unknown client (null) shares one bucket. At most `maxClients` are tracked;
 * the least recently seen is forgotten first.
 */
export class ClientRateLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxClients: number;
  readonly #now: () => number;

  constructor({ limit, windowMs, maxClients = 10_000, now = Date.now }: { limit: number; windowMs: number; maxClients?: number; now?: () => number }) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxClients = maxClients;
    this.#now = now;
  }

  hit(client: string | null): RateDecision {
    if (this.#limit <= 0) return { allowed: true };
    const key = client ?? 'unknown';
    const now = this.#now();
    const recent = (this.#hits.get(key) ?? []).filter((time) => time > now - this.#windowMs);
    this.#hits.delete(key);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    for (const oldest of this.#hits.keys()) {
      if (this.#hits.size <= this.#maxClients) break;
      this.#hits.delete(oldest);
    }
    return { allowed: true };
  }
}
