import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { timestamps, versioned } from './helpers';

/** The image library: uploads with their responsive variants, used as covers and in bodies. */
export const media = pgTable(
  'media',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Key inside the storage backend (data directory by default).
    storageKey: text().notNull(),
    originalName: text().notNull(),
    mimeType: text().notNull(),
    byteSize: integer().notNull(),
    width: integer(),
    height: integer(),
    altText: text().notNull().default(''),
    caption: text(),
    // Responsive variants: [{ width, storageKey, mimeType, byteSize }].
    variants: jsonb().$type<{ width: number; storageKey: string; mimeType: string; byteSize: number }[]>().notNull().default([]),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  // (created_at, id): the library's keyset order, newest first (read backward).
  (t) => [uniqueIndex('media_storage_key').on(t.storageKey), index('media_created_idx').on(t.createdAt, t.id)],
);
