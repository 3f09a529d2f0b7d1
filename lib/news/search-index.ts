import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articles } from '@/db/schema/articles';
import { toTsvectorLiteral } from '@/lib/search/tokenize';
import { richTextToPlain } from './rich-text';

export type SearchableArticle = {
  title: string;
  kicker?: string | null;
  subtitle?: string | null;
  summary?: string | null;
  bodyText: string;
};

/**
 * The values of `articles.search_vector` (title weighs most, then kicker/subtitle/summary, then
 * body) and `articles.title_vector` (the title alone).
 */
export function articleSearchColumns(article: SearchableArticle): { searchVector: SQL; titleVector: SQL } {
  const title = { text: article.title, weight: 'A' } as const;
  const searchLiteral = toTsvectorLiteral([
    title,
    { text: [article.kicker, article.subtitle, article.summary].filter(Boolean).join('\n'), weight: 'B' },
    { text: article.bodyText, weight: 'C' },
  ]);
  return { searchVector: sql`${searchLiteral}::tsvector`, titleVector: sql`${toTsvectorLiteral([title])}::tsvector` };
}

/**
 * Recomputes every stored vector in batches; run after the tokenizer changes
 * (`npm run search:reindex`). Returns the number of articles indexed.
 */
export async function rebuildArticleSearchVectors(db: Database, { onlyMissing = false, batchSize = 500 } = {}): Promise<number> {
  let lastId = 0;
  let done = 0;
  // Rows written before a vector column existed have an empty one (migration default).
  const missing = onlyMissing ? sql`${articles.titleVector} = ''::tsvector and ${articles.title} <> ''` : undefined;
  for (;;) {
    const batch = await db
      .select({ id: articles.id, title: articles.title, kicker: articles.kicker, subtitle: articles.subtitle, summary: articles.summary, bodyJson: articles.bodyJson })
      .from(articles)
      .where(and(gt(articles.id, lastId), missing))
      .orderBy(asc(articles.id))
      .limit(batchSize);
    if (batch.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        await tx
          .update(articles)
          .set(articleSearchColumns({ ...row, bodyText: richTextToPlain(row.bodyJson) }))
          .where(eq(articles.id, row.id));
      }
    });
    lastId = batch.at(-1)!.id;
    done += batch.length;
  }
}
