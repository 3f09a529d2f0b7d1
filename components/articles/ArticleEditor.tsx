'use client';

import type { Editor } from '@tiptap/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Field } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { MediaPicker } from '@/components/media/MediaPicker';
import type { RichTextNode } from '@/lib/articles/types';
import { autosaveArticleAction, createArticleAction, saveArticleAction } from '@/lib/articles/actions';
import type { ArticleSnapshot } from '@/lib/articles/editable-fields';
import { type ActionState, initialActionState } from '@/lib/actions/state';
import type { PickedMedia } from '@/lib/media/types';
import { RichTextEditor } from './RichTextEditor';
import { type SaveKind, useAutosave } from './use-autosave';
import { useLeaveWarning } from './use-leave-warning';
import { WorkflowPanel, type WorkflowProps } from './WorkflowPanel';
import styles from './editor.module.css';

/** The snapshot fields, with the cover resolved and the publish time as the input shows it. */
export type EditorArticleProps = Omit<ArticleSnapshot, 'coverMediaId' | 'publishAt'> & {
  id: number;
  version: number;
  cover: { id: number; url: string; alt: string } | null;
  publishAtLocal: string;
  canEdit: boolean;
  isDraft: boolean;
  workflow: Omit<WorkflowProps, 'version' | 'beforeTransition' | 'onVersion'>;
};

type ColumnOption = { id: number; name: string; visible: boolean };

/** The article form: fields, body, autosave of drafts, stale-save handling, workflow buttons. */
export function ArticleEditor({ article, columns, emptyBody }: { article: EditorArticleProps | null; columns: ColumnOption[]; emptyBody: RichTextNode }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const versionRef = useRef(article?.version ?? 0);
  const [state, setState] = useState<ActionState>(initialActionState);
  const [conflict, setConflict] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const [cover, setCover] = useState(article?.cover ?? null);
  const [pickingCover, setPickingCover] = useState(false);
  const canEdit = article ? article.canEdit : true;
  const errors = state.fieldErrors ?? {};

  // A save elsewhere on the page (workflow buttons, a refresh) may bring a newer version.
  useEffect(() => {
    if (article) versionRef.current = Math.max(versionRef.current, article.version);
  }, [article]);

  // `false`: without it Tiptap emits an update, which would mark the article changed on open
  // (leave warning, and an autosave that bumps the version under a co-editor).
  useEffect(() => {
    editorRef.current?.setEditable(canEdit, false);
  }, [canEdit]);

  const collect = () => {
    const data = new FormData(formRef.current!);
    data.set('bodyJson', JSON.stringify(editorRef.current?.getJSON() ?? emptyBody));
    if (article) data.set('version', String(versionRef.current));
    return data;
  };

  const send = (kind: SaveKind) => {
    const action = !article ? createArticleAction : kind === 'autosave' ? autosaveArticleAction : saveArticleAction;
    return action(initialActionState, collect());
  };

  const onResult = (kind: SaveKind, result: ActionState) => {
    if (result.ok) {
      if (result.data?.version) versionRef.current = Number(result.data.version);
      setConflict(null);
      if (kind === 'save') setState(result);
      return;
    }
    if (result.data?.conflict === 'version') setConflict(result);
    if (kind === 'save' || result.data?.conflict === 'version') setState(result);
  };

  // Drafts save themselves a few seconds after the last change, into the same draft.
  const { dirty, status: autoStatus, markChanged, save } = useAutosave({ enabled: !!article?.isDraft && canEdit && !conflict, leavesOnSave: !article, send, onResult });

  useLeaveWarning(dirty);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      await save('save');
    });
  };

  const overwrite = () => {
    if (!conflict?.data?.currentVersion) return;
    versionRef.current = Number(conflict.data.currentVersion);
    startTransition(async () => {
      await save('save');
    });
  };

  const chooseCover = (media: PickedMedia) => {
    setCover({ id: media.id, url: media.url, alt: media.alt });
    setPickingCover(false);
    markChanged();
  };

  const statusLine = pending ? '正在保存…' : dirty ? '有未保存的修改' : autoStatus || (article ? '已保存' : '尚未保存');

  return (
    <div className={styles.layout}>
      <form ref={formRef} onSubmit={onSubmit} onInput={markChanged} className={`${formStyles.form} ${styles.main}`} noValidate aria-describedby="editor-status">
        {article && <input type="hidden" name="id" value={article.id} />}
        <input type="hidden" name="coverMediaId" value={cover?.id ?? ''} />
        <fieldset disabled={!canEdit} className={styles.fields}>
          <legend className="visually-hidden">文章内容</legend>
          <Field name="kicker" label="引题" defaultValue={article?.kicker ?? ''} errors={errors.kicker} maxLength={100} />
          <Field name="title" label="标题" required defaultValue={article?.title ?? ''} errors={errors.title} maxLength={100} />
          <Field name="subtitle" label="副题" defaultValue={article?.subtitle ?? ''} errors={errors.subtitle} maxLength={100} />
          <div className={styles.row}>
            <Field name="byline" label="作者" defaultValue={article?.byline ?? ''} errors={errors.byline} hint="例如：记者 王晓明" maxLength={60} />
            <Field name="source" label="来源" defaultValue={article?.source ?? ''} errors={errors.source} maxLength={60} />
          </div>
          <div className={styles.row}>
            <Field name="columnId" label="栏目" errors={errors.columnId}>
              <select id="field-columnId" name="columnId" defaultValue={article?.columnId ?? ''} required aria-invalid={errors.columnId ? true : undefined} aria-describedby={errors.columnId ? 'field-columnId-error' : undefined}>
                <option value="">请选择栏目</option>
                {columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.visible ? '' : '（已隐藏）'}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="publishAt" label="发布时间" type="datetime-local" defaultValue={article?.publishAtLocal ?? ''} errors={errors.publishAt} hint="北京时间。留空则发布时立即公开；填写将来的时间则到时自动公开。" />
          </div>
          <Field name="summary" label="摘要" errors={errors.summary} hint="不超过 300 字，用于列表、搜索结果和分享。">
            <textarea id="field-summary" name="summary" rows={3} maxLength={300} defaultValue={article?.summary ?? ''} aria-invalid={errors.summary ? true : undefined} aria-describedby={errors.summary ? 'field-summary-hint field-summary-error' : 'field-summary-hint'} />
          </Field>
          <div className={formStyles.field}>
            <span id="body-label" className={styles.label}>
              正文
            </span>
            <RichTextEditor
              initial={article?.bodyJson ?? emptyBody}
              labelId="body-label"
              invalid={!!errors.bodyJson}
              describedBy={errors.bodyJson ? 'field-bodyJson-error' : undefined}
              onChange={markChanged}
              onReady={(editor) => {
                editorRef.current = editor;
                editor.setEditable(canEdit, false);
              }}
            />
            {errors.bodyJson && (
              <p id="field-bodyJson-error" className={formStyles.error}>
                {errors.bodyJson.join(' ')}
              </p>
            )}
          </div>
          <div className={formStyles.field}>
            <span className={styles.label} id="cover-label">
              封面图
            </span>
            <div className={styles.cover} role="group" aria-labelledby="cover-label">
              {cover ? (
                // eslint-disable-next-line @next/next/no-img-element -- a thumbnail of a library image
                <img src={cover.url} alt={cover.alt} className={styles.thumb} />
              ) : (
                <span className={styles.muted}>未选择</span>
              )}
              <button type="button" className="button secondary" onClick={() => setPickingCover(true)}>
                {cover ? '更换封面图' : '选择封面图'}
              </button>
              {cover && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    setCover(null);
                    markChanged();
                  }}
                >
                  移除封面图
                </button>
              )}
            </div>
            {errors.coverMediaId && <p className={formStyles.error}>{errors.coverMediaId.join(' ')}</p>}
          </div>
          <div className={styles.row}>
            <Field name="slug" label="网址别名" defaultValue={article?.slug ?? ''} errors={errors.slug} hint="留空自动生成；只能用小写字母、数字和连字符。已发布文章改名后，旧网址自动跳转。" maxLength={120} autoCapitalize="off" spellCheck={false} />
            <Field name="videoUrl" label="视频地址" defaultValue={article?.videoUrl ?? ''} errors={errors.videoUrl} hint="可选，https:// 开头或本站路径。" maxLength={500} />
          </div>
          <label className={styles.check}>
            <input type="checkbox" name="pinned" defaultChecked={article?.pinned ?? false} /> 置顶到首页头条
          </label>
        </fieldset>

        {conflict && (
          <div className={styles.conflict} role="alert">
            <p>{conflict.message}</p>
            <p className={styles.conflictActions}>
              {article && (
                <Link href={`/admin/articles/${article.id}/revisions`} target="_blank" rel="noopener">
                  查看对方的修改（新窗口）
                </Link>
              )}
              <button type="button" className="button secondary" onClick={overwrite}>
                用我的内容覆盖保存
              </button>
            </p>
            <p className={styles.muted}>覆盖保存后，对方的版本仍保留在版本记录中，可随时恢复。</p>
          </div>
        )}

        <div className={styles.footer}>
          <p className={state.ok || !state.message ? formStyles.success : formStyles.formError} role="status" aria-live="polite">
            {conflict ? '' : (state.message ?? '')}
          </p>
          <p id="editor-status" className={styles.saveState} aria-live="polite">
            {statusLine}
          </p>
          {canEdit && (
            <button type="submit" className="button" disabled={pending}>
              {pending ? '正在保存…' : '保存'}
            </button>
          )}
        </div>
      </form>

      {article && (
        <WorkflowPanel
          {...article.workflow}
          version={() => versionRef.current}
          onVersion={(v) => {
            versionRef.current = v;
            router.refresh();
          }}
          beforeTransition={async () => (dirty && canEdit ? save('save') : true)}
        />
      )}
      <MediaPicker open={pickingCover} onClose={() => setPickingCover(false)} onSelect={chooseCover} />
    </div>
  );
}
