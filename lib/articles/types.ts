// The article types that pages and components use: they import them from here, never from db/
// (eslint.config.mjs forbids @/db/* in app/ and components/). Type-only, so safe in client code.
export type { ArticleStatus, RevisionEvent, RichTextNode } from '@/db/schema/articles';
export type { AdminArticleList, AdminArticleRow, ArticleListTab } from './admin-list';
