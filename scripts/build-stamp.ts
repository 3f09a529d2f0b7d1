import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// `npm start` rebuilds only when the sources changed since the last build.
const SOURCES = ['app', 'components', 'lib', 'db', 'tasks', 'config', 'drizzle', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
const SKIP = /(\.test\.tsx?$)|(^|\/)node_modules\//;

function walk(entry: string, out: string[]) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) for (const name of fs.readdirSync(entry).sort()) walk(path.join(entry, name), out);
  else if (!SKIP.test(entry)) out.push(entry);
}

export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(root, source), files);
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export const stampPath = (root = process.cwd()) => path.join(root, '.next', 'portal-build-stamp');

export function buildIsCurrent(root = process.cwd()): boolean {
  try {
    return fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.readFileSync(stampPath(root), 'utf8') === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function writeBuildStamp(root = process.cwd()) {
  fs.writeFileSync(stampPath(root), sourceFingerprint(root));
}
