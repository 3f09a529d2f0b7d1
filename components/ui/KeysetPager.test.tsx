import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeysetPager } from './KeysetPager';

const href = (cursor?: string) => (cursor ? `/list?cursor=${cursor}` : '/list');
const render = (page: Parameters<typeof KeysetPager>[0]['page'], more: Partial<Parameters<typeof KeysetPager>[0]> = {}) =>
  renderToStaticMarkup(<KeysetPager page={page} href={href} {...more} />);

describe('KeysetPager', () => {
  it('renders nothing when the list fits on one page', () => {
    expect(render({ isFirst: true, isLast: true, next: null, prev: null })).toBe('');
  });

  it('on the first page links next and last only, in a labelled nav with rel=next', () => {
    const html = render({ isFirst: true, isLast: false, next: 'N1', prev: null });
    expect(html).toMatch(/^<nav aria-label="分页"/);
    expect(html).toContain('<span aria-disabled="true">首页</span>');
    expect(html).toContain('<span aria-disabled="true">上一页</span>');
    expect(html).toContain('<a rel="next" href="/list?cursor=N1">下一页</a>');
    expect(html).toContain('<a href="/list?cursor=last">末页</a>');
  });

  it('in the middle links all four, the first page without a cursor, rel=prev on the previous', () => {
    const html = render({ isFirst: false, isLast: false, next: 'N2', prev: 'P2' }, { label: '审计记录分页', labels: { first: '最新一页', last: '最早一页' } });
    expect(html).toContain('aria-label="审计记录分页"');
    expect(html).toContain('<a href="/list">最新一页</a>');
    expect(html).toContain('<a rel="prev" href="/list?cursor=P2">上一页</a>');
    expect(html).toContain('<a rel="next" href="/list?cursor=N2">下一页</a>');
    expect(html).toContain('<a href="/list?cursor=last">最早一页</a>');
  });

  it('on the last page links first and previous only', () => {
    const html = render({ isFirst: false, isLast: true, next: null, prev: 'P3' });
    expect(html).toContain('<a href="/list">首页</a>');
    expect(html).toContain('rel="prev"');
    expect(html).not.toContain('rel="next"');
    expect(html).toContain('<span aria-disabled="true">末页</span>');
  });
});
