// Types of shared-cache-handler.mjs (plain JavaScript: Next.js imports it outside its bundles).
export declare const CHANNEL: string;
export declare const REMOTE_REVALIDATION: unique symbol;
export declare function payloads(origin: string, tags: string[]): string[];
export declare function isPostgresUrl(url: unknown): boolean;

export type CachedValue = { kind: string; headers?: Record<string, unknown>; body?: Buffer; [key: string]: unknown } | null;
export type CacheEntry = { lastModified: number; value: CachedValue; cacheControl?: unknown };

export type SharedCache = {
  readonly origin: string;
  readonly listening: boolean;
  readonly size: number;
  readonly bytes: number;
  receive(payload: string): void;
  get(key: string, ctx?: unknown): Promise<CacheEntry | null>;
  set(key: string, value: CachedValue, ctx?: { cacheControl?: unknown; fetchCache?: boolean; tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  stop(): Promise<void>;
};

export declare function createSharedCache(options?: {
  maxBytes?: number;
  databaseUrl?: string;
  now?: () => number;
  log?: Pick<Console, 'error' | 'warn'>;
}): SharedCache;

export default class SharedCacheHandler {
  constructor(ctx?: { maxMemoryCacheSize?: number });
  get(key: string, ctx?: unknown): Promise<CacheEntry | null>;
  set(key: string, value: CachedValue, ctx?: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
