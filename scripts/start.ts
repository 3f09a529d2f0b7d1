import { lockHolder } from '../db/lock';
import { env } from '../lib/env';
import { buildIsCurrent, writeBuildStamp } from './build-stamp';
import { bin, run, serverCommand } from './run';

// `npm start`: build when the sources changed, refuse a second server on one embedded
// database, then serve. The server itself migrates and seeds on boot (instrumentation.ts).
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!env.DATABASE_URL) {
  const holder = lockHolder(env.pgliteDir);
  if (holder) {
    console.error(`The embedded database ${env.pgliteDir} is already in use by process ${holder}: another portal is running on it.`);
    console.error('Stop that process first, or start this one with another PGLITE_DIR (or a DATABASE_URL).');
    process.exit(1);
  }
}

if (!buildIsCurrent()) {
  console.log('No current build: building the portal first (this takes a few minutes)…');
  const code = await run(bin('next'), ['build'], baseEnv);
  if (code !== 0) process.exit(code);
  writeBuildStamp();
}

process.exit(await run(serverCommand.command, [...serverCommand.args], baseEnv));
