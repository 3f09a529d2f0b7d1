import { migrateDatabase } from '@/db/migrate';
import { openConfiguredDatabase } from '@/db/open';

const handle = await openConfiguredDatabase();
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
