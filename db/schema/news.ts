// Deprecated: the old home of the news tables, split into columns.ts, media.ts and articles.ts.
// Kept only for importers on branches merged after this split (lib/articles/commands.ts,
// components/articles/ArticleEditor.tsx); import the new files instead, then delete this one.
// Not exported from index.ts, so drizzle-kit sees each table once.
export * from './articles';
export * from './columns';
export * from './media';
