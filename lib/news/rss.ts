import type { FeedItem } from './feed-queries';

// RSS 2.0 with full content (content:encoded). Built as text: every value escaped, and the
// article HTML (already sanitized) wrapped in CDATA with `]]>` split so it cannot end early.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export type Channel = { title: string; link: string; description: string; selfUrl: string };

export function renderRss(channel: Channel, items: FeedItem[], siteUrl: string): string {
  const absolute = (path: string) => new URL(path, siteUrl).toString();
  const entries = items.map((item) => {
    const link = absolute(`/articles/${item.slug}`);
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      `      <category>${escapeXml(item.columnName)}</category>`,
      item.byline ? `      <dc:creator>${escapeXml(item.byline)}</dc:creator>` : '',
      `      <description>${escapeXml(item.summary ?? '')}</description>`,
      `      <content:encoded>${cdata(item.bodyHtml)}</content:encoded>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(absolute(channel.link))}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    '    <language>zh-CN</language>',
    `    <atom:link href="${escapeXml(absolute(channel.selfUrl))}" rel="self" type="application/rss+xml"/>`,
    items[0] ? `    <lastBuildDate>${items[0].publishedAt.toUTCString()}</lastBuildDate>` : '',
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function rssResponse(xml: string): Response {
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
