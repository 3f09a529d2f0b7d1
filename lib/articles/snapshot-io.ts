import type { articles } from '@/db/schema/articles';
import { cleanDoc, emptyDoc } from './body';
import type { ArticleSnapshot } from './snapshot';

type Article = typeof articles.$inferSelect;

export function snapshotOf(a: Article): ArticleSnapshot {
  return {
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    byline: a.byline,
    source: a.source,
    summary: a.summary,
    slug: a.slug,
    columnId: a.columnId,
    coverMediaId: a.coverMediaId,
    videoUrl: a.videoUrl,
    pinned: a.pinned,
    publishAt: a.publishAt?.toISOString() ?? null,
    bodyJson: a.bodyJson,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

/**
 * A stored snapshot as a complete ArticleSnapshot. Older rows (e.g. imported ones) may lack
 * fields; those fall back to the article's current values so a diff or restore never breaks.
 */
export function readSnapshot(raw: Record<string, unknown>, fallback: Article): ArticleSnapshot {
  const base = snapshotOf(fallback);
  let bodyJson = base.bodyJson;
  try {
    if (raw.bodyJson) bodyJson = cleanDoc(raw.bodyJson);
  } catch {
    bodyJson = emptyDoc();
  }
  return {
    title: str(raw.title) ?? base.title,
    kicker: 'kicker' in raw ? str(raw.kicker) : base.kicker,
    subtitle: 'subtitle' in raw ? str(raw.subtitle) : base.subtitle,
    byline: 'byline' in raw ? str(raw.byline) : base.byline,
    source: 'source' in raw ? str(raw.source) : base.source,
    summary: 'summary' in raw ? str(raw.summary) : base.summary,
    slug: str(raw.slug) ?? base.slug,
    columnId: int(raw.columnId) ?? base.columnId,
    coverMediaId: 'coverMediaId' in raw ? int(raw.coverMediaId) : base.coverMediaId,
    videoUrl: 'videoUrl' in raw ? str(raw.videoUrl) : base.videoUrl,
    pinned: typeof raw.pinned === 'boolean' ? raw.pinned : base.pinned,
    publishAt: 'publishAt' in raw ? str(raw.publishAt) : base.publishAt,
    bodyJson,
  };
}
