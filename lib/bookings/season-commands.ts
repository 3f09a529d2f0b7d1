import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { lectures, lectureSeasons, seasonOffers } from '@/db/schema/lectures';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { createSeasonSchema, setSeasonOfferSchema, updateSeasonSchema } from './schemas';

// Writes on the 四季送课 seasons [lectures.manage]: the season with its booking window, and the
// published lectures it offers. Each in the action's transaction with its audit row.

type Season = typeof lectureSeasons.$inferSelect;
const auditable = (s: Season) => ({ name: s.name, year: s.year, bookingOpensOn: s.bookingOpensOn, bookingClosesOn: s.bookingClosesOn });

async function loadSeason(ctx: ActionContext, id: number) {
  const [row] = await ctx.tx.select().from(lectureSeasons).where(eq(lectureSeasons.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该送课季度不存在，请刷新页面。');
  return row;
}

export async function createSeason(ctx: ActionContext, input: z.infer<typeof createSeasonSchema>) {
  const [row] = await ctx.tx
    .insert(lectureSeasons)
    .values({ ...input, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'season.create', entityType: 'lecture_season', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updateSeason(ctx: ActionContext, input: z.infer<typeof updateSeasonSchema>) {
  const before = await loadSeason(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该送课季度已被他人修改，请刷新页面后再保存。');
  const [after] = await ctx.tx
    .update(lectureSeasons)
    .set({ name: input.name, year: input.year, bookingOpensOn: input.bookingOpensOn, bookingClosesOn: input.bookingClosesOn, version: sql`${lectureSeasons.version} + 1` })
    .where(eq(lectureSeasons.id, before.id))
    .returning();
  await ctx.audit({ action: 'season.update', entityType: 'lecture_season', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/** Adds a published lecture to a season's offers or takes one off (bookings already made stay). */
export async function setSeasonOffer(ctx: ActionContext, input: z.infer<typeof setSeasonOfferSchema>) {
  const season = await loadSeason(ctx, input.seasonId);
  const [lecture] = await ctx.tx.select({ id: lectures.id, title: lectures.title, published: lectures.published }).from(lectures).where(eq(lectures.id, input.lectureId));
  if (!lecture) throw new AppError('invalid', '所选党课不存在，请重新选择。', 'lectureId');
  if (input.offered && !lecture.published) throw new AppError('invalid', '只有已公开的党课才能列入送课菜单，请先在党课菜单中公开。', 'lectureId');
  const changed = input.offered
    ? await ctx.tx.insert(seasonOffers).values({ seasonId: season.id, lectureId: lecture.id, createdBy: ctx.user.id }).onConflictDoNothing().returning()
    : await ctx.tx
        .delete(seasonOffers)
        .where(and(eq(seasonOffers.seasonId, season.id), eq(seasonOffers.lectureId, lecture.id)))
        .returning();
  // A repeated click asks for what is already true: nothing changes, nothing is recorded.
  if (changed.length > 0) {
    await ctx.audit({ action: input.offered ? 'season.offer' : 'season.unoffer', entityType: 'lecture_season', entityId: season.id, after: { lectureId: lecture.id, title: lecture.title } });
  }
  return { season: season.name, title: lecture.title, offered: input.offered };
}
