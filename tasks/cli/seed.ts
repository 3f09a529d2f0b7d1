import { migrateDatabase } from '@/db/migrate';
import { openConfiguredDatabase } from '@/db/open';
import { seedDatabase, wantsDemoContent } from '../seed';

const said = {
  seeded: 'demo content written',
  'already-present': 'demo content already present, nothing changed',
  skipped: 'demo content skipped (set SEED_DEMO=1 to seed a server)',
};

const handle = await openConfiguredDatabase();
try {
  await migrateDatabase(handle);
  const result = await seedDatabase(handle.db, { demo: wantsDemoContent(handle) });
  console.log(`Reference data ensured; ${said[result.demo]} (${handle.kind}).`);
} finally {
  await handle.close();
}
