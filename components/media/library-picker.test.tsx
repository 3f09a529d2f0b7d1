import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '@/lib/media/types';
import { type LibraryLoad, LibraryView, type LibraryWords } from './LibraryPicker';

const words: LibraryWords = {
  title: 'T',
  sources: 'S',
  uploadTab: 'U',
  searchLabel: '搜索某物',
  loadFailed: 'LF',
  offline: 'OFF',
  noMatch: '没有匹配',
  empty: '库是空的',
  chooseHint: '，选用它',
  pagerLabel: '某库分页',
};

const item = (id: number, alt: string): MediaItem => ({
  id,
  url: `/media/${id}.png`,
  alt,
  caption: null,
  width: 10,
  height: 10,
  originalName: `${id}.png`,
  mimeType: 'image/png',
  byteSize: 100,
  thumbUrl: `/media/${id}-thumb.webp`,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
});

const page = (more: Partial<Extract<LibraryLoad, { status: 'ready' }>>): LibraryLoad => ({
  status: 'ready',
  items: [],
  next: null,
  prev: null,
  isFirst: true,
  isLast: true,
  total: 0,
  capped: false,
  maxBytes: 1,
  ...more,
});

const render = (loaded: LibraryLoad, q = '') => renderToStaticMarkup(<LibraryView loaded={loaded} query={{ q }} setQuery={() => {}} words={words} onChoose={() => {}} />);

describe('LibraryView', () => {
  it('labels the search with the caller words and keeps the current search text', () => {
    const html = render({ status: 'loading' }, '党课');
    expect(html).toContain('<form role="search"');
    expect(html).toMatch(/<label for="[^"]+">搜索某物<\/label>/);
    expect(html).toContain('value="党课"');
    expect(html).toContain('<div aria-live="polite"><p>正在加载…</p></div>');
  });

  it('shows the error message in the live region', () => {
    expect(render({ status: 'error', message: '出错了' })).toContain('>出错了</p></div>');
  });

  it('tells an empty library from a search without results', () => {
    expect(render(page({}))).toContain('<p>库是空的</p>');
    expect(render(page({}), '无此图')).toContain('<p>没有匹配</p>');
  });

  it('lists each item as a button named by its alt text and the hint, without a pager on one page', () => {
    const html = render(page({ items: [item(1, '支部大会'), item(2, '主题党日')], total: 2 }));
    expect(html).toContain('<img src="/media/1-thumb.webp" alt="" loading="lazy"/><span>支部大会</span><span class="visually-hidden">，选用它</span>');
    expect(html).toContain('<span>主题党日</span>');
    expect(html).not.toContain('<nav');
  });

  it('pages with a labelled pager, disabling the side with no cursor and capping the count', () => {
    const html = render(page({ items: [item(1, 'a')], isLast: false, next: 'N', total: 1000, capped: true }));
    expect(html).toMatch(/<nav aria-label="某库分页"/);
    expect(html).toMatch(/<button type="button" class="button secondary" disabled="">上一页<\/button>/);
    expect(html).toMatch(/<button type="button" class="button secondary">下一页<\/button>/);
    expect(html).toContain('<span>共 1000 张以上</span>');
  });
});
