import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { columns } from './columns';
import { oneOf, timestamps, tsvector, versioned } from './helpers';
import { media } from './media';

// An article and what belongs to it alone: its revisions, attachments and old slugs (all
// deleted with it). Attachments live here, not in media.ts: they reference the article, while
// articles reference media, so media.ts stays free of an import back.

/** Structured rich-text document (ProseMirror-style JSON); HTML is rendered from it. */
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

export const revisionEvents = ['create', 'save', 'submit', 'publish', 'schedule', 'return', 'archive', 'unarchive', 'restore'] as const;
export type RevisionEvent = (typeof revisionEvents)[number];

export const articleStatuses = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articles = pgTable(
  'articles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    columnId: integer()
      .notNull()
      .references(() => columns.id, { onDelete: 'restrict' }),
    kicker: text(),
    title: text().notNull(),
    subtitle: text(),
    byline: text(),
    source: text(),
    summary: text(),
    bodyJson: jsonb().$type<RichTextNode>().notNull(),
    // Rendered on the server from bodyJson through an allow-list; never user-supplied HTML.
    bodyHtml: text().notNull(),
    coverMediaId: integer().references(() => media.id, { onDelete: 'set null' }),
    videoUrl: text(),
    status: text({ enum: articleStatuses }).notNull().default('draft'),
    publishAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    pinned: boolean().notNull().default(false),
    viewCount: integer().notNull().default(0),
    reviewComment: text(),
    searchVector: tsvector().notNull().default(sql`''::tsvector`),
    // The title alone: small, so "title matches first" and related articles stay cheap.
    titleVector: tsvector().notNull().default(sql`''::tsvector`),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    // Who saved last (manual save, autosave or state change): shown in the admin list.
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    check('articles_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('articles_status_check', oneOf(t.status, articleStatuses)),
    check('articles_published_check', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
    check('articles_scheduled_check', sql`${t.status} <> 'scheduled' or ${t.publishAt} is not null`),
    index('articles_column_published_idx').on(t.columnId, t.status, t.publishedAt.desc()),
    index('articles_published_idx').on(t.status, t.publishedAt.desc()),
    index('articles_scheduled_idx').on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    // The admin list (lib/articles/admin-list.ts): every order it offers, overall, per status
    // tab and per author (an editor's own articles), so a page is an index range, not a sort.
    // Ascending on purpose: scanned backward they serve `desc, id desc` (nulls first), which an
    // index declared `desc` (nulls last) cannot. Null publication dates sort as '-infinity'.
    index('articles_updated_idx').on(t.updatedAt, t.id),
    index('articles_status_updated_idx').on(t.status, t.updatedAt, t.id),
    index('articles_author_updated_idx').on(t.authorId, t.updatedAt, t.id),
    index('articles_published_order_idx').on(sql`coalesce(${t.publishedAt}, '-infinity'::timestamptz)`, t.id),
    index('articles_status_published_order_idx').on(t.status, sql`coalesce(${t.publishedAt}, '-infinity'::timestamptz)`, t.id),
    // fastupdate off: no pending list for searches to scan; the news desk writes little.
    index('articles_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('articles_title_search_idx').using('gin', t.titleVector).with({ fastupdate: false }),
    // Newest-first reads of public articles, e.g. the common-word search path in lib/news/search.ts.
    index('articles_visible_date_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('published', 'scheduled')`),
  ],
);

/** A snapshot per manual save or state change; restore copies one back as a new revision. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    articleVersion: integer().notNull(),
    status: text({ enum: articleStatuses }).notNull(),
    // What made this revision: a manual save or a workflow step.
    event: text({ enum: revisionEvents }).notNull().default('save'),
    // Every editable field as it was: title, body, metadata.
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    note: text(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('article_revisions_article_idx').on(t.articleId, t.createdAt.desc()),
    check('article_revisions_event_check', oneOf(t.event, revisionEvents)),
  ],
);

export const attachmentKinds = ['pdf', 'docx', 'xlsx'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** Files attached to an article (notices: forms, lists, regulations), downloaded as attachments. */
export const articleAttachments = pgTable(
  'article_attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    // Key inside the storage backend; never derived from the uploaded name.
    storageKey: text().notNull(),
    // Shown and offered as the download name; the kind was checked from the content.
    originalName: text().notNull(),
    kind: text({ enum: attachmentKinds }).notNull(),
    byteSize: integer().notNull(),
    sortOrder: integer().notNull().default(0),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('article_attachments_storage_key').on(t.storageKey),
    index('article_attachments_article_idx').on(t.articleId, t.sortOrder),
    check('article_attachments_kind_check', oneOf(t.kind, attachmentKinds)),
  ],
);

/** Old slugs of articles, answered with a 301 to the current one. */
export const slugRedirects = pgTable(
  'slug_redirects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    oldSlug: text().notNull(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('slug_redirects_old_slug_key').on(t.oldSlug)],
);
