import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { copyLocalMedia } from '@/lib/media/migrate';
import { s3ConfigFromEnv, s3Storage } from '@/lib/media/s3-storage';

// Copies $DATA_DIR/media into the bucket named by the S3_* variables, before or after switching
// to MEDIA_STORAGE=s3. Safe to rerun: objects already there with the same size are skipped.
// Exit 0 when every file is in the bucket, 1 when some failed, 2 when nothing could be tried.
const root = path.join(env.dataDir, 'media');

async function main(): Promise<number> {
  let config;
  try {
    config = s3ConfigFromEnv(env);
  } catch (error) {
    console.error(`Media migration not started: ${(error as Error).message}`);
    return 2;
  }
  if (!fs.existsSync(root)) {
    console.log(`No local media at ${root}: nothing to copy.`);
    return 0;
  }
  const target = `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}${config.endpoint ? ` at ${config.endpoint}` : ''}`;
  console.log(`Copying ${root} to ${target} …`);
  const started = performance.now();
  const report = await copyLocalMedia(root, s3Storage(config));
  for (const { key, reason } of report.failures) console.error(`  failed ${key}: ${reason}`);
  const ignored = report.ignored ? `, ${report.ignored} unfinished temporary files ignored` : '';
  console.log(
    `Media migration: ${report.copied} copied, ${report.skipped} skipped (already there), ${report.failed} failed${ignored} in ${Math.round(performance.now() - started)} ms.`,
  );
  return report.failed ? 1 : 0;
}

process.exitCode = await main();
