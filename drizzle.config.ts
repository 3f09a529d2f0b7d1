import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads its own config; generate needs no database. `db:studio` uses DATABASE_URL
// or the embedded directory.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
  ...(process.env.DATABASE_URL
    ? { dbCredentials: { url: process.env.DATABASE_URL } }
    : { driver: 'pglite', dbCredentials: { url: process.env.PGLITE_DIR ?? './data/pglite' } }),
});
