import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import AuditEntryPage from '@/app/(admin)/admin/audit/[id]/page';
import { GET as exportCsv } from '@/app/(admin)/admin/audit/export/route';
import AuditLogPage from '@/app/(admin)/admin/audit/page';
import AuditVerifyPage from '@/app/(admin)/admin/audit/verify/page';
import { ChainReport } from '@/components/audit/ChainReport';
import type { SessionUser } from '@/lib/auth/sessions';
import { createTestDatabase, type TestDatabase } from '../db';
import { appendRows, editAfter } from './audit-fixtures';

// The audit pages and the CSV export over a real trail. Sign-in is stubbed: the session belongs
// to the auth issue; what is proven here is what each role gets to see.

const session = vi.hoisted(() => ({ user: null as SessionUser | null, required: [] as string[] }));
vi.mock('@/lib/auth/current-user', () => ({
  getCurrentUser: async () => session.user,
  requirePermission: async (action: string) => {
    session.required.push(action);
    return session.user;
  },
}));

const userWith = (role: SessionUser['role']): SessionUser => ({
  id: 1, username: role, displayName: role, role, branchId: null, branchScope: null, sessionId: 's', mustChangePassword: false,
});

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await appendRows(db.db, 3, (i) => ({ action: i === 3 ? 'auth.login' : 'user.update', after: { n: i, note: i === 2 ? '=1+1' : '普通' } }));
  session.user = userWith('auditor');
});
afterAll(() => db.close());

const html = async (page: Promise<React.ReactNode>) => renderToStaticMarkup(await page);
const search = (params: Record<string, string>) => Promise.resolve(params);

describe('audit pages', () => {
  it('the list asks for audit.read and keeps the filters in pagination and export links', async () => {
    const out = await html(AuditLogPage({ searchParams: search({ action: 'user.', page: '1' }) }));
    expect(session.required.at(-1)).toBe('audit.read');
    expect(out).toContain('符合条件的记录共 2 条');
    expect(out).toContain('href="/admin/audit/export?action=user."');
    expect(out).toContain('href="/admin/audit/verify"');
    expect(out).toContain('href="/admin/audit/2"');
    expect(out).not.toContain('href="/admin/audit/3"');
  });

  it('the list says so when nothing matches, and shrugs off bad filters', async () => {
    expect(await html(AuditLogPage({ searchParams: search({ actor: 'nobody' }) }))).toContain('没有符合条件的记录');
    expect(await html(AuditLogPage({ searchParams: search({ from: 'yesterday', page: '-3' }) }))).toContain('全部记录共 3 条');
  });

  it('an entry shows its hashes and diff; an unknown or malformed id is a 404', async () => {
    const out = await html(AuditEntryPage({ params: Promise.resolve({ id: '2' }) }));
    expect(out).toContain('审计记录 #2');
    expect(out).toContain('前序哈希');
    expect(out).toContain('本条内容与哈希一致');
    for (const id of ['999', 'abc', '0', '1e3']) {
      await expect(AuditEntryPage({ params: Promise.resolve({ id }) })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    }
  });

  it('the verify page reports an intact chain, then names the first broken row in Chinese', async () => {
    // The page streams the report; static rendering shows its placeholder, so render both parts.
    expect(await html(AuditVerifyPage())).toContain('正在逐条核验审计链');
    expect(await html(ChainReport({ actor: session.user! }))).toContain('审计链完整：共 3 条记录，校验通过');
    await editAfter(db.db, 2, { n: 200 });
    const out = await html(ChainReport({ actor: session.user! }));
    expect(out).toContain('审计链在第 2 条记录（ID 2）处断裂：记录内容被改动');
    expect(out).toContain('href="/admin/audit/2"');
    await editAfter(db.db, 2, { n: 2, note: '=1+1' });
    expect(await html(ChainReport({ actor: session.user! }))).toContain('校验通过');
  });
});

describe('CSV export', () => {
  const get = (query = '') => exportCsv(new Request(`http://localhost/admin/audit/export${query}`));

  it('refuses without a session (401) and without audit.read (403), with no data', async () => {
    session.user = null;
    const anonymous = await get();
    expect([anonymous.status, anonymous.headers.get('content-type')]).toEqual([401, 'text/plain; charset=utf-8']);
    for (const role of ['editor', 'branch_secretary'] as const) {
      session.user = userWith(role);
      const refused = await get();
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('user.update');
    }
  });

  it.each(['auditor', 'admin'] as const)('streams the filtered trail to the %s as a UTF-8 CSV download', async (role) => {
    session.user = userWith(role);
    const response = await get('?action=user.&bogus=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{8}\.csv"; filename\*=UTF-8''audit-\d{8}\.csv$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n');
    expect(lines[0]).toBe('\uFEFF时间,操作人,角色,操作,对象类型,对象ID,IP,变更前,变更后,哈希');
    expect(lines.filter(Boolean)).toHaveLength(3);
    expect(lines[1]).toContain(',admin,工委管理员,user.update,user,2,10.0.0.1,');
    expect(lines[1]).toContain('"{""n"":2,""note"":""=1+1""}"');
  });
});

describe('audit list pager', () => {
  const hrefs = (out: string) => [...out.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const cursorOf = (out: string, rel: 'next' | 'prev') => {
    const link = out.match(new RegExp(`<a [^>]*href="([^"]+)"[^>]*rel="${rel}"|<a [^>]*rel="${rel}"[^>]*href="([^"]+)"`));
    const href = (link?.[1] ?? link?.[2])?.replaceAll('&amp;', '&');
    return href ? new URL(href, 'http://localhost').searchParams : null;
  };

  it('pages 50 rows at a time by cursor, keeping the filters, with first, previous, next and last links', async () => {
    session.user = userWith('auditor');
    await appendRows(db.db, 52, () => ({ action: 'user.update' })); // 2 + 52 = 54 rows match user.
    const first = await html(AuditLogPage({ searchParams: search({ action: 'user.' }) }));
    expect(first).toContain('符合条件的记录共 54 条');
    expect(first).toContain('<nav aria-label="审计记录分页"');
    expect(first).toContain('审计记录，最新一页，本页 50 条');
    expect(cursorOf(first, 'prev')).toBeNull();
    const next = cursorOf(first, 'next')!;
    expect(next.get('action')).toBe('user.');
    expect(hrefs(first)).toContain('/admin/audit?action=user.&cursor=last');

    const second = await html(AuditLogPage({ searchParams: search(Object.fromEntries(next)) }));
    expect(second).toContain('符合条件的记录共 54 条');
    expect(second).toContain('审计记录，最早一页，本页 4 条');
    expect(second).not.toContain('rel="next"');
    expect(second).toContain('href="/admin/audit/1"');
    expect(hrefs(second)).toContain('/admin/audit?action=user.');
    const back = await html(AuditLogPage({ searchParams: search(Object.fromEntries(cursorOf(second, 'prev')!)) }));
    expect(back).toContain('审计记录，最新一页，本页 50 条');
  });

  it('opens the first page for an old page number or a cursor that is not one', async () => {
    const first = await html(AuditLogPage({ searchParams: search({}) }));
    for (const params of [{ page: '2' }, { cursor: 'garbage' }, { cursor: 'eyJ4IjoxfQ' }] as Record<string, string>[]) {
      expect(await html(AuditLogPage({ searchParams: search(params) }))).toBe(first);
    }
  });
});
