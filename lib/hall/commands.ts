import 'server-only';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { articles } from '@/db/schema/articles';
import { hallRegistrations, hallSessions } from '@/db/schema/lectures';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { nodeMembers } from '@/lib/records/roster';
import type { confirmHallAttendanceSchema, createHallSessionSchema, deleteHallSessionSchema, setHallRegistrationsSchema, updateHallSessionSchema } from './schemas';

// Writes on the 大讲堂: sessions (admins), a unit's registrations (until the session starts) and
// the attendance confirmed afterwards, which is what counts as study for the people who came.
// Each runs inside the action's transaction with its audit row.

type Session = typeof hallSessions.$inferSelect;

const auditable = (s: Session) => ({ series: s.series, startsAt: s.startsAt.toISOString(), theme: s.theme, speaker: s.speaker, place: s.place, capacity: s.capacity, classHours: s.classHours, articleId: s.articleId });

const gone = () => new AppError('not_found', '该场次不存在，请刷新页面。');

/** The session, locked: registrations and attendance of one session are written one at a time (capacity). */
async function loadSession(ctx: ActionContext, id: number): Promise<Session> {
  const [row] = await ctx.tx.select().from(hallSessions).where(eq(hallSessions.id, id)).for('update');
  if (!row) throw gone();
  return row;
}

async function registered(ctx: ActionContext, sessionId: number): Promise<number> {
  const [row] = await ctx.tx.select({ n: count() }).from(hallRegistrations).where(eq(hallRegistrations.sessionId, sessionId));
  return row?.n ?? 0;
}

async function checkArticle(ctx: ActionContext, articleId: number | null) {
  if (articleId === null) return;
  const [row] = await ctx.tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!row) throw new AppError('invalid', '没有该编号的文章，请在文章管理中核对编号。', 'articleId');
}

export async function createHallSession(ctx: ActionContext, input: z.infer<typeof createHallSessionSchema>) {
  await checkArticle(ctx, input.articleId);
  const [row] = await ctx.tx
    .insert(hallSessions)
    .values({ ...input, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'hall.create', entityType: 'hall_session', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updateHallSession(ctx: ActionContext, input: z.infer<typeof updateHallSessionSchema>) {
  const before = await loadSession(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该场次已被他人修改，请刷新页面后再保存。');
  await checkArticle(ctx, input.articleId);
  // A smaller hall cannot turn away people already registered.
  if (input.capacity !== null && (before.capacity === null || input.capacity < before.capacity)) {
    const n = await registered(ctx, before.id);
    if (n > input.capacity) throw new AppError('invalid', `已有 ${n} 人报名，容量不能少于报名人数。`, 'capacity');
  }
  const { id: _id, version: _version, ...fields } = input;
  const [after] = await ctx.tx
    .update(hallSessions)
    .set({ ...fields, version: sql`${hallSessions.version} + 1` })
    .where(eq(hallSessions.id, before.id))
    .returning();
  await ctx.audit({ action: 'hall.update', entityType: 'hall_session', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/** Only a session nobody registered for can go: registrations and attendance are study records. */
export async function deleteHallSession(ctx: ActionContext, input: z.infer<typeof deleteHallSessionSchema>) {
  const before = await loadSession(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该场次已被他人修改，请刷新页面后再操作。');
  const n = await registered(ctx, before.id);
  if (n > 0) throw new AppError('conflict', `该场次已有 ${n} 人报名，不能删除；如活动取消，请修改场次说明并通知各单位。`);
  await ctx.tx.delete(hallSessions).where(eq(hallSessions.id, before.id));
  await ctx.audit({ action: 'hall.delete', entityType: 'hall_session', entityId: before.id, before: auditable(before) });
  return before;
}

/**
 * A node's registrations for an upcoming session: the checked members are registered, the node's
 * other members are taken off. People outside the node cannot be sent; the hall's capacity holds.
 */
export async function setHallRegistrations(ctx: ActionContext, input: z.infer<typeof setHallRegistrationsSchema>, now = new Date()) {
  // Scope first: a secretary outside the node is refused before anything is read or written.
  ctx.authorizeTarget({ branchId: input.nodeId });
  const session = await loadSession(ctx, input.sessionId);
  if (session.startsAt <= now) throw new AppError('conflict', '该场次已开始或已结束，报名已截止。');
  const members = await nodeMembers(ctx.tx, input.nodeId, todayInBeijing(now));
  const memberIds = new Set(members.map((m) => m.id));
  const outsiders = input.personIds.filter((id) => !memberIds.has(id));
  if (outsiders.length > 0) throw new AppError('invalid', '所选人员不属于该组织，请刷新页面后重新选择。', 'nodeId');
  const chosen = new Set(input.personIds);
  const current = memberIds.size
    ? await ctx.tx
        .select({ personId: hallRegistrations.personId })
        .from(hallRegistrations)
        .where(and(eq(hallRegistrations.sessionId, session.id), inArray(hallRegistrations.personId, [...memberIds])))
    : [];
  const already = new Set(current.map((r) => r.personId));
  const added = [...chosen].filter((id) => !already.has(id));
  const removed = [...already].filter((id) => !chosen.has(id));
  if (added.length === 0 && removed.length === 0) return { theme: session.theme, added: 0, removed: 0 };
  if (session.capacity !== null) {
    const others = (await registered(ctx, session.id)) - removed.length;
    if (others + added.length > session.capacity) {
      throw new AppError('invalid', `名额不足：本场容量 ${session.capacity} 人，本次最多还能报名 ${Math.max(0, session.capacity - others)} 人。`, 'nodeId');
    }
  }
  if (removed.length > 0) await ctx.tx.delete(hallRegistrations).where(and(eq(hallRegistrations.sessionId, session.id), inArray(hallRegistrations.personId, removed)));
  if (added.length > 0) await ctx.tx.insert(hallRegistrations).values(added.map((personId) => ({ sessionId: session.id, personId, createdBy: ctx.user.id })));
  await ctx.audit({ action: 'hall.register', entityType: 'hall_session', entityId: session.id, after: { nodeId: input.nodeId, added, removed } });
  return { theme: session.theme, added: added.length, removed: removed.length };
}

/**
 * After the session: who of the registered came, among the registrations the form listed. Each
 * of those is marked present or absent; registrations the form did not list stay as they were.
 * The audit row names the people whose mark changed.
 */
export async function confirmHallAttendance(ctx: ActionContext, input: z.infer<typeof confirmHallAttendanceSchema>, now = new Date()) {
  const session = await loadSession(ctx, input.sessionId);
  if (session.version !== input.version) throw new AppError('conflict', '该场次已被他人修改，请刷新页面后再确认。');
  if (session.startsAt > now) throw new AppError('conflict', '场次尚未开始，请在活动结束后确认出席。');
  // The marks as they stand, read under the session's lock: what this confirmation changes.
  const rows = await ctx.tx
    .select({ id: hallRegistrations.id, personId: hallRegistrations.personId, attended: hallRegistrations.attended })
    .from(hallRegistrations)
    .where(and(eq(hallRegistrations.sessionId, session.id), inArray(hallRegistrations.id, input.shownIds)));
  if (rows.length !== input.shownIds.length) throw new AppError('conflict', '报名名单已变化，请刷新页面后重新确认。');
  const present = new Set(input.attendedIds);
  const attended = rows.filter((r) => present.has(r.id));
  const absent = rows.filter((r) => !present.has(r.id));
  if (attended.length) await ctx.tx.update(hallRegistrations).set({ attended: true }).where(inArray(hallRegistrations.id, attended.map((r) => r.id)));
  if (absent.length) await ctx.tx.update(hallRegistrations).set({ attended: false }).where(inArray(hallRegistrations.id, absent.map((r) => r.id)));
  // The version moves so a second admin confirming from an older page is told to reload.
  await ctx.tx.update(hallSessions).set({ version: sql`${hallSessions.version} + 1` }).where(eq(hallSessions.id, session.id));
  const markedPresent = attended.filter((r) => r.attended !== true).map((r) => r.personId);
  const markedAbsent = absent.filter((r) => r.attended !== false).map((r) => r.personId);
  await ctx.audit({ action: 'hall.attendance', entityType: 'hall_session', entityId: session.id, after: { attended: attended.length, absent: absent.length, markedPresent, markedAbsent } });
  return { theme: session.theme, attended: attended.length, absent: absent.length };
}
