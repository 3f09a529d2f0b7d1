import { type Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, t=2), per OWASP's minimum recommendation.
// Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Usernames are compared trimmed and case-folded everywhere, including rate limits. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
