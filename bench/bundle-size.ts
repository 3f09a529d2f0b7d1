import { gzipSync } from 'node:zlib';

export type BundleSize = {
  path: string;
  status: number;
  scripts: { src: string; status: number; bytes: number; gzipBytes: number }[];
  totalGzipKb: number;
};

/** First-load JS of one page: every /_next/static script its HTML names, gzipped at level 9. */
export async function firstLoadJs(baseUrl: string, path: string): Promise<BundleSize> {
  const page = await fetch(baseUrl + path);
  const html = await page.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="(\/_next\/static\/[^"]+)"/.exec(match[0])?.[1];
    // Modern browsers skip noModule scripts (legacy polyfills), so they are not first-load JS.
    if (src && !/\snomodule\b/i.test(match[0])) sources.add(src.replace(/&amp;/g, '&'));
  }
  const scripts = [];
  for (const src of sources) {
    const response = await fetch(baseUrl + src);
    const body = Buffer.from(await response.arrayBuffer());
    scripts.push({ src, status: response.status, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  const total = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  return { path, status: page.status, scripts, totalGzipKb: total / 1024 };
}
