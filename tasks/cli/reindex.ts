import { rebuildArticleSearchVectors } from '@/lib/news/search-index';
import { openConfiguredDatabase } from '@/db/open';

// Rebuilds the articles' search vectors after lib/search/tokenize.ts changed.
const handle = await openConfiguredDatabase();
try {
  const started = performance.now();
  const count = await rebuildArticleSearchVectors(handle.db);
  console.log(`Reindexed ${count} articles in ${Math.round(performance.now() - started)} ms (${handle.kind}).`);
} finally {
  await handle.close();
}
