import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/audit/diff';
import { AuditDiffTable } from './AuditDiffTable';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';

const item = { id: 42, at: new Date('2026-01-01T16:00:00Z'), actorId: 1, actorName: 'admin', actorRole: 'admin', action: 'user.update', entityType: 'user', entityId: '5', ip: '10.0.0.1' };

describe('AuditTable', () => {
  it('shows Beijing time, the role label, the object and a labelled detail link', () => {
    const html = renderToStaticMarkup(<AuditTable items={[item, { ...item, id: 43, actorRole: 'system', entityId: null, ip: null }]} caption="审计记录" />);
    expect(html).toContain('<caption');
    expect(html).toContain('<th scope="col">时间</th>');
    expect(html).toContain('2026-01-02 00:00:00');
    expect(html).toContain('工委管理员');
    expect(html).toContain('>system<');
    expect(html).toContain('user #5');
    expect(html).toMatch(/href="\/admin\/audit\/42"[^>]*>查看<span class="visually-hidden">第 42 号记录的详情<\/span>/);
  });

  it('says so when nothing matches', () => {
    expect(renderToStaticMarkup(<AuditTable items={[]} caption="审计记录" />)).toContain('没有符合条件的记录');
  });
});

describe('AuditFilterForm', () => {
  it('is a labelled GET form that keeps the current filters, with action groups', () => {
    const html = renderToStaticMarkup(
      <AuditFilterForm filters={{ actor: 'li', action: 'user.', from: '2026-01-02' }} entityTypes={['user']} actions={['auth.login', 'user.create']} />,
    );
    const form = html.match(/<form[^>]*>/)![0];
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/admin/audit"');
    expect(form).toContain('aria-label="筛选审计记录"');
    for (const label of ['操作人', '对象类型', '操作', '起始日期', '截止日期']) expect(html).toMatch(new RegExp(`<label for="field-\\w+">${label}</label>`));
    expect(html).toContain('value="li"');
    expect(html).toContain('<option value="user." selected="">用户账号：全部操作（user.*）</option>');
    expect(html).toContain('<option value="auth.">登录：全部操作（auth.*）</option>');
    expect(html).toContain('<option value="user.create">新建用户（user.create）</option>');
    expect(html).toContain('<option value="user">用户账号（user）</option>');
    expect(html).toContain('value="2026-01-02"');
    expect(html).toContain('>筛选</button>');
    expect(html).toContain('href="/admin/audit">清除</a>');
  });

  it('keeps a value from the link that the trail does not list', () => {
    const html = renderToStaticMarkup(<AuditFilterForm filters={{ entityType: 'retired_kind', action: 'lec' }} entityTypes={['user']} actions={[]} />);
    expect(html).toContain('<option value="retired_kind" selected="">retired_kind</option>');
    expect(html).toContain('<option value="lec" selected="">lec</option>');
  });

  it('shows values only older rows hold as they are stored', () => {
    const html = renderToStaticMarkup(<AuditFilterForm filters={{}} entityTypes={['user', 'database']} actions={['user.create', 'seed.run', 'user.login']} />);
    expect(html).toContain('<option value="database">database</option>');
    expect(html).toContain('<option value="seed.run">seed.run</option>');
    expect(html).toContain('<option value="seed.">seed.*（全部）</option>');
    expect(html).toContain('<option value="user.login">user.login</option>');
  });
});

describe('AuditDiffTable', () => {
  it('marks each change in words, not only by colour', () => {
    const html = renderToStaticMarkup(<AuditDiffTable rows={diffSnapshots({ role: 'editor', phone: '1' }, { role: 'admin', email: 'a@b.cn', branchId: null })} />);
    for (const header of ['字段', '变更前', '变更后']) expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(html).toContain('修改 1 项，新增 2 项，删除 1 项，未变 0 项');
    expect(html).toMatch(/role<\/code> <span[^>]*>修改<\/span>/);
    expect(html).toMatch(/phone<\/code> <span[^>]*>删除<\/span>/);
    expect(html).toMatch(/email<\/code> <span[^>]*>新增<\/span>/);
    expect(html).toContain('（空）');
    expect(html).toContain('（无）');
  });

  it('says when a record has no snapshots', () => {
    expect(renderToStaticMarkup(<AuditDiffTable rows={[]} />)).toContain('此记录没有变更前后的数据。');
  });
});
