import { createHash } from 'node:crypto';

// The audit trail's hash chain: each row's hash covers its own fields and the previous row's
// hash, serialized canonically (sorted keys, ISO times), so any edit, deletion or reordering of
// stored rows changes what verification recomputes.

export const GENESIS_HASH = '0'.repeat(64);

export type ChainFields = {
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  at: Date;
  prevHash: string;
};

/** JSON with object keys sorted at every level, so equal data always serializes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(fields: ChainFields): string {
  const payload = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash('sha256').update(payload).digest('hex');
}

// Passwords and anything that is a hash, secret or token; not flags like mustChangePassword.
const SECRET_KEY = /^(password|currentPassword|newPassword|confirmPassword|hash|secret|token)$|(Hash|Secret|Token)$/;

/**
 * Makes a record safe and stable for the trail: secrets removed, dates as ISO strings, and the
 * shape JSON (and jsonb) will give back, so the hash can be recomputed from the stored row.
 */
export function auditSnapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key && SECRET_KEY.test(key) ? undefined : v)),
  );
}
