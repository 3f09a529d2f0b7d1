import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

// The media store's settings: local disk unless told otherwise, and clear errors for a bucket
// configuration that could not work.

describe('media storage configuration', () => {
  it('defaults to the local disk, and S3 to us-east-1 with virtual-host URLs', () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({ MEDIA_STORAGE: 'local', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
    expect([defaults.S3_BUCKET, defaults.S3_ENDPOINT, defaults.S3_PREFIX]).toEqual([undefined, undefined, undefined]);
  });

  it('reads a self-hosted bucket, with path-style URLs unless told otherwise', () => {
    const s3 = { MEDIA_STORAGE: 's3', S3_BUCKET: 'portal-media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_PREFIX: 'city/media' };
    expect(parseEnv(s3)).toMatchObject({ ...s3, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
    expect(parseEnv({ ...s3, S3_FORCE_PATH_STYLE: '0', S3_REGION: 'cn-north-1' })).toMatchObject({ S3_FORCE_PATH_STYLE: false, S3_REGION: 'cn-north-1' });
  });

  it('names what is wrong', () => {
    const error = (vars: Record<string, string>) => {
      try {
        parseEnv(vars);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error({ MEDIA_STORAGE: 'gcs' })).toContain('MEDIA_STORAGE must be local or s3');
    expect(error({ MEDIA_STORAGE: 's3' })).toContain('S3_BUCKET: S3_BUCKET is required when MEDIA_STORAGE=s3');
    expect(error({ S3_BUCKET: 'Portal_Media' })).toContain('S3_BUCKET must be a bucket name');
    expect(error({ S3_ENDPOINT: 'minio:9000' })).toContain('S3_ENDPOINT must be an http:// or https:// origin');
    expect(error({ S3_ACCESS_KEY_ID: 'id' })).toContain('S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    expect(error({ S3_PREFIX: '/media/' })).toContain('S3_PREFIX must be folder names joined by /');
    expect(error({ S3_PREFIX: 'a/../b' })).toContain('S3_PREFIX must not contain . or .. folders');
    expect(error({ S3_FORCE_PATH_STYLE: 'yes' })).toContain('S3_FORCE_PATH_STYLE must be 1 or 0');
  });
});
