import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { createTestDatabase, type TestDatabase } from '../db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('answers ok when the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 with a reason, and no internals, when the database is unreachable', async () => {
    const broken = await createTestDatabase();
    await broken.close();
    setDatabaseHandle(broken);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ status: 'error', db: 'error', reason: 'database unreachable' });
    } finally {
      setDatabaseHandle(db);
    }
  });
});
