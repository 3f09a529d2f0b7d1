import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSharedPagesWhole, wholeBodyLimitBytes } from './whole-body';

// A real server, answered the way Next.js answers: its compression middleware wrapped around
// the response after server.ts's wrapper, headers set, flushHeaders() at the first chunk, then
// several writes and end(). What a client (nginx, or a browser asking for gzip) sees is
// checked on the wire.

type Middleware = (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void;
const compression = (createRequire(import.meta.url)('next/dist/compiled/compression') as (options?: object) => Middleware)();

type Plan = { status?: number; cacheControl?: string; chunks: (string | Uint8Array)[]; length?: boolean; endWith?: string; writeHead?: (response: http.ServerResponse) => void };
const plans = new Map<string, Plan>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    sendSharedPagesWhole(response, request.method);
    compression(request, response, () => answer(request, response));
  });
  const answer = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const plan = plans.get(request.url!)!;
    response.statusCode = plan.status ?? 200;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (plan.cacheControl) response.setHeader('Cache-Control', plan.cacheControl);
    if (plan.length) response.setHeader('Content-Length', plan.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
    plan.writeHead?.(response);
    response.flushHeaders();
    let i = 0;
    const next = () => {
      if (i < plan.chunks.length) {
        // As Next.js writes: no callback (compression drops it), waiting for drain when told to.
        if (response.write(plan.chunks[i++]!)) setImmediate(next);
        else response.once('drain', next);
        return;
      }
      if (plan.endWith) response.end(plan.endWith, 'utf8');
      else response.end();
    };
    next();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw answer: status line and headers as sent, and the body as received. */
function get(path: string, plan: Plan, method = 'GET', encoding = 'identity') {
  plans.set(path, plan);
  return new Promise<{ headers: http.IncomingHttpHeaders; status: number; body: string; bytes: Buffer }>((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers: { 'accept-encoding': encoding } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(parts);
        resolve({ headers: response.headers, status: response.statusCode!, body: bytes.toString('utf8'), bytes });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

describe('sendSharedPagesWhole', () => {
  it('sends a shared page in one piece with its length instead of in chunks', async () => {
    const page = await get('/shared', { cacheControl: 's-maxage=60, stale-while-revalidate=31535940', chunks: ['<!doctype html>', '<p>党建要闻</p>', new TextEncoder().encode('<p>尾</p>')], endWith: '</html>' });
    const body = '<!doctype html><p>党建要闻</p><p>尾</p></html>';
    expect(page.status).toBe(200);
    expect(page.body).toBe(body);
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(page.headers['transfer-encoding']).toBeUndefined();
  });

  it('sends a shared page compressed for a client that asks, whole and with the compressed length', async () => {
    const text = '<p>学习贯彻党的二十大精神</p>'.repeat(200);
    const page = await get('/gzip', { cacheControl: 's-maxage=60', chunks: [text.slice(0, 500), text.slice(500)] }, 'GET', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['transfer-encoding']).toBeUndefined();
    expect(page.headers['content-length']).toBe(String(page.bytes.length));
    expect(gunzipSync(page.bytes).toString('utf8')).toBe(text);
  });

  it('keeps headers and the reason given to writeHead on a held answer, as an object or a raw list', async () => {
    const asObject = await get('/head-object', { cacheControl: 's-maxage=60', chunks: ['<p>一</p>'], writeHead: (r) => r.writeHead(200, 'Cached', { 'X-Portal': 'object' }) });
    expect(asObject.headers['x-portal']).toBe('object');
    expect(asObject.headers['content-length']).toBe(String(Buffer.byteLength('<p>一</p>')));
    // Pairs, as the compression wrapper above expects them.
    const list = [['X-Portal', 'list'], ['X-Second', 'two']] as unknown as http.OutgoingHttpHeader[];
    const asList = await get('/head-list', { cacheControl: 's-maxage=60', chunks: ['<p>二</p>'], writeHead: (r) => r.writeHead(200, list) });
    expect([asList.headers['x-portal'], asList.headers['x-second']]).toEqual(['list', 'two']);
    expect(asList.body).toBe('<p>二</p>');
    expect(asList.headers['content-length']).toBe(String(Buffer.byteLength('<p>二</p>')));
  });

  it('keeps a shared not-found page whole too', async () => {
    const page = await get('/missing', { status: 404, cacheControl: 'private, s-maxage=1', chunks: ['<h1>未找到</h1>'] });
    expect(page.status).toBe(404);
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength('<h1>未找到</h1>')));
  });

  it('streams per-user and uncached answers as before', async () => {
    for (const [i, cacheControl] of [undefined, 'private, no-cache, no-store, max-age=0, must-revalidate', 'public, max-age=300'].entries()) {
      const page = await get(`/streamed-${i}`, { cacheControl, chunks: ['<p>一</p>', '<p>二</p>'] });
      expect(page.body).toBe('<p>一</p><p>二</p>');
      expect(page.headers['transfer-encoding']).toBe('chunked');
      expect(page.headers['content-length']).toBeUndefined();
    }
    const gzipped = await get('/streamed-gzip', { chunks: ['<p>一</p>'.repeat(300), '<p>二</p>'] }, 'GET', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['transfer-encoding']).toBe('chunked');
    expect(gunzipSync(gzipped.bytes).toString('utf8')).toBe('<p>一</p>'.repeat(300) + '<p>二</p>');
  });

  it('leaves an answer that already has a length alone', async () => {
    const page = await get('/sized', { cacheControl: 's-maxage=60', chunks: ['abc', 'def'], length: true });
    expect(page.headers['content-length']).toBe('6');
    expect(page.body).toBe('abcdef');
  });

  it('leaves HEAD and 304 answers alone', async () => {
    const head = await get('/head', { cacheControl: 's-maxage=60', chunks: [] }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBeUndefined();
    const notModified = await get('/unchanged', { status: 304, cacheControl: 's-maxage=60', chunks: [] });
    expect(notModified.status).toBe(304);
    expect(notModified.headers['content-length']).toBeUndefined();
  });

  it('streams a shared answer that outgrows the limit, losing nothing', async () => {
    const piece = 'x'.repeat(1024 * 1024);
    const count = Math.ceil(wholeBodyLimitBytes / piece.length) + 2;
    const page = await get('/large', { cacheControl: 's-maxage=60', chunks: Array.from({ length: count }, () => piece), endWith: 'end' });
    expect(page.headers['transfer-encoding']).toBe('chunked');
    expect(page.body.length).toBe(count * piece.length + 3);
    expect(page.body.endsWith('xend')).toBe(true);
  });
});
