import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Env } from '@/lib/env';
import { mediaMime } from './mime';
import { attachmentMime } from './sniff';
import { assertSafeKey, type MediaStorage } from './storage';

// Media on an S3-compatible object store (AWS S3, MinIO, Ceph, a cloud's S3 API). Same contract
// as the local disk: keys are content-addressed and immutable, so put() of a stored key writes
// nothing, and a missing object reads as null. Keys are checked before any request is made.

export type S3StorageConfig = {
  bucket: string;
  region: string;
  /** An S3-compatible server's origin; unset means AWS. */
  endpoint?: string;
  /** Unset: the SDK's usual credential sources (instance role, ~/.aws, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** A folder inside the bucket: objects are stored as `<prefix>/<key>`. */
  prefix?: string;
};

/** The bucket named by the S3_* variables, or an error saying what is missing. */
export function s3ConfigFromEnv(source: Env): S3StorageConfig {
  if (!source.S3_BUCKET) throw new Error('S3_BUCKET is not set: name the bucket (and S3_ENDPOINT for a server other than AWS).');
  return {
    bucket: source.S3_BUCKET,
    region: source.S3_REGION,
    endpoint: source.S3_ENDPOINT,
    credentials: source.S3_ACCESS_KEY_ID && source.S3_SECRET_ACCESS_KEY ? { accessKeyId: source.S3_ACCESS_KEY_ID, secretAccessKey: source.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: source.S3_FORCE_PATH_STYLE,
    prefix: source.S3_PREFIX,
  };
}

/** What an object is served as, from its key's extension (chosen from the checked content). */
function contentTypeOf(key: string): string {
  const ext = /\.([a-z0-9]+)$/.exec(key)?.[1] ?? '';
  return mediaMime(key) ?? (attachmentMime as Record<string, string>)[ext] ?? 'application/octet-stream';
}

/** 404 from HeadObject (NotFound, no body) or GetObject (NoSuchKey). */
function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata?.httpStatusCode === 404;
}

export function s3Storage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    forcePathStyle: config.forcePathStyle,
    // Checksums only where the API requires them: many S3-compatible servers reject or ignore
    // the SDK's default CRC32 trailers, and content keys are SHA-256 names anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => {
    assertSafeKey(key);
    return config.prefix ? `${config.prefix}/${key}` : key;
  };

  const stat = async (key: string) => {
    const Key = objectKey(key);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    async put(key, data) {
      const Key = objectKey(key);
      // A stored key already holds these very bytes (the key is their hash): write nothing.
      if (await stat(key)) return;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: data, ContentLength: data.byteLength, ContentType: contentTypeOf(key) }));
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key }));
        if (!object.Body) return null;
        return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    stat,
    async delete(key) {
      // S3 answers 204 whether or not the object existed: deleting twice is no error.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
