// The configuration lives in config/env.ts, below db/ and lib/, so that db/ can read its
// settings (DATABASE_URL, PGLITE_DIR, pool size, statement timeout) without importing lib/.
// Domain code keeps importing `@/lib/env`; this re-export is that door.
// Relative: next.config.ts reaches this file (through lib/media/limits.ts), and its loader
// resolves no path aliases.
export * from '../config/env';
