import { afterEach, describe, expect, it, vi } from 'vitest';
import { logAuthError } from './auth-logger';

const sessionError = () => Object.assign(new Error('Read more at https://errors.authjs.dev#jwtsessionerror'), { type: 'JWTSessionError', name: 'x' });

describe('logAuthError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs garbage session cookies as one line at most once a minute, never a stack trace', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const start = 1_000_000_000_000;
    for (let i = 0; i < 100; i++) logAuthError(sessionError(), start + i * 100);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).not.toMatch(/\n\s+at /);
    logAuthError(sessionError(), start + 61_000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('logs other Auth.js errors by kind and message only', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    logAuthError(Object.assign(new Error('Invalid callback URL.'), { type: 'InvalidCallbackUrl' }));
    expect(error).toHaveBeenCalledWith('[auth] InvalidCallbackUrl: Invalid callback URL.');
  });
});
