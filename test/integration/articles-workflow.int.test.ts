// First: the stand-ins it registers must be in place before the modules below are imported.
import { revalidatePath, session } from './setup/request-mocks';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articles, slugRedirects } from '@/db/schema/articles';
import {
  archiveArticleAction,
  autosaveArticleAction,
  createArticleAction,
  publishArticleAction,
  restoreRevisionAction,
  returnArticleAction,
  saveArticleAction,
  submitArticleAction,
  unarchiveArticleAction,
} from '@/lib/articles/actions';
import { listAdminArticles } from '@/lib/articles/admin-list';
import { getArticleForEditor } from '@/lib/articles/queries';
import type { SessionUser } from '@/lib/auth/sessions';
import { findSlugRedirect, findVisibleArticle } from '@/lib/news/article-queries';
import { listLatestByColumn } from '@/lib/news/queries';
import { articleById, articleIn, docJson, editorForm, revisionsOf } from './article-fixtures';
import { auditRowsAfter, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { columnIdOf } from './news-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The editorial workflow through the real server actions: who may do which step, what each
// step stores (revisions, audit rows, public visibility), stale saves and restores.

const db = withDemoDatabase();
let admin: SessionUser;
let editor: SessionUser;
let otherEditor: SessionUser;
let workNews: number;

beforeAll(async () => {
  admin = await signedIn(db.db, 'admin');
  editor = await signedIn(db.db, 'editor');
  const { addUser } = await import('./auth-fixtures');
  await addUser(db.db, { username: 'editor-two', role: 'editor', displayName: '李编辑' });
  otherEditor = await signedIn(db.db, 'editor-two');
  workNews = await columnIdOf(db.db, 'work-news');
});
beforeEach(() => revalidatePath.mockClear());

const as = (user: SessionUser) => {
  session.user = user;
};
const revalidated = () => revalidatePath.mock.calls.map((c) => c[0] as string);

describe('writing', () => {
  it('an editor creates a draft: a revision, an audit row, a generated ASCII slug', async () => {
    as(editor);
    const last = await lastAuditId(db.db);
    const outcome = await submit(createArticleAction, form({ title: '机关党员志愿服务周活动启动', columnId: workNews, bodyJson: docJson('本周起，机关各支部开展志愿服务。') }));
    expect(outcome.kind).toBe('redirect');
    const id = Number((outcome as { url: string }).url.match(/\/admin\/articles\/(\d+)/)![1]);
    const row = await articleById(db.db, id);
    expect(row).toMatchObject({ status: 'draft', authorId: editor.id, version: 1, title: '机关党员志愿服务周活动启动' });
    expect(row.slug).toMatch(/^\d{8}-[0-9a-f]{8}$/);
    expect((await revisionsOf(db.db, id)).map((r) => r.event)).toEqual(['create']);
    expect((await auditRowsAfter(db.db, last)).map((r) => r.action)).toEqual(['article.create']);
    // A draft is nobody's business outside the desk: no public page was touched.
    expect(revalidated().some((p) => p.startsWith('/articles/'))).toBe(false);
  });

  it('refuses bad fields with Chinese messages beside them and keeps the values', async () => {
    as(editor);
    const state = await stateOf(createArticleAction, form({ title: '  ', columnId: '', slug: 'Bad Slug!', publishAt: '明天', videoUrl: 'javascript:alert(1)', bodyJson: '{not json' }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toMatchObject({
      title: ['请填写标题。'],
      columnId: [expect.stringContaining('栏目')],
      slug: [expect.stringContaining('小写字母')],
      publishAt: [expect.stringContaining('发布时间')],
      videoUrl: [expect.stringContaining('https://')],
      bodyJson: [expect.stringContaining('正文')],
    });
    expect(state.values).toMatchObject({ slug: 'Bad Slug!', publishAt: '明天' });
  });

  it('a taken slug is a field error, also when it is an old slug of another article', async () => {
    as(admin);
    const other = await articleIn(db.db, { status: 'published', authorId: editor.id });
    await db.db.insert(slugRedirects).values({ oldSlug: 'retired-address', articleId: other.id });
    for (const slug of [other.slug, 'retired-address']) {
      const state = await stateOf(createArticleAction, form({ title: '重名测试', columnId: workNews, slug, bodyJson: docJson('正文') }));
      expect(state.fieldErrors?.slug).toEqual(['该网址别名已被其他文章使用，请换一个。']);
    }
  });

  it('stores a clean body: scripts, handlers and javascript: links never reach the HTML', async () => {
    as(editor);
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1, onclick: 'x()' }, content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '点此', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'script' }] }] },
        { type: 'script', content: [{ type: 'text', text: 'alert(2)' }] },
        { type: 'image', attrs: { src: 'x', alt: '"><img src=x onerror=alert(3)>', onerror: 'alert(4)' } },
        { type: 'image', attrs: { src: 'data:text/html,<script>alert(5)</script>', alt: 'data' } },
        { type: 'text', text: '游离的文字' },
        { type: 'bulletList', content: [{ type: 'paragraph', content: [{ type: 'text', text: '不在列表项里的段落' }] }] },
      ],
    };
    const outcome = await submit(createArticleAction, form({ title: '<img src=x onerror=alert(6)>', columnId: workNews, bodyJson: JSON.stringify(body) }));
    const id = Number((outcome as { url: string }).url.match(/(\d+)/)![1]);
    const row = await articleById(db.db, id);
    expect(row.title).toBe('<img src=x onerror=alert(6)>'); // stored as text; React escapes it
    expect(row.bodyHtml).not.toMatch(/<script|onerror=|onclick|javascript:|data:text/i);
    expect(row.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row.bodyHtml).toContain('<h2>');
    expect(row.bodyHtml).toContain('<p>游离的文字</p>');
    expect(row.bodyHtml).toContain('<ul><li><p>不在列表项里的段落</p></li></ul>');
    expect(JSON.stringify(row.bodyJson)).not.toMatch(/onclick|onerror"|javascript:|"script"/);
  });

  it('an editor saves their own draft but not someone else’s', async () => {
    const mine = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    as(editor);
    const saved = await stateOf(saveArticleAction, form(editorForm(mine, { title: '修改后的标题' })));
    expect(saved).toMatchObject({ ok: true, data: { version: '2' } });
    expect((await revisionsOf(db.db, mine.id)).map((r) => r.event)).toEqual(['create', 'save']);

    as(otherEditor);
    const refused = await stateOf(saveArticleAction, form(editorForm(await articleById(db.db, mine.id), { title: '别人的修改' })));
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect((await articleById(db.db, mine.id)).title).toBe('修改后的标题');
    expect(await getArticleForEditor(otherEditor, mine.id)).toBeNull();
  });

  it('autosave overwrites the draft without a revision, and audits once per stretch', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    as(editor);
    const last = await lastAuditId(db.db);
    let version = draft.version;
    for (const text of ['第一稿', '第二稿', '第三稿']) {
      const state = await stateOf(autosaveArticleAction, form(editorForm(await articleById(db.db, draft.id), { version, bodyJson: docJson(text) })));
      expect(state.ok, state.message).toBe(true);
      version = Number(state.data!.version);
    }
    const row = await articleById(db.db, draft.id);
    expect(row.bodyHtml).toBe('<p>第三稿</p>');
    expect(row.version).toBe(draft.version + 3);
    expect((await revisionsOf(db.db, draft.id)).map((r) => r.event)).toEqual(['create']);
    expect((await auditRowsAfter(db.db, last)).map((r) => r.action)).toEqual(['article.autosave']);

    // The next manual save first keeps the autosaved text as its own revision.
    await stateOf(saveArticleAction, form(editorForm(row, { bodyJson: docJson('定稿') })));
    const revisions = await revisionsOf(db.db, draft.id);
    expect(revisions.map((r) => [r.event, r.note])).toEqual([['create', null], ['save', '自动保存的内容'], ['save', null]]);
  });

  it('a submitted article no longer autosaves or accepts the editor’s edits', async () => {
    const inReview = await articleIn(db.db, { status: 'in_review', authorId: editor.id });
    as(editor);
    expect(await stateOf(autosaveArticleAction, form(editorForm(inReview)))).toMatchObject({ ok: false, status: 409 });
    expect(await stateOf(saveArticleAction, form(editorForm(inReview, { title: '偷偷改' })))).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('待审核') });
  });
});

describe('stale saves', () => {
  it('the second of two saves from the same version is refused, names who saved, and changes nothing', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    as(editor);
    expect((await stateOf(saveArticleAction, form(editorForm(draft, { title: '编辑的版本' })))).ok).toBe(true);
    as(admin);
    const refused = await stateOf(saveArticleAction, form(editorForm(draft, { title: '管理员的版本' })));
    expect(refused).toMatchObject({ ok: false, status: 409, data: { conflict: 'version', currentVersion: String(draft.version + 1), loadedVersion: String(draft.version) } });
    expect(refused.message).toContain('保存未成功');
    expect(refused.message).toContain('内容仍保留');
    expect(refused.values?.title).toBe('管理员的版本');
    expect((await articleById(db.db, draft.id)).title).toBe('编辑的版本');

    // Overwriting deliberately (with the version now current) works; both texts are in history.
    const overwrite = await stateOf(saveArticleAction, form(editorForm(draft, { version: draft.version + 1, title: '管理员的版本' })));
    expect(overwrite.ok).toBe(true);
    const titles = (await revisionsOf(db.db, draft.id)).map((r) => (r.snapshot as { title: string }).title);
    expect(titles).toEqual(expect.arrayContaining(['编辑的版本', '管理员的版本']));
  });

  it('a workflow step on a stale version is refused too', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    as(editor);
    await stateOf(saveArticleAction, form(editorForm(draft, { title: '新标题' })));
    expect(await stateOf(submitArticleAction, form({ id: draft.id, version: draft.version }))).toMatchObject({ ok: false, status: 409 });
    expect((await articleById(db.db, draft.id)).status).toBe('draft');
  });
});

describe('review and publishing', () => {
  it('draft → submit → return with comment → resubmit → publish, each step a revision and an audit row', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id, title: '审核流程测试文章' });
    const last = await lastAuditId(db.db);
    as(editor);
    let state = await stateOf(submitArticleAction, form({ id: draft.id, version: draft.version }));
    expect(state).toMatchObject({ ok: true, data: { status: 'in_review' } });

    // An editor crafting the publish request by hand is refused; nothing changes.
    expect(await stateOf(publishArticleAction, form({ id: draft.id, version: Number(state.data!.version) }))).toMatchObject({ ok: false, status: 403 });
    expect((await articleById(db.db, draft.id)).status).toBe('in_review');

    as(admin);
    expect((await stateOf(returnArticleAction, form({ id: draft.id, version: Number(state.data!.version), comment: '' }))).fieldErrors?.comment).toEqual(['请填写退回意见（至少 2 个字）。']);
    state = await stateOf(returnArticleAction, form({ id: draft.id, version: Number(state.data!.version), comment: '请补充活动照片和参加人数。' }));
    expect(state).toMatchObject({ ok: true, data: { status: 'draft' } });
    expect((await articleById(db.db, draft.id)).reviewComment).toBe('请补充活动照片和参加人数。');

    as(editor);
    state = await stateOf(submitArticleAction, form({ id: draft.id, version: Number(state.data!.version) }));
    expect((await articleById(db.db, draft.id)).reviewComment).toBeNull();
    as(admin);
    expect(await findVisibleArticle((await articleById(db.db, draft.id)).slug)).toBeNull();
    state = await stateOf(publishArticleAction, form({ id: draft.id, version: Number(state.data!.version) }));
    expect(state).toMatchObject({ ok: true, data: { status: 'published' } });

    const row = await articleById(db.db, draft.id);
    expect(row.publishedAt).not.toBeNull();
    expect(await findVisibleArticle(row.slug)).toMatchObject({ title: '审核流程测试文章' });
    expect((await listLatestByColumn()).some((a) => a.id === row.id)).toBe(true);
    expect(revalidated()).toEqual(expect.arrayContaining(['/', `/articles/${row.slug}`, '/columns/work-news']));
    expect((await revisionsOf(db.db, row.id)).map((r) => r.event)).toEqual(['create', 'submit', 'return', 'submit', 'publish']);
    expect((await revisionsOf(db.db, row.id)).find((r) => r.event === 'return')?.note).toBe('请补充活动照片和参加人数。');
    expect((await auditRowsAfter(db.db, last)).map((r) => r.action)).toEqual(['article.submit', 'article.return', 'article.submit', 'article.publish']);
  });

  it('a submission with an empty body is refused', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    await db.db.update(articles).set({ bodyJson: { type: 'doc', content: [{ type: 'paragraph' }] } }).where(eq(articles.id, draft.id));
    as(editor);
    expect(await stateOf(submitArticleAction, form({ id: draft.id, version: draft.version }))).toMatchObject({ ok: false, fieldErrors: { bodyJson: ['正文为空，不能提交审核。'] } });
  });

  it('steps that do not fit the state are refused with the state named', async () => {
    const published = await articleIn(db.db, { status: 'published', authorId: editor.id });
    as(admin);
    expect(await stateOf(submitArticleAction, form({ id: published.id, version: published.version }))).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('已发布') });
    expect(await stateOf(unarchiveArticleAction, form({ id: published.id, version: published.version }))).toMatchObject({ ok: false, status: 409 });
  });

  it('scheduling: published_at is the planned time, and the article appears by itself when it comes', async () => {
    const review = await articleIn(db.db, { status: 'in_review', authorId: editor.id, title: '定时发布边界测试' });
    const at = new Date(Math.ceil((Date.now() + 2500) / 1000) * 1000);
    await db.db.update(articles).set({ publishAt: at }).where(eq(articles.id, review.id));
    as(admin);
    const state = await stateOf(publishArticleAction, form({ id: review.id, version: review.version }));
    expect(state).toMatchObject({ ok: true, data: { status: 'scheduled' }, message: expect.stringContaining('已排期') });
    const row = await articleById(db.db, review.id);
    expect(row.publishedAt?.getTime()).toBe(at.getTime());
    expect(await findVisibleArticle(row.slug)).toBeNull();
    const listed = await listAdminArticles(admin, { status: 'scheduled', columnId: null, q: '定时发布边界测试', sort: 'updated' });
    expect(listed.items.map((a) => a.id)).toEqual([row.id]);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 300));
    // Nobody acted: the row is still `scheduled`, yet readers and the desk see it published.
    expect((await articleById(db.db, row.id)).status).toBe('scheduled');
    expect(await findVisibleArticle(row.slug)).toMatchObject({ title: '定时发布边界测试' });
    const after = await listAdminArticles(admin, { status: 'published', columnId: null, q: '定时发布边界测试', sort: 'updated' });
    expect(after.items.map((a) => [a.id, a.status])).toEqual([[row.id, 'published']]);
  });

  it('a scheduled article can be returned; it loses its dateline', async () => {
    const scheduled = await articleIn(db.db, { status: 'scheduled', authorId: editor.id, publishAt: new Date(Date.now() + 86_400_000) });
    as(admin);
    expect(await stateOf(returnArticleAction, form({ id: scheduled.id, version: scheduled.version, comment: '时间再定' }))).toMatchObject({ ok: true });
    expect(await articleById(db.db, scheduled.id)).toMatchObject({ status: 'draft', publishedAt: null });
  });

  it('archive hides a published article, unarchive makes it a draft again', async () => {
    const published = await articleIn(db.db, { status: 'published', authorId: editor.id });
    expect(await findVisibleArticle(published.slug)).not.toBeNull();
    as(admin);
    const archived = await stateOf(archiveArticleAction, form({ id: published.id, version: published.version }));
    expect(archived).toMatchObject({ ok: true, data: { status: 'archived' } });
    expect(await findVisibleArticle(published.slug)).toBeNull();
    expect(revalidated()).toContain(`/articles/${published.slug}`);
    expect(await stateOf(unarchiveArticleAction, form({ id: published.id, version: Number(archived.data!.version) }))).toMatchObject({ ok: true, data: { status: 'draft' } });
  });
});

describe('published articles', () => {
  it('renaming a published slug keeps the old address as a redirect and refreshes both pages', async () => {
    const published = await articleIn(db.db, { status: 'published', authorId: editor.id });
    as(admin);
    const newSlug = `${published.slug}-renamed`;
    expect((await stateOf(saveArticleAction, form(editorForm(published, { slug: newSlug })))).ok).toBe(true);
    expect(await findSlugRedirect(published.slug)).toBe(newSlug);
    expect(revalidated()).toEqual(expect.arrayContaining([`/articles/${published.slug}`, `/articles/${newSlug}`]));
    // Renaming back takes over the old address: no redirect loop.
    const row = await articleById(db.db, published.id);
    expect((await stateOf(saveArticleAction, form(editorForm(row, { slug: published.slug })))).ok).toBe(true);
    expect(await findSlugRedirect(published.slug)).toBeNull();
    expect(await findSlugRedirect(newSlug)).toBe(published.slug);
  });

  it('a published article cannot be moved into the future by editing its time', async () => {
    const published = await articleIn(db.db, { status: 'published', authorId: editor.id });
    as(admin);
    const state = await stateOf(saveArticleAction, form(editorForm(published, { publishAt: '2099-01-01T09:00' })));
    expect(state.fieldErrors?.publishAt?.[0]).toContain('不能晚于现在');
  });
});

describe('revisions', () => {
  it('restoring an old revision copies its content back as a new revision; only admins restore', async () => {
    const draft = await articleIn(db.db, { status: 'draft', authorId: editor.id, title: '原始标题' });
    as(editor);
    const saved = await stateOf(saveArticleAction, form(editorForm(draft, { title: '第二版标题', bodyJson: docJson('第二版正文') })));
    const [original] = await revisionsOf(db.db, draft.id);
    expect(await stateOf(restoreRevisionAction, form({ id: draft.id, version: Number(saved.data!.version), revisionId: original!.id }))).toMatchObject({ ok: false, status: 403 });

    as(admin);
    const outcome = await submit(restoreRevisionAction, form({ id: draft.id, version: Number(saved.data!.version), revisionId: original!.id }));
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/articles/${draft.id}?restored=1` });
    const row = await articleById(db.db, draft.id);
    expect(row.title).toBe('原始标题');
    expect(row.bodyHtml).toBe(draft.bodyHtml);
    expect(row.slug).toBe(draft.slug);
    const revisions = await revisionsOf(db.db, draft.id);
    expect(revisions.map((r) => r.event)).toEqual(['create', 'save', 'restore']);
    expect(revisions.at(-1)!.note).toContain('恢复自');
  });

  it('a revision of another article cannot be restored into this one', async () => {
    const a = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    const b = await articleIn(db.db, { status: 'draft', authorId: editor.id });
    const [revisionOfB] = await revisionsOf(db.db, b.id);
    as(admin);
    expect(await stateOf(restoreRevisionAction, form({ id: a.id, version: a.version, revisionId: revisionOfB!.id }))).toMatchObject({ ok: false, status: 404 });
  });
});

describe('the desk list', () => {
  it('counts per status match the tabs, and editors only see their own articles', async () => {
    as(admin);
    const all = await listAdminArticles(admin, { status: null, columnId: null, q: '', sort: 'updated' });
    const sum = (['draft', 'in_review', 'scheduled', 'published', 'archived'] as const).reduce((n, s) => n + all.counts[s].total, 0);
    expect(all.counts.all.capped).toBe(false);
    expect(sum).toBe(all.counts.all.total);
    const drafts = await listAdminArticles(admin, { status: 'draft', columnId: null, q: '', sort: 'updated' });
    expect(drafts.counts.draft).toEqual(all.counts.draft);
    expect(drafts.items.every((a) => a.status === 'draft')).toBe(true);

    const own = await listAdminArticles(otherEditor, { status: null, columnId: null, q: '', sort: 'updated' });
    expect(own.items.every((a) => a.authorName === '李编辑')).toBe(true);
  });
});
