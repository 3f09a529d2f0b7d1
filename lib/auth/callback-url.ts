// Auth.js remembers where to return after signing in, in a `callbackUrl` query parameter and a
// cookie. A value that is not an http(s) address on this site makes Auth.js fail with a 500
// (InvalidCallbackUrl) on every one of its endpoints; since the portal never needs a foreign
// one, such values are dropped before Auth.js sees the request.

const CALLBACK_COOKIES = ['authjs.callback-url', '__Secure-authjs.callback-url'];

export function isSameSiteUrl(value: string, origin: string): boolean {
  try {
    const url = new URL(value, origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The request without foreign callback URLs, or the same request when it has none. */
export function withoutForeignCallbackUrl<R extends Request>(request: R, rebuild: (url: URL, headers: Headers) => R): R {
  const url = new URL(request.url);
  let changed = false;
  const param = url.searchParams.get('callbackUrl');
  if (param !== null && !isSameSiteUrl(param, url.origin)) {
    url.searchParams.delete('callbackUrl');
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie) {
    const kept = cookie.split(';').filter((pair) => {
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      return !CALLBACK_COOKIES.includes(name) || isSameSiteUrl(decoded(pair.slice(at + 1).trim()), url.origin);
    });
    if (kept.length !== cookie.split(';').length) {
      headers.set('cookie', kept.join(';'));
      changed = true;
    }
  }
  return changed ? rebuild(url, headers) : request;
}
