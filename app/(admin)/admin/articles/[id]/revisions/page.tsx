import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/admin/admin-ui.module.css';
import { RevisionDiff } from '@/components/articles/RevisionDiff';
import { RevisionList } from '@/components/articles/RevisionList';
import { diffSnapshots } from '@/lib/articles/diff';
import { getArticleForEditor, getRevisionSnapshots, listColumnOptions, listRevisions, type RevisionRow } from '@/lib/articles/queries';
import { parseId } from '@/lib/ids';
import { revisionEventLabels } from '@/lib/articles/workflow';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '版本记录' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const revisionLabel = (r: RevisionRow) => `${formatDateTime(r.createdAt, { seconds: true })} ${revisionEventLabels[r.event] ?? r.event}（${r.authorName ?? '未知'}）`;

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('articles.read', undefined, `/admin/articles/${rawId}/revisions`);
  const id = parseId(rawId);
  const article = id ? await getArticleForEditor(user, id) : null;
  if (!article) notFound();
  const [revisions, columns, query] = await Promise.all([listRevisions(user, article.id), listColumnOptions(), searchParams]);
  // By default: the newest revision against the one before it.
  const chosenTo = parseId(query.to) ?? revisions[0]?.id ?? null;
  const chosenFrom = parseId(query.from) ?? revisions.find((r) => r.id !== chosenTo)?.id ?? null;
  // The older revision always reads on the left, so deletions and insertions read the right way.
  const [fromId, toId] = chosenFrom && chosenTo && chosenFrom > chosenTo ? [chosenTo, chosenFrom] : [chosenFrom, chosenTo];
  const pair = fromId && toId && fromId !== toId ? await getRevisionSnapshots(user, article.id, [fromId, toId]) : null;
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const columnNames = new Map(columns.map((c) => [c.id, c.name]));
  return (
    <>
      <p>
        <Link href={`/admin/articles/${article.id}`}>← 返回编辑</Link>
      </p>
      <h1 className={styles.title}>版本记录：{article.title}</h1>
      <RevisionList
        articleId={article.id}
        articleVersion={article.version}
        revisions={revisions.map((r) => ({ id: r.id, label: revisionLabel(r), note: r.note }))}
        fromId={fromId}
        toId={toId}
        canRestore={can(user, 'articles.publish')}
      />
      {pair && fromId && toId ? (
        <RevisionDiff
          left={{ label: revisionLabel(byId.get(fromId)!) }}
          right={{ label: revisionLabel(byId.get(toId)!) }}
          diff={diffSnapshots(pair[0], pair[1], { columnName: (cid) => columnNames.get(cid) ?? `栏目 #${cid}`, mediaName: (mid) => (mid ? `图片 #${mid}` : '（无）') })}
        />
      ) : (
        <p className={styles.panel}>{revisions.length < 2 ? '这篇文章只有一个版本，暂无可对比的内容。' : '请选择两个不同的版本进行对比。'}</p>
      )}
    </>
  );
}
