// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users as usersTable } from '@/db/schema/accounts';
import { articleAttachments } from '@/db/schema/articles';
import type { SessionUser } from '@/lib/auth/sessions';
import { addAttachmentAction } from '@/lib/media/actions';
import { GET as exportAudit } from '@/app/(admin)/admin/audit/export/route';
import { GET as listMedia } from '@/app/api/admin/media/route';
import { GET as downloadAttachment } from '@/app/attachments/[id]/route';
import { pdf } from '../fixtures/media';
import { addUser, signedIn, stateOf } from './auth-fixtures';
import { articleIn } from './article-fixtures';
import { fileForm, useTemporaryStorage } from './media-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Every route handler goes through one guard (lib/auth/route-guard.ts): signed out, a password
// still to be changed, a missing permission and an allowed user, for each handler.

type Who = 'signedOut' | 'mustChangePassword' | 'lacking' | 'allowed';

const db = withDemoDatabase();
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
const as = {} as Record<'admin' | 'editor' | 'auditor' | 'secretary' | 'newEditor' | 'newAuditor', SessionUser>;
let draftAttachmentId: number;

/** A fresh account whose password was set by an administrator: it must change it first. */
async function mustChange(username: string, role: SessionUser['role']) {
  await addUser(db.db, { username, role });
  await db.db.update(usersTable).set({ mustChangePassword: true }).where(eq(usersTable.username, username));
  const user = await signedIn(db.db, username);
  expect(user.mustChangePassword).toBe(true);
  return user;
}

beforeAll(async () => {
  storage = await useTemporaryStorage();
  for (const name of ['admin', 'editor', 'auditor', 'secretary'] as const) as[name] = await signedIn(db.db, name);
  as.newEditor = await mustChange('editor-new', 'editor');
  as.newAuditor = await mustChange('auditor-new', 'auditor');

  // A draft owned by the editor whose password is still to be changed: ownership alone would let them read it.
  const draft = await articleIn(db.db, { status: 'draft', authorId: as.newEditor.id });
  session.user = as.admin;
  expect(await stateOf(addAttachmentAction, fileForm({ articleId: draft.id }, pdf(), '内部通知.pdf', 'application/pdf'))).toMatchObject({ ok: true });
  const [row] = await db.db.select({ id: articleAttachments.id }).from(articleAttachments).where(eq(articleAttachments.articleId, draft.id));
  draftAttachmentId = row!.id;
});
afterAll(() => storage.cleanup());

async function call(user: SessionUser | null, route: () => Promise<Response>) {
  session.user = user;
  return route();
}

const refusals = {
  signedOut: [401, '登录已失效，请重新登录后再试。'],
  mustChangePassword: [403, '请先修改管理员为您设置的初始密码。'],
  lacking: [403, '您没有执行此操作的权限。'],
} as const;

describe('GET /api/admin/media (JSON refusals)', () => {
  const route = () => listMedia(new NextRequest('http://localhost/api/admin/media'));
  const who: Record<Who, () => SessionUser | null> = {
    signedOut: () => null,
    mustChangePassword: () => as.newEditor,
    lacking: () => as.auditor,
    allowed: () => as.editor,
  };

  it.each(['signedOut', 'mustChangePassword', 'lacking'] as const)('refuses %s with JSON, never cached', async (kind) => {
    const response = await call(who[kind](), route);
    const [status, message] = refusals[kind];
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ error: message });
  });

  it('lists for an editor', async () => {
    const response = await call(who.allowed(), route);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ isFirst: true, items: expect.any(Array) });
  });
});

describe('GET /admin/audit/export (text refusals)', () => {
  const route = () => exportAudit(new Request('http://localhost/admin/audit/export'));
  const who: Record<Who, () => SessionUser | null> = {
    signedOut: () => null,
    mustChangePassword: () => as.newAuditor,
    lacking: () => as.secretary,
    allowed: () => as.auditor,
  };

  it.each(['signedOut', 'mustChangePassword', 'lacking'] as const)('refuses %s with plain text and no data, never cached', async (kind) => {
    const response = await call(who[kind](), route);
    const [status, message] = refusals[kind];
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.text()).toBe(message);
  });

  it('exports for an auditor', async () => {
    const response = await call(who.allowed(), route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toContain('时间,操作人');
  });
});

describe('GET /attachments/<id> of a draft (404 to whoever may not see it)', () => {
  const route = () => downloadAttachment(new Request(`http://localhost/attachments/${draftAttachmentId}`), { params: Promise.resolve({ id: String(draftAttachmentId) }) });
  const who: Record<Who, () => SessionUser | null> = {
    signedOut: () => null,
    // The draft's own author, who could read it once the password is changed.
    mustChangePassword: () => as.newEditor,
    lacking: () => as.secretary,
    allowed: () => as.auditor,
  };

  it.each(['signedOut', 'mustChangePassword', 'lacking'] as const)('answers %s as for an unknown id', async (kind) => {
    const response = await call(who[kind](), route);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.text()).toBe('Not found');
  });

  it('another editor is refused by the target check, the same way', async () => {
    expect((await call(as.editor, route)).status).toBe(404);
  });

  it('serves it to staff who may read the article, never cached', async () => {
    for (const user of [who.allowed(), as.admin]) {
      const response = await call(user, route);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf())).toBe(true);
    }
  });
});
