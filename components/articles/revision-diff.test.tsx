import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichTextNode } from '@/lib/articles/types';
import { diffSnapshots } from '@/lib/articles/diff';
import type { ArticleSnapshot } from '@/lib/articles/editable-fields';
import { RevisionDiff } from './RevisionDiff';

const doc = (...paragraphs: string[]): RichTextNode => ({
  type: 'doc',
  content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});

const base: ArticleSnapshot = {
  title: '工委召开党建工作会议',
  kicker: null,
  subtitle: null,
  byline: '办公室',
  source: null,
  summary: null,
  slug: 'meeting',
  columnId: 1,
  coverMediaId: null,
  videoUrl: null,
  pinned: false,
  publishAt: null,
  bodyJson: doc('第一段。'),
};
const names = { columnName: (id: number) => `栏目${id}`, mediaName: (id: number | null) => (id ? `图片${id}` : '') };

function render(a: ArticleSnapshot, b: ArticleSnapshot) {
  return renderToStaticMarkup(<RevisionDiff left={{ label: '第 3 版（张三）' }} right={{ label: '第 5 版（李四）' }} diff={diffSnapshots(a, b, names)} />);
}

describe('RevisionDiff', () => {
  it('says so when the two revisions are the same', () => {
    const html = render(base, { ...base });
    expect(html).toContain('两个版本内容相同');
    expect(html).not.toContain('<table');
  });

  it('is a captioned table headed by the two revisions, changed fields before the body', () => {
    const html = render(base, { ...base, title: '工委召开党建工作推进会', pinned: true, subtitle: '副题新写', bodyJson: doc('第二段。') });
    expect(html).toContain('共 4 处改动（字段 3 处，正文 1 处）');
    expect(html).toMatch(/<caption[^>]*>第 3 版（张三） 与 第 5 版（李四） 的对比<\/caption>/);
    expect(html).toContain('<th scope="col">第 3 版（张三）</th><th scope="col">第 5 版（李四）</th>');
    expect(html.indexOf('>标题</th>')).toBeLessThan(html.indexOf('>正文</th>'));
    expect(html).not.toContain('>作者</th>');
    expect(html).toMatch(/<th scope="row">置顶<\/th><td[^>]*><del[^>]*>否<\/del><\/td><td[^>]*><ins[^>]*>是<\/ins><\/td>/);
    expect(html).toMatch(/>工委召开党建工作会<del[^>]*>议<\/del><\/td>/);
    expect(html).toMatch(/>工委召开党建工作<ins[^>]*>推进<\/ins>会<\/td>/);
    // An empty side is a placeholder, not deleted text.
    expect(html).toMatch(/<th scope="row">副题<\/th><td[^>]*><span[^>]*>（空）<\/span><\/td><td[^>]*><ins[^>]*>副题新写<\/ins>/);
    expect(html).toMatch(/<th scope="row">修改<\/th><td[^>]*>第<del[^>]*>一<\/del>段。/);
    expect(html).toContain('data-side="第 5 版（李四）"');
  });

  it('marks removed and added paragraphs in words and with del and ins', () => {
    const html = render({ ...base, bodyJson: doc('保留', '删掉的段落') }, { ...base, bodyJson: doc('新加的段落', '保留') });
    expect(html).toMatch(/<th scope="row">新增<\/th><td[^>]*><span[^>]*>（无）<\/span><\/td><td[^>]*><ins[^>]*>新加的段落<\/ins>/);
    expect(html).toMatch(/<th scope="row">删除<\/th><td[^>]*><del[^>]*>删掉的段落<\/del><\/td>/);
  });

  it('folds a long unchanged run into an expandable row, keeping context next to the change', () => {
    const same = Array.from({ length: 20 }, (_, i) => `不变的第 ${i + 1} 段`);
    const html = render({ ...base, bodyJson: doc(...same, '旧结尾') }, { ...base, bodyJson: doc(...same, '新结尾') });
    expect(html).toMatch(/<details><summary>…未改动 18 段…<\/summary><p[^>]*>不变的第 1 段<\/p>/);
    expect(html).toMatch(/<th scope="row">未改动<\/th><td[^>]*>不变的第 19 段<\/td>/);
    expect(html).not.toMatch(/<th scope="row">未改动<\/th><td[^>]*>不变的第 18 段<\/td>/);
  });

  it('shows a short unchanged run in full', () => {
    const html = render({ ...base, bodyJson: doc('一', '二', '三', '旧') }, { ...base, bodyJson: doc('一', '二', '三', '新') });
    expect(html).not.toContain('<details>');
    expect(html).toMatch(/<th scope="row">未改动<\/th><td[^>]*>一<\/td>/);
  });

  it('escapes text that looks like HTML', () => {
    const html = render(base, { ...base, title: '<script>alert(1)</script>', bodyJson: doc('<img src=x onerror=alert(1)>') });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
