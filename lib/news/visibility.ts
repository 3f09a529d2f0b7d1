import { and, inArray, lte, sql } from 'drizzle-orm';
import { articles } from '@/db/schema/articles';

/**
 * The one rule for what the public may see: published, or scheduled with its time come.
 * Scheduling sets `published_at` to the moment it goes live, so a scheduled article appears by
 * itself, with no job to flip its status, and every public query shares this predicate.
 */
export const publiclyVisible = and(
  inArray(articles.status, ['published', 'scheduled']),
  lte(articles.publishedAt, sql`now()`),
);

/** Cache tags of public news; the editorial commands revalidate the same names. */
export const newsTags = {
  all: 'news',
  columns: 'news:columns',
  column: (slug: string) => `news:column:${slug}`,
  article: (slug: string) => `news:article:${slug}`,
} as const;

/** Public pages refresh at least this often (seconds), so scheduled articles show up in time. */
export const PUBLIC_REVALIDATE_SECONDS = 60;
