import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { maxFormDepth } from '@/e2e/support/html';
import { RevisionList } from './RevisionList';

// The real restore button renders; only its server action (and the auth it pulls in) is stubbed.
vi.mock('@/lib/articles/actions', () => ({ restoreRevisionAction: async () => ({ ok: true }) }));

const revisions = [
  { id: 12, label: '2026-05-02 10:00:00 保存（周明）', note: null },
  { id: 11, label: '2026-05-01 09:00:00 发布（周明）', note: '首次发布' },
];

const render = (canRestore: boolean) =>
  renderToStaticMarkup(<RevisionList articleId={7} articleVersion={3} revisions={revisions} fromId={11} toId={12} canRestore={canRestore} />);

describe('RevisionList', () => {
  it('never nests the restore forms inside the comparison form', () => {
    const html = render(true);
    expect(html.match(/<form/g)).toHaveLength(3); // the comparison and one restore form per revision
    expect(maxFormDepth(html)).toBe(1);
    // Every radio belongs to the comparison form, which holds the submit button.
    expect(html.match(/<input type="radio"/g)).toHaveLength(4);
    expect(html.match(/<input type="radio" form="revision-compare"/g)).toHaveLength(4);
    expect(html).toMatch(/<form id="revision-compare"[^>]* method="get"[^>]*><button type="submit"[^>]*>对比所选版本<\/button><\/form>/);
  });

  it('labels each choice with its revision and checks the compared pair', () => {
    const html = render(true);
    const checked = [...html.matchAll(/<input type="radio"[^>]*>/g)].map(([tag]) => tag).filter((tag) => tag.includes('checked=""'));
    expect(checked).toHaveLength(2);
    expect(checked[0]).toMatch(/aria-label="作为新版本：2026-05-02 10:00:00 保存（周明）".*name="to".*value="12"/);
    expect(checked[1]).toMatch(/aria-label="作为旧版本：2026-05-01 09:00:00 发布（周明）".*name="from".*value="11"/);
    expect(html).toContain('aria-label="恢复此版本：2026-05-01 09:00:00 发布（周明）"');
  });

  it('offers no restore to those who may not publish', () => {
    const html = render(false);
    expect(html).not.toContain('恢复');
    expect(html.match(/<form/g)).toHaveLength(1);
  });
});
