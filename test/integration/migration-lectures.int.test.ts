import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { type DatabaseHandle, migrationsFolder, openDatabase } from '@/db/open';
import { selectRows } from '@/db/rows';
import { rebuildLectureSearchVectors } from '@/lib/lectures/search-index';

// A database written before the lecture catalog's migration keeps its rows: the two booleans
// become yearly list rows, free-text themes and old formats become codes, existing lectures stay
// public, a scheduled day becomes a slot with the lecturer, a cancelled booking's note its reason.
// Built by applying every migration before it, writing rows in the old shape, then the rest.

let handle: DatabaseHandle;
let oldFolder: string;

beforeAll(async () => {
  oldFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const lecturesIdx = journal.entries.find((e) => e.tag.endsWith('_lectures_catalog'))!.idx;
  const before = journal.entries.filter((e) => e.idx < lecturesIdx);
  fs.mkdirSync(path.join(oldFolder, 'meta'));
  fs.writeFileSync(path.join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  for (const e of before) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(oldFolder, `${e.tag}.sql`));
  handle = await openDatabase({ kind: 'pglite' });
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder: oldFolder });
});

afterAll(async () => {
  await handle?.close();
  fs.rmSync(oldFolder, { recursive: true, force: true });
});

describe('the lecture catalog migration on a database with rows of the old schema', () => {
  it('carries every row over', async () => {
    const db = handle.db;
    await db.execute(sql`insert into branches (kind, name, unit_name, code) values ('branch', '第一党支部', '某局', 'B1')`);
    await db.execute(sql`
      insert into lecturers (name, unit_name, featured, created_at) values
        ('甲讲师', '市委党校', true, '2025-03-01T02:00:00Z'), ('乙讲师', '某局', false, '2025-03-01T02:00:00Z')`);
    await db.execute(sql`
      insert into lectures (title, theme, lecturer_id, format, duration_minutes, summary, showcase, created_at)
      select v.title, v.theme, l.id, v.format, v.minutes, '简介', v.showcase, '2025-03-02T02:00:00Z'
      from (values ('建党精神课', '建党精神', 'classroom', 90, true, '甲讲师'), ('园区现场课', '优化营商环境', 'field_visit', 120, false, '乙讲师'),
                   ('线上课', '自拟主题', 'online', 60, false, '乙讲师')) v(title, theme, format, minutes, showcase, lecturer)
      join lecturers l on l.name = v.lecturer`);
    await db.execute(sql`
      insert into lecture_bookings (branch_id, lecture_id, requested_on, scheduled_on, status, delivered_on, rating, feedback)
      select b.id, l.id, v.requested::date, v.scheduled::date, v.status, v.delivered::date, v.rating, v.feedback
      from (values ('2025-03-01', '2025-03-20', 'delivered', '2025-03-20', 5, '很好'), ('2026-04-01', null, 'cancelled', null, null, '因值班取消'),
                   ('2026-11-01', null, 'scheduled', null, null, null)) v(requested, scheduled, status, delivered, rating, feedback)
      cross join branches b join lectures l on l.title = '建党精神课'`);

    await migrateDatabase(handle);

    expect(await selectRows(db, sql`select l.name, x.year from lecturer_listings x join lecturers l on l.id = x.lecturer_id`)).toEqual([{ name: '甲讲师', year: 2025 }]);
    expect(await selectRows(db, sql`select l.title, x.year from lecture_showcases x join lectures l on l.id = x.lecture_id`)).toEqual([{ title: '建党精神课', year: 2025 }]);
    expect(await selectRows(db, sql`select title, theme, format, published from lectures order by title`)).toEqual([
      { title: '园区现场课', theme: 'business_environment', format: 'on_site', published: true },
      { title: '建党精神课', theme: 'party_history', format: 'topical', published: true },
      { title: '线上课', theme: 'party_building', format: 'topical', published: true },
    ]);
    const bookings = await selectRows<Record<string, unknown>>(
      db,
      sql`select b.status, b.scheduled_starts_at, b.scheduled_ends_at, b.lecturer_id = l.lecturer_id as same_lecturer, b.cancel_reason, b.feedback, b.rating, b.rated_at is not null as rated
          from lecture_bookings b join lectures l on l.id = b.lecture_id order by b.id`,
    );
    expect(bookings[0]).toMatchObject({ status: 'delivered', same_lecturer: true, feedback: '很好', rating: 5, rated: true });
    expect(new Date(bookings[0]!.scheduled_starts_at as string).toISOString()).toBe('2025-03-20T01:00:00.000Z');
    expect(new Date(bookings[0]!.scheduled_ends_at as string).toISOString()).toBe('2025-03-20T02:30:00.000Z');
    expect(bookings[1]).toMatchObject({ status: 'cancelled', cancel_reason: '因值班取消', feedback: null });
    // A "scheduled" row without a day is a request again: a slot is now required.
    expect(bookings[2]).toMatchObject({ status: 'requested', scheduled_starts_at: null });

    // The boot-time reindex fills the vectors the migration could not compute.
    expect(await rebuildLectureSearchVectors(db, { onlyMissing: true })).toBe(3);
    expect(await selectRows(db, sql`select title from lectures where search_vector @@ '园区'::tsquery`)).toEqual([{ title: '园区现场课' }]);
  });
});
