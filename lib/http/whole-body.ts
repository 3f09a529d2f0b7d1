import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

// Next.js streams every page, even one it serves whole from its cache, so a shared page leaves
// the app chunked. nginx stores the answer as it came and, on every microcache hit, frames the
// body in chunks again for the client: it never gives a cached chunked answer a Content-Length.
// That framing was the largest part of what a cache hit costs beyond a static file of the same
// size (a sixth more CPU per hit, bench/scale-out.ts). A page Next.js marks as shared
// (`s-maxage`, its ISR and static pages) is complete before its first byte is written — it is
// rendered into the cache, then sent — so holding it until its end adds no latency: it goes out
// in one piece with a Content-Length. Per-user and dynamic answers still stream.
//
// Installed before Next.js's own compression wrapper, which therefore calls through these: its
// implicit writeHead, and (for a client asking for gzip) its compressed output, which is held
// and measured the same way.

const SHARED = /(^|,)\s*s-maxage=/i;

/** Above this a shared answer streams after all (nothing the portal renders comes near it). */
export const wholeBodyLimitBytes = 4 * 1024 * 1024;

type Callback = (error?: Error | null) => void;

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('The response body must be a string or bytes');
}

/** write/end's optional (encoding, callback) tail. */
function tail(rest: unknown[]): { encoding?: BufferEncoding; callback?: Callback } {
  const [first, second] = rest;
  if (typeof first === 'function') return { callback: first as Callback };
  return { encoding: first as BufferEncoding | undefined, callback: typeof second === 'function' ? (second as Callback) : undefined };
}

/**
 * Makes `response` send a shared page in one piece with a Content-Length. Decided when the
 * headers are first written, implicitly or not: held only when Cache-Control holds `s-maxage`,
 * no length or transfer coding is set, the request is not HEAD and the status carries a body.
 * Anything else passes through untouched.
 */
export function sendSharedPagesWhole(response: ServerResponse, method: string | undefined): void {
  if (method === 'HEAD') return;
  type Untyped = (...args: unknown[]) => unknown;
  const original = { writeHead: response.writeHead as Untyped, write: response.write as Untyped, end: response.end as Untyped, flushHeaders: response.flushHeaders as Untyped };
  // The originals, each called on this response with the arguments given (their overloads
  // cannot be named through .call).
  const call = <T>(fn: Untyped, args: unknown[]) => fn.apply(response, args) as T;
  let state: 'open' | 'holding' | 'passing' = 'open';
  let chunks: Buffer[] = [];
  let size = 0;
  let statusMessage: string | undefined;

  // Not by putting the originals back: Next.js's compression has wrapped these wrappers since.
  const restore = () => {
    state = 'passing';
  };
  const holds = () =>
    !response.headersSent &&
    SHARED.test(String(response.getHeader('cache-control') ?? '')) &&
    !response.hasHeader('content-length') &&
    !response.hasHeader('transfer-encoding') &&
    response.statusCode >= 200 &&
    response.statusCode !== 204 &&
    response.statusCode !== 304;
  /** Decides once, from the headers set so far; true while the answer is held. */
  const holding = () => {
    if (state === 'open') {
      if (holds()) state = 'holding';
      else restore();
    }
    return state === 'holding';
  };
  const sendHeld = (then: 'stream' | 'end', callback?: Callback) => {
    const body = Buffer.concat(chunks);
    chunks = [];
    restore();
    if (then === 'end') response.setHeader('Content-Length', body.length);
    call(original.writeHead, statusMessage === undefined ? [response.statusCode] : [response.statusCode, statusMessage]);
    if (then === 'end') return call<ServerResponse>(original.end, callback ? [body, callback] : [body]);
    if (body.length) call(original.write, [body]);
    return response;
  };

  response.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const [first, second] = rest;
    const reason = typeof first === 'string' ? first : undefined;
    const headers = typeof first === 'string' ? second : first;
    // Raw header arrays are rare and never Next.js's: not worth holding.
    if (state === 'open' && Array.isArray(headers)) restore();
    if (state === 'passing') return call<ServerResponse>(original.writeHead, [statusCode, ...rest]);
    // Same result as Node.js merging them into the headers set before: set them, then decide.
    // (A raw array given once held: flat [name, value, …] or [[name, value], …].)
    const pairs = Array.isArray(headers)
      ? (headers as unknown[]).flatMap((item, i, all) => (Array.isArray(item) ? [item as [string, string]] : i % 2 === 0 ? [[String(item), String(all[i + 1])] as [string, string]] : []))
      : Object.entries((headers ?? {}) as OutgoingHttpHeaders);
    for (const [name, value] of pairs) if (value !== undefined) this.setHeader(name, value);
    this.statusCode = statusCode;
    if (reason !== undefined) statusMessage = reason;
    if (holding()) return this;
    return call<ServerResponse>(original.writeHead, reason === undefined ? [statusCode] : [statusCode, reason]);
  } as ServerResponse['writeHead'];

  response.flushHeaders = function flushHeaders(this: ServerResponse) {
    // Held: the headers go out with the body, Content-Length included.
    if (!holding()) call(original.flushHeaders, []);
  };

  response.write = function write(this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    if (!holding()) return call<boolean>(original.write, [chunk, ...rest]);
    const { encoding, callback } = tail(rest);
    const buffer = toBuffer(chunk, encoding);
    chunks.push(buffer);
    size += buffer.length;
    // Past the limit: send what is held and stream the rest.
    if (size > wholeBodyLimitBytes) sendHeld('stream');
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  response.end = function end(this: ServerResponse, ...all: unknown[]): ServerResponse {
    if (!holding()) return call<ServerResponse>(original.end, all);
    const hasChunk = all.length > 0 && typeof all[0] !== 'function';
    const { encoding, callback } = tail(hasChunk ? all.slice(1) : all);
    if (hasChunk && all[0] !== undefined && all[0] !== null) chunks.push(toBuffer(all[0], encoding));
    return sendHeld('end', callback);
  } as ServerResponse['end'];
}
