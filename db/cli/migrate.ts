import { migrateDatabase } from '../migrate';
import { openConfiguredDatabase } from '../open';

const handle = await openConfiguredDatabase();
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
