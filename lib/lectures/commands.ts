import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { lectureShowcases, lecturerListings, lecturers, lectures } from '@/db/schema/lectures';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { lectureSearchVector } from './search-index';
import type {
  createLectureSchema,
  createLecturerSchema,
  setLecturePublishedSchema,
  setLecturerListedSchema,
  setLectureShowcaseSchema,
  updateLectureSchema,
  updateLecturerSchema,
} from './schemas';

// Writes on the catalog: the lecturer pool, lectures, publication and the yearly lists. Each runs
// inside the action's transaction and records its audit row. Contact details are personal data:
// the trail records that they changed, not their values.

type Lecturer = typeof lecturers.$inferSelect;
type Lecture = typeof lectures.$inferSelect;

const auditableLecturer = (l: Lecturer) => ({ name: l.name, unitName: l.unitName, title: l.title, specialties: l.specialties, inPool: l.inPool, hasContact: Boolean(l.phone || l.email) });
const auditableLecture = (l: Lecture) => ({ title: l.title, theme: l.theme, format: l.format, lecturerId: l.lecturerId, durationMinutes: l.durationMinutes, published: l.published });

const lecturerGone = () => new AppError('not_found', '该讲师不存在，请刷新页面。');
const lectureGone = () => new AppError('not_found', '该党课不存在，请刷新页面。');
const stale = (what: string) => new AppError('conflict', `该${what}已被他人修改，请刷新页面后再保存。`);

async function loadLecturer(ctx: ActionContext, id: number, notFound = lecturerGone()) {
  const [row] = await ctx.tx.select().from(lecturers).where(eq(lecturers.id, id)).for('update');
  if (!row) throw notFound;
  return row;
}

async function loadLecture(ctx: ActionContext, id: number) {
  const [row] = await ctx.tx.select().from(lectures).where(eq(lectures.id, id)).for('update');
  if (!row) throw lectureGone();
  return row;
}

export async function createLecturer(ctx: ActionContext, input: z.infer<typeof createLecturerSchema>) {
  const [row] = await ctx.tx
    .insert(lecturers)
    .values({ ...input, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'lecturer.create', entityType: 'lecturer', entityId: row!.id, after: auditableLecturer(row!) });
  return row!;
}

export async function updateLecturer(ctx: ActionContext, input: z.infer<typeof updateLecturerSchema>) {
  const before = await loadLecturer(ctx, input.id);
  if (before.version !== input.version) throw stale('讲师');
  const { id: _id, version: _version, ...fields } = input;
  const [after] = await ctx.tx
    .update(lecturers)
    .set({ ...fields, version: sql`${lecturers.version} + 1` })
    .where(eq(lecturers.id, before.id))
    .returning();
  // The lecturer's name is part of each of their lectures' search text.
  if (after!.name !== before.name) {
    const own = await ctx.tx.select().from(lectures).where(eq(lectures.lecturerId, before.id));
    for (const l of own) await ctx.tx.update(lectures).set({ searchVector: lectureSearchVector({ ...l, lecturerName: after!.name }) }).where(eq(lectures.id, l.id));
  }
  const contactChanged = before.phone !== after!.phone || before.email !== after!.email;
  await ctx.audit({ action: 'lecturer.update', entityType: 'lecturer', entityId: before.id, before: auditableLecturer(before), after: { ...auditableLecturer(after!), contactChanged } });
  return after!;
}

/** Puts a lecturer on a year's published list (百名党课讲师) or takes them off. */
export async function setLecturerListed(ctx: ActionContext, input: z.infer<typeof setLecturerListedSchema>) {
  const lecturer = await loadLecturer(ctx, input.lecturerId);
  if (input.listed && !lecturer.inPool) throw new AppError('conflict', '该讲师已停用，不能列入名单；请先在讲师资料中启用。');
  const changed = input.listed
    ? await ctx.tx.insert(lecturerListings).values({ lecturerId: lecturer.id, year: input.year, createdBy: ctx.user.id }).onConflictDoNothing().returning()
    : await ctx.tx
        .delete(lecturerListings)
        .where(and(eq(lecturerListings.lecturerId, lecturer.id), eq(lecturerListings.year, input.year)))
        .returning();
  // A repeated click asks for what is already true: nothing changes, nothing is recorded.
  if (changed.length > 0) {
    await ctx.audit({ action: input.listed ? 'lecturer.list' : 'lecturer.unlist', entityType: 'lecturer', entityId: lecturer.id, after: { year: input.year } });
  }
  return { name: lecturer.name, year: input.year, listed: input.listed };
}

async function activeLecturer(ctx: ActionContext, id: number) {
  const lecturer = await loadLecturer(ctx, id, new AppError('invalid', '所选讲师不存在，请重新选择。', 'lecturerId'));
  return lecturer;
}

export async function createLecture(ctx: ActionContext, input: z.infer<typeof createLectureSchema>) {
  const lecturer = await activeLecturer(ctx, input.lecturerId);
  if (!lecturer.inPool) throw new AppError('invalid', '所选讲师已停用，请选择其他讲师。', 'lecturerId');
  const [row] = await ctx.tx
    .insert(lectures)
    .values({ ...input, published: false, searchVector: lectureSearchVector({ ...input, lecturerName: lecturer.name }), createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'lecture.create', entityType: 'lecture', entityId: row!.id, after: auditableLecture(row!) });
  return row!;
}

export async function updateLecture(ctx: ActionContext, input: z.infer<typeof updateLectureSchema>) {
  const before = await loadLecture(ctx, input.id);
  if (before.version !== input.version) throw stale('党课');
  const lecturer = await activeLecturer(ctx, input.lecturerId);
  if (!lecturer.inPool && lecturer.id !== before.lecturerId) throw new AppError('invalid', '所选讲师已停用，请选择其他讲师。', 'lecturerId');
  const { id: _id, version: _version, ...fields } = input;
  const [after] = await ctx.tx
    .update(lectures)
    .set({ ...fields, searchVector: lectureSearchVector({ ...fields, lecturerName: lecturer.name }), version: sql`${lectures.version} + 1` })
    .where(eq(lectures.id, before.id))
    .returning();
  await ctx.audit({ action: 'lecture.update', entityType: 'lecture', entityId: before.id, before: auditableLecture(before), after: auditableLecture(after!) });
  return after!;
}

export async function setLecturePublished(ctx: ActionContext, input: z.infer<typeof setLecturePublishedSchema>) {
  const before = await loadLecture(ctx, input.id);
  if (before.published === input.published) return before;
  if (input.published) {
    const [lecturer] = await ctx.tx.select({ inPool: lecturers.inPool }).from(lecturers).where(eq(lecturers.id, before.lecturerId));
    if (!lecturer?.inPool) throw new AppError('conflict', '主讲人已停用，公开前请先启用讲师或更换主讲人。');
  }
  const [after] = await ctx.tx.update(lectures).set({ published: input.published }).where(eq(lectures.id, before.id)).returning();
  await ctx.audit({ action: input.published ? 'lecture.publish' : 'lecture.unpublish', entityType: 'lecture', entityId: before.id, before: auditableLecture(before), after: auditableLecture(after!) });
  return after!;
}

/** Puts a lecture on a year's showcase list (百节精品党课) or takes it off; only a published lecture goes on. */
export async function setLectureShowcase(ctx: ActionContext, input: z.infer<typeof setLectureShowcaseSchema>) {
  const lecture = await loadLecture(ctx, input.lectureId);
  if (input.showcase && !lecture.published) throw new AppError('conflict', '请先公开该党课，再列入精品党课名单。');
  const changed = input.showcase
    ? await ctx.tx.insert(lectureShowcases).values({ lectureId: lecture.id, year: input.year, createdBy: ctx.user.id }).onConflictDoNothing().returning()
    : await ctx.tx
        .delete(lectureShowcases)
        .where(and(eq(lectureShowcases.lectureId, lecture.id), eq(lectureShowcases.year, input.year)))
        .returning();
  if (changed.length > 0) {
    await ctx.audit({ action: input.showcase ? 'lecture.showcase' : 'lecture.unshowcase', entityType: 'lecture', entityId: lecture.id, after: { year: input.year } });
  }
  return { title: lecture.title, year: input.year, showcase: input.showcase };
}
