import type { EditorArticle } from '@/lib/articles/queries';
import { toLocalDateTimeValue } from '@/lib/articles/schemas';
import { statusLabels } from '@/lib/articles/workflow';
import { formatDateTime } from '@/lib/format';
import type { EditorArticleProps } from './ArticleEditor';

/** What the client editor needs of an article: plain values only, no server objects. */
export function toEditorProps(a: EditorArticle): EditorArticleProps {
  const when = a.effectiveStatus === 'published' ? a.publishedAt : a.publishAt;
  return {
    id: a.id,
    version: a.version,
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    byline: a.byline,
    source: a.source,
    summary: a.summary,
    slug: a.slug,
    columnId: a.columnId,
    cover: a.cover,
    videoUrl: a.videoUrl,
    pinned: a.pinned,
    publishAtLocal: toLocalDateTimeValue(when),
    bodyJson: a.bodyJson,
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
