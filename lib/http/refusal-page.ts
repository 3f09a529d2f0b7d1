import { securityHeaders } from '@/lib/security/headers';

// The page the edge answers with when it refuses a request before Next.js sees it: Chinese,
// self-contained (no script, no external file), with the same security headers as every page.

export type Refusal = { status: 400 | 403 | 413 | 429 | 503; title: string; message: string; retryAfterSeconds?: number };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalHtml({ status, title, message }: Refusal): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}（${status}）</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}h1{color:#a4161a;font-size:1.5rem}a{color:#a4161a}</style>
</head><body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">返回首页</a></p></main></body></html>
`;
}

export function refusalHeaders(refusal: Refusal, bodyBytes: number): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(bodyBytes),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  };
  for (const { key, value } of securityHeaders) headers[key] = value;
  if (refusal.retryAfterSeconds) headers['Retry-After'] = String(refusal.retryAfterSeconds);
  return headers;
}
