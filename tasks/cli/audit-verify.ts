import { verifyAuditChain } from '@/lib/audit/verify';
import { openConfiguredDatabase } from '@/db/open';

// Recomputes the audit trail's hash chain for cron and CI: exit 0 intact, 1 broken (naming the
// first broken row), 2 when the trail could not be read at all. Read-only: it never migrates.
const handle = await openConfiguredDatabase();
try {
  const report = await verifyAuditChain(handle.db);
  if (report.ok) {
    console.log(`Audit chain intact: ${report.rows} rows.`);
  } else {
    console.error(`Audit chain broken at row ${report.brokenAt} (${report.reason}) after ${report.rows} rows.`);
    process.exitCode = 1;
  }
} catch (error) {
  // Drizzle wraps the driver's error; its cause says what went wrong (e.g. no audit_log table).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`Audit chain could not be verified: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
