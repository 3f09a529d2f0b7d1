import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { activityAttendees, activityRecords, activityRecordVersions } from '@/db/schema/activities';
import { media } from '@/db/schema/media';
import { people } from '@/db/schema/people';
import { nodeMembers } from '@/lib/records/roster';
import { branchIdOf, form } from './auth-fixtures';

// Shared by the record-book tests and the permission matrix: valid record forms built from the
// seeded roster, and records written straight to the database in a chosen state.

export const minutesJson = (text = '会议按议程进行，形成会议意见。') =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** The members (probationary and full) of a node and the nodes below it, by name. */
export async function membersOf(db: Database, code: string) {
  return nodeMembers(db, await branchIdOf(db, code), '2026-11-01');
}

/** A complete record form for `code`'s node: everyone present except one absent on official duty. */
export async function recordValues(db: Database, code: string, overrides: Record<string, string | number> = {}): Promise<Record<string, string | number>> {
  const members = await membersOf(db, code);
  if (members.length < 3) throw new Error(`node ${code} has only ${members.length} members`);
  const values: Record<string, string | number> = {
    branchId: await branchIdOf(db, code),
    kind: 'committee_meeting',
    heldOn: '2026-11-20',
    startTime: '15:00',
    endTime: '16:00',
    place: '机关三楼党员活动室',
    topic: '研究十二月支部工作安排',
    firstAgendaStudied: 'on',
    firstAgendaTopic: '学习最新重要讲话精神',
    hostPersonId: members[0]!.id,
    recorderPersonId: members[1]!.id,
    minutesJson: minutesJson(),
  };
  for (const [i, m] of members.entries()) values[`attendance_${m.id}`] = i === members.length - 1 ? 'absent' : 'present';
  values[`absenceReason_${members.at(-1)!.id}`] = 'official_duty';
  return { ...values, ...overrides };
}

export const recordForm = async (db: Database, code: string, overrides: Record<string, string | number> = {}) => form(await recordValues(db, code, overrides));

export const recordRow = async (db: Database, id: number) => (await db.select().from(activityRecords).where(eq(activityRecords.id, id)))[0]!;

export const versionsOf = (db: Database, id: number) => db.select().from(activityRecordVersions).where(eq(activityRecordVersions.recordId, id)).orderBy(asc(activityRecordVersions.revision));

export const attendeesOf = (db: Database, id: number) => db.select().from(activityAttendees).where(eq(activityAttendees.recordId, id)).orderBy(asc(activityAttendees.personId));

/** A draft of `code`'s node, written straight to the database. */
export async function draftIn(db: Database, code: string, values: Partial<typeof activityRecords.$inferInsert> = {}) {
  const [row] = await db
    .insert(activityRecords)
    .values({ branchId: await branchIdOf(db, code), kind: 'committee_meeting', heldOn: '2026-11-18', topic: '草稿', ...values })
    .returning();
  return row!;
}

/** A submitted record (revision 1 and its version row) of `code`'s node, everyone present. */
export async function submittedIn(db: Database, code: string, values: Partial<typeof activityRecords.$inferInsert> = {}) {
  const members = await membersOf(db, code);
  const fields = {
    branchId: await branchIdOf(db, code),
    kind: 'committee_meeting' as const,
    heldOn: '2026-11-10',
    place: '机关三楼党员活动室',
    topic: '已提交的支委会',
    hostPersonId: members[0]!.id,
    recorderPersonId: members[1]!.id,
    minutes: minutesJson(),
    ...values,
  };
  const attendance = members.map((m) => ({ personId: m.id, attendance: 'present' as const, absenceReason: null, absenceNote: null }));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(activityRecords).values({ ...fields, status: 'submitted', revision: 1, submittedAt: new Date(), submittedOn: '2026-11-11' }).returning();
    // The demo seed's version shape: person ids, attendance without names.
    await tx.insert(activityRecordVersions).values({ recordId: row!.id, revision: 1, content: { ...fields, attendance } });
    await tx.insert(activityAttendees).values(attendance.map((a) => ({ ...a, recordId: row!.id })));
    return row!;
  });
}

/** A person of another unit (U02's first branch): no record of U01 may name them. */
export async function strangerTo(db: Database) {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.branchId, await branchIdOf(db, 'U02-B1')), eq(people.status, 'full_member')))
    .limit(1);
  return row!;
}

/** A library image row (no file needed for choosing it as a photo). */
export async function libraryImage(db: Database, alt = '支委会现场') {
  const key = `images/00/${Math.random().toString(16).slice(2).padEnd(16, '0')}${Date.now().toString(16)}.png`;
  const [row] = await db.insert(media).values({ storageKey: key, originalName: 'photo.png', mimeType: 'image/png', byteSize: 1, width: 1, height: 1, altText: alt }).returning();
  return row!;
}
