import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches } from '@/db/schema/branches';
import { organizationTreeIsEmpty } from '@/lib/branches/queries';
import { createTestDatabase, type TestDatabase } from '../db';

// A new deployment: migrated, an administrator made with `npm run admin:create`, no organization
// entered yet. The desk and the committee-wide reports ask organizationTreeIsEmpty() first and
// show an empty state (they answered 500 and 404 before; cluster.int.test.ts opens the pages).

describe('a deployment before any organization is entered', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads as empty until the first top-level organization exists', async () => {
    expect(await organizationTreeIsEmpty()).toBe(true);
    await db.db.insert(branches).values({ parentId: null, kind: 'work_committee', name: '市直机关工委', code: 'TOP-EMPTY-TEST', unitName: '市直机关工委', establishedOn: '2020-01-01' });
    expect(await organizationTreeIsEmpty()).toBe(false);
  });
});
