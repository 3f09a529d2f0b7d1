import { describe, expect, it } from 'vitest';
import type { RichTextNode } from '@/db/schema/articles';
import { bodyToBlocks, diffBlocks, diffSnapshots, formatPublishAt } from './diff';
import type { ArticleSnapshot } from './editable-fields';

const text = (t: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'text', text: t, marks });
const p = (...content: (string | RichTextNode)[]): RichTextNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: 'doc', content });
const link = (href: string) => [{ type: 'link', attrs: { href } }];

const names = { columnName: (id: number) => ({ 1: '工作动态', 2: '通知公告' })[id] ?? `栏目 ${id}`, mediaName: (id: number | null) => (id ? `图片 ${id}` : '') };

function snapshot(overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot {
  return {
    title: '市直机关工委召开党建工作会议',
    kicker: null,
    subtitle: null,
    byline: '办公室',
    source: null,
    summary: null,
    slug: 'party-meeting',
    columnId: 1,
    coverMediaId: null,
    videoUrl: null,
    pinned: false,
    publishAt: null,
    bodyJson: doc(p('第一段。'), p('第二段。')),
    ...overrides,
  };
}

describe('bodyToBlocks', () => {
  it('reads every kind of block as text a reviewer can compare', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('会议要求')] },
      p('请访问', text('官网', link('https://example.gov.cn')), '。'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('学习'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('原文')] }] }] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('落实')] }, { type: 'listItem', content: [p('总结')] }] },
      { type: 'blockquote', content: [p('不忘初心'), p('牢记使命')] },
      { type: 'image', attrs: { src: '/media/7.webp', alt: '会场', caption: '会议现场' } },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [p('姓名')] }, { type: 'tableCell', content: [p('职务')] }] }] },
      p('第一行', { type: 'hardBreak' }, '第二行'),
      p(),
      { type: 'horizontalRule' },
    );
    expect(bodyToBlocks(body)).toEqual([
      '【二级标题】会议要求',
      '请访问官网（https://example.gov.cn）。',
      '• 学习',
      '  • 原文',
      '3. 落实',
      '4. 总结',
      '> 不忘初心',
      '> 牢记使命',
      '[图片：会场｜会议现场]（/media/7.webp）',
      '姓名 | 职务',
      '第一行\n第二行',
      '【分隔线】',
    ]);
  });

  it('shows a link once even when bold splits its text', () => {
    const bold = [{ type: 'bold' }, ...link('/a')];
    expect(bodyToBlocks(doc(p(text('重要', bold), text('通知', link('/a')))))).toEqual(['重要通知（/a）']);
  });
});

describe('diffBlocks', () => {
  it('finds nothing to change in identical lists', () => {
    const rows = diffBlocks(['甲', '乙'], ['甲', '乙']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'same']);
  });

  it('pairs a changed paragraph and marks only the changed characters', () => {
    const [row] = diffBlocks(['会议于周一召开。'], ['会议于周三下午召开。']);
    expect(row).toMatchObject({ kind: 'changed', left: '会议于周一召开。', right: '会议于周三下午召开。' });
    expect(row!.leftSegments).toEqual([
      { text: '会议于周', changed: false },
      { text: '一', changed: true },
      { text: '召开。', changed: false },
    ]);
    expect(row!.rightSegments).toEqual([
      { text: '会议于周', changed: false },
      { text: '三下午', changed: true },
      { text: '召开。', changed: false },
    ]);
  });

  it('keeps the rest aligned after an insertion in the middle', () => {
    const rows = diffBlocks(['一', '二', '三', '四'], ['一', '二', '新段落', '三', '四']);
    expect(rows.map((r) => [r.kind, r.left, r.right])).toEqual([
      ['same', '一', '一'],
      ['same', '二', '二'],
      ['added', null, '新段落'],
      ['same', '三', '三'],
      ['same', '四', '四'],
    ]);
  });

  it('pairs an edited paragraph with its new wording, not with a paragraph inserted before it', () => {
    const rows = diffBlocks(['开头', '全市机关党员干部参加学习', '结尾'], ['开头', '新增的通知内容', '全市机关党员干部认真参加学习', '结尾']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'added', 'changed', 'same']);
    expect(rows[2]!.right).toBe('全市机关党员干部认真参加学习');
  });

  it('shows a removed paragraph on the left only', () => {
    expect(diffBlocks(['甲', '乙', '丙'], ['甲', '丙'])).toEqual([
      { kind: 'same', left: '甲', right: '甲' },
      { kind: 'removed', left: '乙', right: null },
      { kind: 'same', left: '丙', right: '丙' },
    ]);
  });

  it('returns for 5000 blocks on each side with nothing in common, and keeps every block', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `旧段落 ${i}`);
    const b = Array.from({ length: 5000 }, (_, i) => `新段落 ${4999 - i}`);
    const rows = diffBlocks(a, b);
    expect(rows.flatMap((r) => (r.left === null ? [] : [r.left]))).toEqual(a);
    expect(rows.flatMap((r) => (r.right === null ? [] : [r.right]))).toEqual(b);
  });

  it('still aligns shifted blocks in the fallback for huge bodies', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `段落 ${i}`);
    const b = ['开头插入', ...a.slice(0, 2500), '中间插入', ...a.slice(2500, 4999), '结尾替换'];
    const rows = diffBlocks(a, b);
    expect(rows.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.left, r.right])).toEqual([
      ['added', null, '开头插入'],
      ['added', null, '中间插入'],
      ['changed', '段落 4999', '结尾替换'],
    ]);
  });

  it('returns for very long rewritten paragraphs', () => {
    const a = Array.from({ length: 30 }, (_, i) => '党建'.repeat(950) + i);
    const b = Array.from({ length: 30 }, (_, i) => '建党'.repeat(950) + i);
    const rows = diffBlocks(a, b);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.kind === 'changed' && r.leftSegments!.map((s) => s.text).join('') === r.left && r.rightSegments!.map((s) => s.text).join('') === r.right)).toBe(true);
  });
});

describe('diffSnapshots', () => {
  it('reports no change for identical revisions', () => {
    const diff = diffSnapshots(snapshot(), snapshot(), names);
    expect(diff.changedCount).toBe(0);
    expect(diff.fields.every((f) => !f.changed)).toBe(true);
    expect(diff.body.every((r) => r.kind === 'same')).toBe(true);
  });

  it('formats changed fields for people', () => {
    const diff = diffSnapshots(
      snapshot(),
      snapshot({ title: '市直机关工委召开党建工作推进会议', columnId: 2, pinned: true, publishAt: '2026-11-27T02:00:00Z', coverMediaId: 9 }),
      names,
    );
    const changed = Object.fromEntries(diff.fields.filter((f) => f.changed).map((f) => [f.field, [f.label, f.left, f.right]]));
    expect(changed).toEqual({
      title: ['标题', '市直机关工委召开党建工作会议', '市直机关工委召开党建工作推进会议'],
      columnId: ['栏目', '工作动态', '通知公告'],
      coverMediaId: ['封面图', '（空）', '图片 9'],
      pinned: ['置顶', '否', '是'],
      publishAt: ['发布时间', '（空）', '2026年11月27日 10:00'],
    });
    expect(diff.fields.find((f) => f.field === 'title')!.rightSegments).toContainEqual({ text: '推进', changed: true });
    expect(diff.changedCount).toBe(5);
  });

  it('treats the same instant spelled differently, and null against empty, as unchanged', () => {
    const diff = diffSnapshots(snapshot({ publishAt: '2026-11-27T02:00:00Z', summary: null }), snapshot({ publishAt: '2026-11-27T10:00:00.000+08:00', summary: '' }), names);
    expect(diff.changedCount).toBe(0);
  });

  it('shows a changed link target in the body', () => {
    const before = snapshot({ bodyJson: doc(p('详见', text('通知', link('https://a.gov.cn/1')))) });
    const after = snapshot({ bodyJson: doc(p('详见', text('通知', link('https://a.gov.cn/2')))) });
    const diff = diffSnapshots(before, after, names);
    expect(diff.body).toHaveLength(1);
    expect(diff.body[0]).toMatchObject({ kind: 'changed', left: '详见通知（https://a.gov.cn/1）', right: '详见通知（https://a.gov.cn/2）' });
    expect(diff.body[0]!.rightSegments!.filter((s) => s.changed).map((s) => s.text)).toEqual(['2']);
    expect(diff.changedCount).toBe(1);
  });
});

describe('formatPublishAt', () => {
  it('writes Beijing time the way the editors say it', () => {
    expect(formatPublishAt('2026-03-04T16:05:00Z')).toBe('2026年3月5日 00:05');
    expect(formatPublishAt(null)).toBe('');
  });
});
