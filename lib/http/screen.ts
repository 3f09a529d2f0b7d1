import type { Refusal } from './refusal-page';

// Checks a request at the edge (server.ts), before Next.js parses it, for the malformed or
// hostile input that Next.js would otherwise answer with a bare 500: broken percent-escapes,
// bodies over the upload limit (Next cuts them short and the form parser fails), and server
// actions posted from another origin (Next refuses those by throwing).

export type ScreenInput = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The host the request addressed, after forwarded headers were resolved. */
  host: string | null;
  maxBodyBytes: number;
};

const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

const badRequest: Refusal = { status: 400, title: '请求地址有误', message: '您访问的地址包含无法识别的字符，请检查链接是否完整。' };

export function screenRequest({ method, url, headers, host, maxBodyBytes }: ScreenInput): Refusal | null {
  if (!url.startsWith('/')) return badRequest;
  // Next.js decodes the path and fails with a 500 on a broken escape; query strings it parses leniently.
  const queryAt = url.indexOf('?');
  if (!decodes(queryAt === -1 ? url : url.slice(0, queryAt))) return badRequest;

  const hostHeader = single(headers.host);
  if (hostHeader !== undefined && !HOST.test(hostHeader)) return { status: 400, title: '请求有误', message: '请求的主机名无效。' };

  const length = Number(single(headers['content-length']) ?? 0);
  if (Number.isFinite(length) && length > maxBodyBytes) {
    return { status: 413, title: '上传内容过大', message: `一次提交的内容不能超过 ${Math.floor(maxBodyBytes / 1024 / 1024)} MB，请压缩或拆分后再上传。` };
  }

  if (method === 'POST' && single(headers['next-action']) !== undefined) {
    const origin = single(headers.origin);
    const expected = host ?? hostHeader;
    if (origin !== undefined && (!expected || originHost(origin) !== expected.toLowerCase())) {
      return { status: 403, title: '请求被拒绝', message: '这个表单不是从本站页面提交的，已拒绝。请回到本站页面重新操作。' };
    }
  }
  return null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
