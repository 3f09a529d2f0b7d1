import { securityHeaders } from '@/lib/security/headers';
import { site } from '@/lib/site';

// The answers to a search that is refused before it runs: 503 when every search slot stayed
// busy, 429 when one client searched too often. A small self-contained page (no scripts), so
// sending it costs next to nothing while the site is under load.

const texts = {
  busy: { status: 503, title: '站点繁忙', text: '站点繁忙，搜索的人较多，请稍后再试。' },
  limited: { status: 429, title: '搜索过于频繁', text: '您的搜索次数过多，请稍后再试。' },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function searchRefusal(kind: keyof typeof texts, retryAfterSeconds: number, retryUrl: string): Response {
  const { status, title, text } = texts[kind];
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title} - ${site.name}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222;line-height:1.7}h1{color:#b71c1c;font-size:1.5rem}a{color:#b71c1c;margin-right:1.5rem}</style>
</head>
<body><main>
<h1>${title}</h1>
<p>${text}约 ${retryAfterSeconds} 秒后可以重试。</p>
<p><a href="${escapeHtml(retryUrl)}">重新搜索</a><a href="/">返回首页</a></p>
</main></body>
</html>
`;
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Retry-After': String(retryAfterSeconds),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  });
  for (const { key, value } of securityHeaders) headers.set(key, value);
  return new Response(html, { status, headers });
}
