import type { RichTextNode } from '@/db/schema/articles';

/**
 * Every field an editor can change, as stored in `article_revisions.snapshot`. A revision is
 * a copy of these, so restoring one is copying them back and a diff compares two of them.
 */
export type ArticleSnapshot = {
  title: string;
  kicker: string | null;
  subtitle: string | null;
  byline: string | null;
  source: string | null;
  summary: string | null;
  slug: string;
  columnId: number;
  coverMediaId: number | null;
  videoUrl: string | null;
  pinned: boolean;
  /** ISO 8601, or null when the article has no publish time set. */
  publishAt: string | null;
  bodyJson: RichTextNode;
};

export const snapshotFieldLabels: Record<Exclude<keyof ArticleSnapshot, 'bodyJson'>, string> = {
  title: '标题',
  kicker: '引题',
  subtitle: '副题',
  byline: '作者',
  source: '来源',
  summary: '摘要',
  slug: '网址别名',
  columnId: '栏目',
  coverMediaId: '封面图',
  videoUrl: '视频地址',
  pinned: '置顶',
  publishAt: '发布时间',
};
