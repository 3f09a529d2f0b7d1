// Opens, migrates and (for the embedded demo) seeds the database as the server boots, so the
// directory lock is held from the start and a second server on the same data exits at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isBuildPhase } = await import('@/lib/env');
  if (isBuildPhase()) return;
  const { getDatabaseHandle } = await import('@/db/client');
  try {
    const handle = await getDatabaseHandle();
    console.log(`[portal] database ready (${handle.kind})`);
  } catch (error) {
    console.error(`[portal] cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
