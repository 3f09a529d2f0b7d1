'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import formStyles from '@/components/forms/forms.module.css';
import type { ArticleStatus } from '@/lib/articles/types';
import { archiveArticleAction, publishArticleAction, returnArticleAction, submitArticleAction, unarchiveArticleAction } from '@/lib/articles/actions';
import type { Transition } from '@/lib/articles/workflow';
import { type ActionState, initialActionState } from '@/lib/actions/state';
import styles from './editor.module.css';

export type WorkflowProps = {
  articleId: number;
  status: ArticleStatus;
  statusLabel: string;
  allowed: Record<Transition, boolean>;
  reviewComment: string | null;
  /** When the article is scheduled or has a publish time set, in Beijing time. */
  publishAtText: string | null;
  publicUrl: string | null;
  authorName: string | null;
  version: () => number;
  onVersion: (version: number) => void;
  /** Saves unsaved edits first; false stops the transition. */
  beforeTransition: () => Promise<boolean>;
};

type FormAction = (state: ActionState, data: FormData) => Promise<ActionState>;

/** State, review comment and the workflow buttons the signed-in role may use. */
export function WorkflowPanel(props: WorkflowProps) {
  const { articleId, status, statusLabel, allowed, reviewComment, publishAtText, publicUrl, authorName } = props;
  const [state, setState] = useState<ActionState>(initialActionState);
  const [comment, setComment] = useState('');
  const [pending, startTransition] = useTransition();

  const run = (action: FormAction, extra: Record<string, string> = {}, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    startTransition(async () => {
      if (!(await props.beforeTransition())) {
        setState({ ok: false, message: '请先处理正文编辑区中的提示，保存成功后再操作。' });
        return;
      }
      const data = new FormData();
      data.set('id', String(articleId));
      data.set('version', String(props.version()));
      for (const [k, v] of Object.entries(extra)) data.set(k, v);
      const result = await action(initialActionState, data);
      setState(result);
      if (result.ok) {
        setComment('');
        if (result.data?.version) props.onVersion(Number(result.data.version));
      }
    });
  };

  const commentError = state.fieldErrors?.comment;
  return (
    <aside className={styles.side} aria-labelledby="workflow-title">
      <h2 id="workflow-title">发布流程</h2>
      <p>
        状态：<strong className={styles.status} data-status={status}>{statusLabel}</strong>
      </p>
      {authorName && <p className={styles.muted}>作者账号：{authorName}</p>}
      {publishAtText && <p className={styles.muted}>{status === 'scheduled' ? `定时发布：${publishAtText}` : `发布时间：${publishAtText}`}</p>}
      {reviewComment && status === 'draft' && (
        <div className={styles.reviewComment} role="note" aria-label="退回意见">
          <strong>退回意见：</strong>
          {reviewComment}
        </div>
      )}
      <p className={state.ok ? formStyles.success : formStyles.formError} role="status" aria-live="polite">
        {state.fieldErrors?.comment ? '' : (state.message ?? '')}
      </p>
      <div className={styles.buttons}>
        {allowed.submit && (
          <button type="button" className="button" disabled={pending} onClick={() => run(submitArticleAction)}>
            提交审核
          </button>
        )}
        {allowed.publish && (
          <button type="button" className="button" disabled={pending} onClick={() => run(publishArticleAction)}>
            发布
          </button>
        )}
        {allowed.archive && (
          <button type="button" className="button secondary" disabled={pending} onClick={() => run(archiveArticleAction, {}, '归档后公众将看不到这篇文章，确定归档吗？')}>
            归档
          </button>
        )}
        {allowed.unarchive && (
          <button type="button" className="button secondary" disabled={pending} onClick={() => run(unarchiveArticleAction)}>
            恢复为草稿
          </button>
        )}
      </div>
      {allowed.publish && <p className={styles.muted}>“发布”使用左侧的发布时间：留空或已过的时间立即公开，将来的时间到时自动公开。</p>}
      {allowed.return && (
        <div className={`${formStyles.field} ${styles.returnBox}`}>
          <label htmlFor="field-comment">退回意见</label>
          <textarea
            id="field-comment"
            rows={3}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? 'field-comment-error' : undefined}
          />
          {commentError && (
            <p id="field-comment-error" className={formStyles.error}>
              {commentError.join(' ')}
            </p>
          )}
          <button type="button" className="button secondary" disabled={pending} onClick={() => run(returnArticleAction, { comment })}>
            退回修改
          </button>
        </div>
      )}
      <nav aria-label="文章相关页面" className={styles.links}>
        <a href={`/admin/articles/${articleId}/preview`} target="_blank" rel="noopener">
          预览
        </a>
        <Link href={`/admin/articles/${articleId}/revisions`}>版本记录</Link>
        {publicUrl && (
          <a href={publicUrl} target="_blank" rel="noopener">
            查看公开页面
          </a>
        )}
      </nav>
    </aside>
  );
}
