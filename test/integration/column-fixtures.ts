import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { columns } from '@/db/schema/columns';

// Column rows for the column-administration and permission tests, written straight through Drizzle.

export async function columnRow(db: Database, slug: string) {
  const [row] = await db.select().from(columns).where(eq(columns.slug, slug));
  if (!row) throw new Error(`no column ${slug}`);
  return row;
}

export async function insertColumn(db: Database, values: { slug: string; name?: string; visible?: boolean; sortOrder?: number }) {
  const [row] = await db
    .insert(columns)
    .values({ name: values.slug.slice(0, 20), sortOrder: 1000, ...values })
    .returning();
  return row!;
}

/** Every column's slug in navigation order. */
export async function columnOrder(db: Database): Promise<string[]> {
  const rows = await db.select({ slug: columns.slug }).from(columns).orderBy(asc(columns.sortOrder), asc(columns.id));
  return rows.map((r) => r.slug);
}
