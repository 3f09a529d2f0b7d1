import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { type DatabaseHandle, migrationsFolder, openDatabase } from '@/db/open';
import { selectRows } from '@/db/rows';

// A database written before the branch-life schema (migration 0007) keeps its rows: names become
// people, free-text absences keep their text, submitted records get their first version, typed
// secretary names become committee positions. Built by applying 0000–0006, writing rows in the
// old shape, then applying the rest.

let handle: DatabaseHandle;
let oldFolder: string;

beforeAll(async () => {
  oldFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const before = journal.entries.filter((e) => e.idx < 7);
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

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'accepted';
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
}

describe('migration 0007 on a database with rows of the old schema', () => {
  it('carries every row over', async () => {
    await handle.db.execute(sql`
      insert into branches (kind, name, unit_name, code, secretary_name, deputy_secretary_name, member_count, committee_term_ends_on)
      values ('branch', '第一党支部', '某局', 'B1', '王书记', '李副书记', 12, '2027-03-31')`);
    await handle.db.execute(sql`insert into people (branch_id, name, party_position) select id, '张委员', 'committee_member' from branches where code = 'B1'`);
    await handle.db.execute(sql`
      insert into activity_records (branch_id, kind, held_on, place, topic, first_agenda_topic, host_name, recorder_name, status, entered_at, submitted_at)
      select id, 'committee_meeting', '2026-03-10', '会议室', '研究月度工作', '学习讲话精神', '王书记', '张委员', 'submitted', '2026-03-12T02:00:00Z', '2026-03-12T02:00:00Z'
      from branches where code = 'B1'`);
    await handle.db.execute(sql`
      insert into activity_attendees (activity_id, person_name, attendance, absence_reason)
      select r.id, n.name, n.attendance, n.reason from activity_records r,
        (values ('王书记', 'present', null), ('张委员', 'present', null), ('赵党员', 'absent', '因公出差')) n(name, attendance, reason)`);

    await migrateDatabase(handle);

    const attendees = await selectRows<{ name: string; attendance: string; absence_reason: string | null; absence_note: string | null }>(
      handle.db,
      sql`select p.name, a.attendance, a.absence_reason, a.absence_note from activity_attendees a join people p on p.id = a.person_id order by p.name`,
    );
    expect(attendees).toEqual([
      { name: '张委员', attendance: 'present', absence_reason: null, absence_note: null },
      { name: '王书记', attendance: 'present', absence_reason: null, absence_note: null },
      { name: '赵党员', attendance: 'absent', absence_reason: 'other', absence_note: '因公出差' },
    ]);
    const [record] = await selectRows<{ host: string; recorder: string; submitted_on: string; revision: number; versions: number; studied: boolean }>(
      handle.db,
      sql`select h.name as host, c.name as recorder, r.submitted_on::text, r.revision, r.first_agenda_studied as studied,
            (select count(*)::int from activity_record_versions v where v.record_id = r.id) as versions
          from activity_records r join people h on h.id = r.host_person_id join people c on c.id = r.recorder_person_id`,
    );
    expect(record).toEqual({ host: '王书记', recorder: '张委员', submitted_on: '2026-03-12', revision: 1, versions: 1, studied: true });
    const positions = await selectRows<{ name: string; position: string; ends_on: string }>(
      handle.db,
      sql`select p.name, c.position, c.ends_on::text from committee_positions c join people p on p.id = c.person_id order by c.position`,
    );
    expect(positions).toEqual([
      { name: '张委员', position: 'committee_member', ends_on: '2027-03-31' },
      { name: '李副书记', position: 'deputy_secretary', ends_on: '2027-03-31' },
      { name: '王书记', position: 'secretary', ends_on: '2027-03-31' },
    ]);
  });

  it('then locks the carried-over submitted record like any other', async () => {
    expect(await refusal(handle.db.execute(sql`update activity_records set topic = '改过的议题'`))).toMatch(/is locked/);
    expect(await refusal(handle.db.execute(sql`delete from activity_attendees`))).toMatch(/is locked/);
  });
});
