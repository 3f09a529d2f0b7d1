import { eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/open';
import { branches } from '@/db/schema/branches';
import { env } from '@/lib/env';
import { seedBase } from './base';
import { seedArticlesFor } from './demo-news';
import { seedActivities } from './demo-activities';
import { ROSTER_BRANCHES, seedBranchTree, seedDemoAccounts, seedPeople } from './demo-org';
import { seedDevelopment, seedLectureCatalog } from './demo-records';
import { seedConcentratedTraining, seedTraining } from './demo-training';
import { seedInspections } from './demo-inspections';
import { seedReviews } from './demo-reviews';

/** Demo content belongs in the embedded database, or on a server only when SEED_DEMO=1. */
export const wantsDemoContent = (handle: DatabaseHandle) => handle.kind === 'pglite' || env.SEED_DEMO;

export type SeedResult = { base: true; demo: 'seeded' | 'already-present' | 'skipped' };

/** The demo is present once the work committee's root node exists. */
async function hasDemo(db: Database) {
  const rows = await db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'WC')).limit(1);
  return rows.length > 0;
}

/**
 * Idempotent: reference data is upserted; the demo is written once, in one transaction, and
 * only when asked for (the embedded database, or SEED_DEMO=1 on a server).
 */
export async function seedDatabase(db: Database, options: { demo: boolean }): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    // Two starting processes must not both seed: serialize on a transaction-level lock.
    await tx.execute(sql`select pg_advisory_xact_lock(7416002)`);
    await seedBase(tx);
    if (!options.demo) return { base: true, demo: 'skipped' } as const;
    if (await hasDemo(tx)) return { base: true, demo: 'already-present' } as const;
    const branchIdsByCode = await seedBranchTree(tx);
    const users = await seedDemoAccounts(tx, branchIdsByCode);
    const people = await seedPeople(tx, branchIdsByCode, users);
    // The branches with a full roster, the demo secretary's first.
    const ids = { users, people, branchIds: ROSTER_BRANCHES.map((code) => branchIdsByCode.get(code)!) };
    await seedArticlesFor(tx, users);
    await seedLectureCatalog(tx, ids);
    await seedTraining(tx, ids);
    const notMembers = await seedDevelopment(tx, ids);
    await seedConcentratedTraining(tx, ids);
    await seedActivities(tx, { ...ids, codes: branchIdsByCode, notMembers });
    await seedReviews(tx, ids);
    await seedInspections(tx, { users, codes: branchIdsByCode });
    return { base: true, demo: 'seeded' } as const;
  });
}
