// The configuration lives in config/env.ts, below db/ and lib/, so that db/ can read its
// settings (DATABASE_URL, PGLITE_DIR, pool size, statement timeout) without importing lib/.
// Domain code keeps importing `@/lib/env`; this re-export is that door.
export * from '@/config/env';
