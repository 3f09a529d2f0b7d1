import type { articles } from '@/db/schema/articles';
import { cleanDoc, emptyDoc } from './body';
import { type ArticleSnapshot, type EditableField, editableFields, snapshotFields } from './editable-fields';

type Article = typeof articles.$inferSelect;

/** One field of the article as a snapshot holds it: times as ISO strings. */
function snapshotValue<F extends EditableField>(a: Article, field: F): ArticleSnapshot[F] {
  const value = a[field];
  return (value instanceof Date ? value.toISOString() : value) as ArticleSnapshot[F];
}

/** The given fields of the article, as a snapshot holds them. */
export function pickSnapshot<F extends EditableField>(a: Article, fields: readonly F[]): Pick<ArticleSnapshot, F> {
  return Object.fromEntries(fields.map((field) => [field, snapshotValue(a, field)])) as Pick<ArticleSnapshot, F>;
}

export function snapshotOf(a: Article): ArticleSnapshot {
  return pickSnapshot(a, snapshotFields);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

function readBody(raw: unknown, fallback: ArticleSnapshot['bodyJson']): ArticleSnapshot['bodyJson'] {
  try {
    return raw ? cleanDoc(raw) : fallback;
  } catch {
    return emptyDoc();
  }
}

/** A stored value of `field`, or `fallback` where an old snapshot lacks it or holds nonsense. */
function readField(raw: Record<string, unknown>, field: EditableField, fallback: unknown): unknown {
  const value = raw[field];
  switch (editableFields[field].kind) {
    case 'text':
      return str(value) ?? fallback;
    case 'optionalText':
    case 'time':
      return field in raw ? str(value) : fallback;
    case 'id':
      return int(value) ?? fallback;
    case 'optionalId':
      return field in raw ? int(value) : fallback;
    case 'flag':
      return typeof value === 'boolean' ? value : fallback;
    case 'doc':
      return readBody(value, fallback as ArticleSnapshot['bodyJson']);
  }
}

/**
 * A stored snapshot as a complete ArticleSnapshot. Older rows (e.g. imported ones) may lack
 * fields; those fall back to the article's current values so a diff or restore never breaks.
 */
export function readSnapshot(raw: Record<string, unknown>, fallback: Article): ArticleSnapshot {
  const base = snapshotOf(fallback);
  return Object.fromEntries(snapshotFields.map((field) => [field, readField(raw, field, base[field])])) as ArticleSnapshot;
}
