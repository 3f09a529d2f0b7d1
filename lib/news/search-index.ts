import { asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articles } from '@/db/schema/news';
import { toTsvectorLiteral } from '@/lib/search/tokenize';
import { richTextToPlain } from './rich-text';

export type SearchableArticle = {
  title: string;
  kicker?: string | null;
  subtitle?: string | null;
  summary?: string | null;
  bodyText: string;
};

/** The value of `articles.search_vector`: title weighs most, then kicker/subtitle/summary, then body. */
export function articleSearchVector(article: SearchableArticle): SQL {
  const literal = toTsvectorLiteral([
    { text: article.title, weight: 'A' },
    { text: [article.kicker, article.subtitle, article.summary].filter(Boolean).join('\n'), weight: 'B' },
    { text: article.bodyText, weight: 'C' },
  ]);
  return sql`${literal}::tsvector`;
}

/**
 * Recomputes every stored vector in batches; run after the tokenizer changes
 * (`npm run search:reindex`). Returns the number of articles indexed.
 */
export async function rebuildArticleSearchVectors(db: Database, batchSize = 500): Promise<number> {
  let lastId = 0;
  let done = 0;
  for (;;) {
    const batch = await db
      .select({ id: articles.id, title: articles.title, kicker: articles.kicker, subtitle: articles.subtitle, summary: articles.summary, bodyJson: articles.bodyJson })
      .from(articles)
      .where(gt(articles.id, lastId))
      .orderBy(asc(articles.id))
      .limit(batchSize);
    if (batch.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        await tx
          .update(articles)
          .set({ searchVector: articleSearchVector({ ...row, bodyText: richTextToPlain(row.bodyJson) }) })
          .where(eq(articles.id, row.id));
      }
    });
    lastId = batch.at(-1)!.id;
    done += batch.length;
  }
}
