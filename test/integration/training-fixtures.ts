import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { people } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingRounds, trainingSessions, type TrainingKind } from '@/db/schema/training';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { branchIdOf, form } from './auth-fixtures';

// Training rows written straight to the database for the training tests and the permission
// matrix. The demo secretary's branch is U01-B1; 财政局 (U02) is another unit.

export const HOME = 'U01-B1';
export const inDays = (n: number) => addDays(todayInBeijing(), n);

let made = 0;

export async function roundIn(db: Database, { kind = 'rotation' as TrainingKind, startsOn = inDays(-30), endsOn = inDays(30), requiredHours = 8 } = {}) {
  const [row] = await db
    .insert(trainingRounds)
    .values({ name: `测试培训班${++made}`, kind, audience: 'secretaries', startsOn, endsOn, requiredHours, organizer: '市委市级机关工委' })
    .returning();
  return row!;
}

export async function sessionIn(db: Database, round: { id: number; startsOn: string }, { hours = 4, heldOn = round.startsOn } = {}) {
  const [row] = await db.insert(trainingSessions).values({ roundId: round.id, heldOn, hours, topic: `测试课次${++made}` }).returning();
  return row!;
}

export async function personIn(db: Database, code: string, name = `测试学员${++made}`) {
  const [row] = await db.insert(people).values({ branchId: await branchIdOf(db, code), name }).returning();
  return row!;
}

export async function traineeIn(db: Database, round: { id: number }, person: { id: number; branchId: number }) {
  const [row] = await db.insert(trainees).values({ roundId: round.id, personId: person.id, branchId: person.branchId, enrolledOn: todayInBeijing() }).returning();
  return row!;
}

export async function attend(db: Database, session: { id: number }, trainee: { id: number }) {
  await db.insert(trainingAttendance).values({ sessionId: session.id, traineeId: trainee.id });
}

export async function traineeRow(db: Database, id: number) {
  const [row] = await db.select().from(trainees).where(eq(trainees.id, id));
  return row!;
}

/** A sheet as an uploaded file in a form. */
export function sheetForm(values: Record<string, string | number>, text: string, name = 'sheet.csv'): FormData {
  const data = form(values);
  data.set('sheet', new File([text], name, { type: 'text/csv' }));
  return data;
}

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** The permission matrix's rows for lib/training/actions.ts; people sit in the demo secretary's branch. */
export function trainingCases(db: () => Database): Record<string, Case> {
  const roundForm = { name: '矩阵测试培训班', kind: 'rotation', audience: 'secretaries', startsOn: inDays(-5), endsOn: inDays(5), requiredHours: '8', organizer: '市委市级机关工委' };
  return {
    createRoundAction: { permission: 'training.manage', audit: 'training.round_create', form: async () => form(roundForm) },
    updateRoundAction: {
      permission: 'training.manage',
      audit: 'training.round_update',
      form: async () => {
        const r = await roundIn(db());
        return form({ ...roundForm, id: r.id, version: r.version, name: '矩阵测试培训班（改）' });
      },
    },
    createSessionAction: {
      permission: 'training.manage',
      audit: 'training.session_create',
      form: async () => form({ roundId: (await roundIn(db())).id, heldOn: todayInBeijing(), hours: '3.5', topic: '矩阵课次', teacher: '' }),
    },
    updateSessionAction: {
      permission: 'training.manage',
      audit: 'training.session_update',
      form: async () => {
        const r = await roundIn(db());
        const s = await sessionIn(db(), r);
        return form({ roundId: r.id, id: s.id, version: s.version, heldOn: s.heldOn, hours: '5', topic: s.topic });
      },
    },
    enrolUnitAction: {
      permission: 'training.enrol',
      audit: 'training.enrol',
      form: async () => form({ roundId: (await roundIn(db())).id, branchId: await branchIdOf(db(), HOME), whom: 'secretaries' }),
    },
    enrolPeopleAction: {
      permission: 'training.enrol',
      audit: 'training.enrol',
      form: async () => form({ roundId: (await roundIn(db())).id, personIds: String((await personIn(db(), HOME)).id) }),
    },
    recordAttendanceAction: {
      permission: 'training.manage',
      audit: 'training.attendance',
      form: async () => {
        const r = await roundIn(db());
        const s = await sessionIn(db(), r);
        const t = await traineeIn(db(), r, await personIn(db(), HOME));
        return form({ sessionId: s.id, version: s.version, shown: String(t.id), present: String(t.id) });
      },
    },
    previewImportAction: {
      permission: 'training.manage',
      audit: 'training.import_preview',
      form: async () => {
        const r = await roundIn(db());
        const s = await sessionIn(db(), r);
        const p = await personIn(db(), HOME);
        await traineeIn(db(), r, p);
        return sheetForm({ sessionId: s.id }, `姓名,单位\n${p.name},发改委\n`);
      },
    },
    importAttendanceAction: {
      permission: 'training.manage',
      audit: 'training.import',
      form: async () => {
        const r = await roundIn(db());
        const s = await sessionIn(db(), r);
        const p = await personIn(db(), HOME);
        await traineeIn(db(), r, p);
        return form({ sessionId: s.id, rows: JSON.stringify([{ line: 2, name: p.name, unit: '', personId: null }]) });
      },
    },
    completeTraineeAction: {
      permission: 'training.manage',
      audit: 'training.complete',
      form: async () => {
        const r = await roundIn(db(), { kind: 'online' });
        const t = await traineeIn(db(), r, await personIn(db(), HOME));
        return form({ traineeId: t.id, version: t.version, completedOn: todayInBeijing(), certificateNo: '' });
      },
    },
  };
}
