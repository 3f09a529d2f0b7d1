import path from 'node:path';
import { z } from 'zod';

// The one place that reads process.env. Everything else imports `env` (from here, or in lib/
// and above through the re-export in lib/env.ts). It sits at the top level, below db/ and lib/,
// because both need it: db/ for the database settings, lib/ for the rest.
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Longest a statement may run on PostgreSQL (server and client side); 0 disables.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  // How many distinct parameterized statements each process prepares on PostgreSQL and reuses
  // (db/prepared.ts); 0, the default for now, prepares none (docs/scale-out.md says why).
  DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).max(100_000).default(0),
  DATA_DIR: z.string().default('./data'),
  PGLITE_DIR: z.string().optional(),
  SEED_DEMO: flag,
  SITE_URL: z.string().url().default('http://localhost:3000'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The address server.ts listens on; unset, every interface. Behind a reverse proxy on the same
  // host, 127.0.0.1: with TRUST_PROXY_HOPS > 0 only the proxy may reach the app.
  BIND_HOST: z
    .string()
    .regex(/^[0-9a-fA-F.:]+$|^[a-z0-9.-]+$/i, 'BIND_HOST must be an address or a host name')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Reverse proxies in front of the app that append to X-Forwarded-For (nginx: 1). With 0 the
  // socket address is the client and every client-sent X-Forwarded-* header is ignored.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Auth.js's own setting, read by it from the environment: the portal's public address. Not
  // needed (the scheme and host come from each request, behind a proxy from its forwarded
  // headers); when set, its scheme decides the session cookie's name (lib/auth/session-token.ts).
  AUTH_URL: z.string().url('AUTH_URL must be a URL such as https://dangjian.example.cn').optional().or(z.literal('').transform(() => undefined)),
  // Its older name, which Auth.js still reads when AUTH_URL is unset.
  NEXTAUTH_URL: z.string().url('NEXTAUTH_URL must be a URL').optional().or(z.literal('').transform(() => undefined)),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  // Signed-in sessions end after this many idle hours, and after SESSION_MAX_HOURS in any case.
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(8),
  SESSION_MAX_HOURS: z.coerce.number().min(1).max(24 * 90).default(24 * 7),
  // Upload limits in megabytes: images for the media library, and notice attachments.
  MEDIA_MAX_MB: z.coerce.number().min(0.1).max(100).default(10),
  ATTACHMENT_MAX_MB: z.coerce.number().min(0.1).max(100).default(20),
  // Public search under load: results cached briefly (0 turns the cache off), at most this many
  // search pages in progress at once (others wait up to SEARCH_QUEUE_MS, then get 503), and at
  // most SEARCH_PER_MINUTE searches per client address (0 turns the limit off; beyond it, 429).
  SEARCH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  SEARCH_CACHE_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(500),
  // 1: while one search waits for the database the event loop serves other pages. On the 2-core
  // bench machine the cached article's median under 50 searching connections grew 2.0× at 1 and
  // 3.0× at 2, with the same search throughput (30 vs 32 per second).
  SEARCH_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(1),
  SEARCH_QUEUE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  SEARCH_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(30),
  // Where uploaded media live (keys are content-addressed, so a stored object never changes):
  //   MEDIA_STORAGE         local (default: files under $DATA_DIR/media) or s3.
  //   S3_BUCKET             the bucket; required with MEDIA_STORAGE=s3 and for `npm run media:migrate`.
  //   S3_REGION             default us-east-1.
  //   S3_ENDPOINT           an S3-compatible server (MinIO, Ceph, a cloud's S3 API), e.g.
  //                         http://127.0.0.1:9000; unset means AWS itself.
  //   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
  //                         both or neither; neither falls back to the SDK's usual credential
  //                         sources (instance role, ~/.aws, AWS_* variables).
  //   S3_FORCE_PATH_STYLE   1/0: path-style URLs (host/bucket/key). Default 1 when S3_ENDPOINT
  //                         is set (what most self-hosted servers need), else 0.
  //   S3_PREFIX             optional folder inside the bucket, e.g. portal/media (no slashes at
  //                         either end); objects are stored as <prefix>/<key>.
  MEDIA_STORAGE: z.enum(['local', 's3'], { message: 'MEDIA_STORAGE must be local or s3' }).default('local'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET must be a bucket name: 3–63 characters of a-z, 0-9, . and -')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'S3_REGION must look like us-east-1')
    .optional()
    .or(z.literal('').transform(() => undefined))
    .transform((v) => v ?? 'us-east-1'),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/?$/, 'S3_ENDPOINT must be an http:// or https:// origin such as http://127.0.0.1:9000')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_ACCESS_KEY_ID: z.string().optional().or(z.literal('').transform(() => undefined)),
  S3_SECRET_ACCESS_KEY: z.string().optional().or(z.literal('').transform(() => undefined)),
  S3_FORCE_PATH_STYLE: z
    .enum(['0', '1', 'true', 'false', ''], { message: 'S3_FORCE_PATH_STYLE must be 1 or 0' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true')),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'S3_PREFIX must be folder names joined by / (no slash at either end)')
    .refine((v) => !v.split('/').some((segment) => segment === '.' || segment === '..'), 'S3_PREFIX must not contain . or .. folders')
    .optional()
    .or(z.literal('').transform(() => undefined)),
}).superRefine((value, context) => {
  if (value.MEDIA_STORAGE === 's3' && !value.S3_BUCKET)
    context.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'S3_BUCKET is required when MEDIA_STORAGE=s3' });
  if (!value.S3_ACCESS_KEY_ID !== !value.S3_SECRET_ACCESS_KEY)
    context.addIssue({ code: 'custom', path: [value.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither' });
});

export type Env = Omit<z.infer<typeof schema>, 'S3_FORCE_PATH_STYLE'> & { S3_FORCE_PATH_STYLE: boolean; pgliteDir: string; dataDir: string };

/** Exported for its tests; the app uses `env` below. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Runtime paths chosen by the operator: keep the bundler from tracing them.
  const dataDir = path.resolve(/* turbopackIgnore: true */ parsed.data.DATA_DIR);
  const pgliteDir = path.resolve(/* turbopackIgnore: true */ parsed.data.PGLITE_DIR ?? path.join(dataDir, 'pglite'));
  const S3_FORCE_PATH_STYLE = parsed.data.S3_FORCE_PATH_STYLE ?? parsed.data.S3_ENDPOINT !== undefined;
  return { ...parsed.data, S3_FORCE_PATH_STYLE, dataDir, pgliteDir };
}

export const env: Env = parseEnv(process.env);

export const isBuildPhase = () => env.NEXT_PHASE === 'phase-production-build';
