import { vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/sessions';

// What Next provides around a server action or route handler, stood in for integration tests:
// the signed-in user is whatever `session.user` holds, request headers come from 127.0.0.1, and
// the cache calls are spies. Import this module before any other (a side-effect import is
// enough): its vi.mock calls register while it runs, so every module the test file imports after
// it gets the stand-ins. Files that need other stand-ins for these modules keep their own mocks.

/** The session getCurrentUser returns; a test signs someone in by setting `user`. */
export const session = { user: null as SessionUser | null };

/** The revalidatePath spy, for tests that check which pages an action revalidated. */
export const revalidatePath = vi.fn();

vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '127.0.0.1' }) }));
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));
