import { describe, expect, it } from 'vitest';
import { cookieFrom, deviceIdFor, readDeviceTokens, withDeviceToken } from './device-cookie';

const SECRET = 'a-test-secret-that-is-long-enough-000000';

describe('device cookie', () => {
  it('names the user and a device after a sign-in, and keeps that device on the next one', () => {
    const first = withDeviceToken(SECRET, undefined, 'admin');
    const device = deviceIdFor(SECRET, first, 'admin');
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(deviceIdFor(SECRET, withDeviceToken(SECRET, first, 'admin'), 'admin')).toBe(device);
    expect(deviceIdFor(SECRET, first, 'editor')).toBeNull();
  });

  it('holds several users of one browser, each with their own device id', () => {
    const value = withDeviceToken(SECRET, withDeviceToken(SECRET, undefined, 'admin'), 'editor');
    expect(readDeviceTokens(SECRET, value).map((t) => t.usernameKey)).toEqual(['editor', 'admin']);
    expect(deviceIdFor(SECRET, value, 'admin')).not.toBe(deviceIdFor(SECRET, value, 'editor'));
  });

  it('refuses a token signed with another key, a token moved to another user, and junk', () => {
    const value = withDeviceToken(SECRET, undefined, 'admin');
    expect(deviceIdFor('another-secret-that-is-long-enough-0000', value, 'admin')).toBeNull();
    const [, deviceId, sig] = value.split('.');
    const moved = `${Buffer.from('editor').toString('base64url')}.${deviceId}.${sig}`;
    expect(deviceIdFor(SECRET, moved, 'editor')).toBeNull();
    for (const junk of ['', 'x', '...', 'a.b.c~~', '%%%'.repeat(1000)]) expect(readDeviceTokens(SECRET, junk)).toEqual([]);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieFrom('a=1; portal-device=xyz; b=2', 'portal-device')).toBe('xyz');
    expect(cookieFrom('a=1', 'portal-device')).toBeUndefined();
    expect(cookieFrom(null, 'portal-device')).toBeUndefined();
  });
});
