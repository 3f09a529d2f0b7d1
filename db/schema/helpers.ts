import { customType, integer, timestamp } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';

// Column helpers shared by the table files (not a table: the columns table is in columns.ts).

// Shared column sets. Every table users edit carries who/when and an optimistic-lock version.
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const versioned = {
  version: integer().notNull().default(1),
};

/** Builds `col in ('a','b')` for a check constraint from a TypeScript tuple of allowed values. */
export function oneOf(column: SQL | { name: string }, values: readonly string[]): SQL {
  const list = sql.join(
    values.map((v) => sql.raw(`'${v.replace(/'/g, "''")}'`)),
    sql.raw(', '),
  );
  return sql`${column} in (${list})`;
}

/** PostgreSQL full-text vector; filled from CJK bigrams by lib/search/tokenize.ts. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
