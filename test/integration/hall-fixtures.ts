import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { hallRegistrations, hallSessions } from '@/db/schema/lectures';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { attendedField, personField } from '@/lib/hall/schemas';
import { nodeMembers } from '@/lib/records/roster';
import { todayInBeijing } from '@/lib/calendar/days';
import { branchIdOf, form, userRow } from './auth-fixtures';

// 大讲堂 sessions written straight to the database, and the permission matrix's rows for
// lib/hall/actions.ts (targets in the demo secretary's branch).

export const HALL_BRANCH = 'U01-B1';
const DAY = 86_400_000;

export async function hallSessionIn(db: Database, { inDays = 7, capacity = null as number | null, classHours = 2 as number | null, theme = '测试场次' } = {}) {
  const admin = (await userRow(db, 'admin')).id;
  const [row] = await db
    .insert(hallSessions)
    .values({ series: 'monthly', startsAt: new Date(Date.now() + inDays * DAY), theme, speaker: '测试主讲人', place: '市级机关会议中心', capacity, classHours, createdBy: admin })
    .returning();
  return row!;
}

export const membersOf = async (db: Database, code: string) => nodeMembers(db, await branchIdOf(db, code), todayInBeijing());

export async function registerIn(db: Database, sessionId: number, personIds: number[], attended: boolean | null = null) {
  const admin = (await userRow(db, 'admin')).id;
  return db
    .insert(hallRegistrations)
    .values(personIds.map((personId) => ({ sessionId, personId, attended, createdBy: admin })))
    .returning();
}

export const registrationsOf = (db: Database, sessionId: number) => db.select().from(hallRegistrations).where(eq(hallRegistrations.sessionId, sessionId));

export const isRegistered = async (db: Database, sessionId: number, personId: number) =>
  (await db.select().from(hallRegistrations).where(and(eq(hallRegistrations.sessionId, sessionId), eq(hallRegistrations.personId, personId)))).length > 0;

/** The registration form of `code`'s members for a session: `personIds` checked. */
export async function registrationForm(db: Database, sessionId: number, code: string, personIds: number[]) {
  return form({ sessionId, nodeId: await branchIdOf(db, code), ...Object.fromEntries(personIds.map((id) => [personField(id), 'on'])) });
}

/** The attendance form listing the registrations `shown` (by default only the ticked ones), `registrationIds` ticked. */
export const attendanceForm = (sessionId: number, version: number, registrationIds: number[], shown: number[] = registrationIds) =>
  form({ sessionId, version, shown: shown.join(','), ...Object.fromEntries(registrationIds.map((id) => [attendedField(id), 'on'])) });

const sessionForm = (values: Record<string, string | number> = {}) => ({
  series: 'monday',
  day: '2030-03-04',
  time: '08:30',
  theme: '矩阵测试场次',
  speaker: '矩阵主讲人',
  place: '市委党校报告厅',
  capacity: '200',
  classHours: '1.5',
  ...values,
});

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

export function hallCases(db: () => Database): Record<string, Case> {
  return {
    createHallSessionAction: { permission: 'hall.manage', audit: 'hall.create', form: async () => form(sessionForm()) },
    updateHallSessionAction: {
      permission: 'hall.manage',
      audit: 'hall.update',
      form: async () => {
        const s = await hallSessionIn(db(), { inDays: 30 });
        return form(sessionForm({ id: s.id, version: s.version, theme: '矩阵修改后的场次' }));
      },
    },
    deleteHallSessionAction: {
      permission: 'hall.manage',
      audit: 'hall.delete',
      form: async () => {
        const s = await hallSessionIn(db(), { inDays: 30 });
        return form({ id: s.id, version: s.version });
      },
    },
    setHallRegistrationsAction: {
      permission: 'hall.register',
      audit: 'hall.register',
      form: async () => {
        const s = await hallSessionIn(db(), { inDays: 10 });
        const [first] = await membersOf(db(), HALL_BRANCH);
        return registrationForm(db(), s.id, HALL_BRANCH, [first!.id]);
      },
    },
    confirmHallAttendanceAction: {
      permission: 'hall.manage',
      audit: 'hall.attendance',
      form: async () => {
        const s = await hallSessionIn(db(), { inDays: -1 });
        const [first] = await membersOf(db(), HALL_BRANCH);
        const [r] = await registerIn(db(), s.id, [first!.id]);
        return attendanceForm(s.id, s.version, [r!.id]);
      },
    },
  };
}
