import type { EditorArticle } from '@/lib/articles/queries';
import { toLocalDateTimeValue } from '@/lib/articles/schemas';
import { snapshotOf } from '@/lib/articles/snapshot-io';
import { statusLabels } from '@/lib/articles/workflow';
import { formatDateTime } from '@/lib/format';
import type { EditorArticleProps } from './ArticleEditor';

/** What the client editor needs of an article: plain values only, no server objects. */
export function toEditorProps(a: EditorArticle): EditorArticleProps {
  const when = a.effectiveStatus === 'published' ? a.publishedAt : a.publishAt;
  const { coverMediaId: _coverId, publishAt: _publishAt, ...fields } = snapshotOf(a);
  return {
    ...fields,
    id: a.id,
    version: a.version,
    cover: a.cover,
    publishAtLocal: toLocalDateTimeValue(when),
    canEdit: a.canEdit,
    isDraft: a.effectiveStatus === 'draft',
    workflow: {
      articleId: a.id,
      status: a.effectiveStatus,
      statusLabel: statusLabels[a.effectiveStatus],
      allowed: a.allowed,
      reviewComment: a.reviewComment,
      publishAtText: when ? formatDateTime(when) : null,
      publicUrl: a.effectiveStatus === 'published' ? `/articles/${a.slug}` : null,
      authorName: a.authorName,
    },
  };
}
