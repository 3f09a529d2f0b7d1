import { encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it } from 'vitest';
import { rememberedTokens, sessionCookieName, sessionIdFromToken } from './session-token';

const secret = 'unit-test-secret-0123456789abcdef0123456789abcdef';
const name = 'authjs.session-token';
const sid = '6f1c2a8e-3b7d-4c1e-9a2f-0d5e8b7c6a41';
const tokenFor = (payload: Record<string, unknown>, maxAge = 3600, salt = name) => encode({ token: payload, secret, salt, maxAge });

beforeEach(() => rememberedTokens.clear());

describe('sessionCookieName', () => {
  it('uses the __Secure- name on https, as Auth.js does, and https when the scheme is unknown', () => {
    expect(sessionCookieName('https', '')).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName('http', '')).toBe('authjs.session-token');
    expect(sessionCookieName('http:', '')).toBe('authjs.session-token');
    expect(sessionCookieName(null, '')).toBe('__Secure-authjs.session-token');
  });

  it('follows AUTH_URL over the forwarded scheme when it is set', () => {
    expect(sessionCookieName('http', 'https://dangjian.example.cn')).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName('https', 'http://127.0.0.1:3000')).toBe('authjs.session-token');
  });
});

describe('sessionIdFromToken', () => {
  it('reads the session id an Auth.js session cookie carries', async () => {
    const token = await tokenFor({ sub: '1', sid });
    expect(await sessionIdFromToken(token, secret, name)).toBe(sid);
  });

  it('remembers a decoded token: the second request does not decrypt it again', async () => {
    const token = await tokenFor({ sub: '1', sid });
    expect(await sessionIdFromToken(token, secret, name)).toBe(sid);
    expect(rememberedTokens.size()).toBe(1);
    // With a key that could not decrypt it, only the remembered answer can give the sid.
    expect(await sessionIdFromToken(token, 'another-secret-0123456789abcdef0123456789ab', name)).toBe(sid);
  });

  it('refuses a remembered token once the token itself has expired', async () => {
    const token = await tokenFor({ sub: '1', sid }, 60);
    expect(await sessionIdFromToken(token, secret, name)).toBe(sid);
    expect(await sessionIdFromToken(token, secret, name, Date.now() + 61_000)).toBeNull();
  });

  it('refuses forged, foreign and expired tokens without remembering them', async () => {
    const foreign = await encode({ token: { sid }, secret: 'someone-elses-secret-0123456789abcdef012345', salt: name, maxAge: 3600 });
    const expired = await tokenFor({ sid }, -60);
    for (const token of ['not-a-token', `${(await tokenFor({ sid })).slice(0, -4)}AAAA`, foreign, expired]) {
      expect(await sessionIdFromToken(token, secret, name)).toBeNull();
    }
    expect(rememberedTokens.size()).toBe(0);
  });

  it('keys the token by its cookie name: a value moved to the other cookie is not a session', async () => {
    const token = await tokenFor({ sid }, 3600, '__Secure-authjs.session-token');
    expect(await sessionIdFromToken(token, secret, '__Secure-authjs.session-token')).toBe(sid);
    expect(await sessionIdFromToken(token, secret, name)).toBeNull();
  });

  it('answers null for a valid token without a session id', async () => {
    expect(await sessionIdFromToken(await tokenFor({ sub: '1' }), secret, name)).toBeNull();
  });

  it('accepts a list of secrets, as Auth.js does when a secret is rotated', async () => {
    const token = await tokenFor({ sid });
    expect(await sessionIdFromToken(token, ['a-newer-secret-0123456789abcdef0123456789abc', secret], name)).toBe(sid);
  });
});
