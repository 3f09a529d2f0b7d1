import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cdata, escapeXml, renderRss } from './rss';

const item = {
  slug: 'a-b',
  title: '标题 <script> & "引号"',
  summary: '摘要',
  byline: '记者 王晓楠',
  bodyHtml: '<p>正文 ]]> 结束</p>',
  publishedAt: new Date('2025-03-14T01:30:00Z'),
  columnName: '工作动态',
};

describe('renderRss', () => {
  it('produces well-formed RSS with absolute links and full content', () => {
    const xml = renderRss({ title: '站点', link: '/', description: '描述', selfUrl: '/feed.xml' }, [item], 'http://localhost:3000');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<link>http://localhost:3000/articles/a-b</link>');
    expect(xml).toContain('<pubDate>Fri, 14 Mar 2025 01:30:00 GMT</pubDate>');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('is well-formed with no items', () => {
    expect(XMLValidator.validate(renderRss({ title: 't', link: '/', description: 'd', selfUrl: '/feed.xml' }, [], 'http://x.test'))).toBe(true);
  });
});

describe('escaping', () => {
  it('removes characters XML forbids', () => {
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('keeps CDATA closed only at its end', () => {
    expect(cdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
  });
});
