import { sql, type SQL } from 'drizzle-orm';
import { toTsvectorLiteral } from '@/lib/search/tokenize';

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
