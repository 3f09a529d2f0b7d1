import 'server-only';
import { and, asc, count, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { createColumnSchema, deleteColumnSchema, moveColumnSchema, setColumnVisibleSchema, updateColumnSchema } from './schemas';

// Writes on columns. Each runs inside the action's transaction and records its audit row.
// `version` guards what the edit form edits (name, slug, description); position and visibility
// have their own buttons that state the wanted result, so they leave an open edit form valid.

type Column = typeof columns.$inferSelect;

const auditable = (c: Column) => ({ slug: c.slug, name: c.name, description: c.description, sortOrder: c.sortOrder, visible: c.visible });

// Column writes are rare and admin-only: serializing them all keeps renumbering, the
// "one visible column stays" guard and delete-with-move from interleaving.
const COLUMN_WRITE_LOCK = 7_416_010;
const lockColumns = (ctx: ActionContext) => ctx.tx.execute(sql`select pg_advisory_xact_lock(${COLUMN_WRITE_LOCK})`);

const ORDER_STEP = 10;

async function loadForUpdate(ctx: ActionContext, id: number, notFound = new AppError('not_found', '该栏目不存在或已被删除，请刷新页面。')) {
  // FOR UPDATE also holds off articles being filed into this column until the write commits.
  const [row] = await ctx.tx.select().from(columns).where(eq(columns.id, id)).for('update');
  if (!row) throw notFound;
  return row;
}

const slugTaken = () => new AppError('conflict', '该网址标识已被其他栏目使用，请换一个。', 'slug');

async function assertSlugFree(ctx: ActionContext, slug: string, exceptId?: number) {
  const [row] = await ctx.tx
    .select({ id: columns.id })
    .from(columns)
    .where(and(eq(columns.slug, slug), exceptId ? ne(columns.id, exceptId) : undefined));
  if (row) throw slugTaken();
}

async function assertAnotherVisibleColumn(ctx: ActionContext, exceptId: number, message: string) {
  const [row] = await ctx.tx.select({ n: count() }).from(columns).where(and(eq(columns.visible, true), ne(columns.id, exceptId)));
  if ((row?.n ?? 0) === 0) throw new AppError('conflict', message);
}

const rethrowSlugConflict = (error: unknown): never => {
  throw isUniqueViolation(error, 'columns_slug_key') ? slugTaken() : error;
};

export async function createColumn(ctx: ActionContext, input: z.infer<typeof createColumnSchema>) {
  await lockColumns(ctx);
  await assertSlugFree(ctx, input.slug);
  const [last] = await ctx.tx.select({ n: max(columns.sortOrder) }).from(columns);
  const [row] = await ctx.tx
    .insert(columns)
    .values({ ...input, sortOrder: (last?.n ?? 0) + ORDER_STEP, createdBy: ctx.user.id })
    .returning()
    .catch(rethrowSlugConflict);
  await ctx.audit({ action: 'column.create', entityType: 'column', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updateColumn(ctx: ActionContext, input: z.infer<typeof updateColumnSchema>) {
  await lockColumns(ctx);
  const before = await loadForUpdate(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该栏目已被他人修改，请刷新页面后再保存。');
  if (input.slug !== before.slug) {
    await assertSlugFree(ctx, input.slug, before.id);
    // There are no redirects for columns: once articles are public, the column's address may
    // be bookmarked, linked or subscribed (its feed), so it stays.
    const [published] = await ctx.tx
      .select({ n: count() })
      .from(articles)
      .where(and(eq(articles.columnId, before.id), inArray(articles.status, ['published', 'scheduled'])));
    if ((published?.n ?? 0) > 0) {
      throw new AppError('conflict', `该栏目已有 ${published!.n} 篇已发布或定时发布的文章，读者可能已收藏或订阅其地址，网址标识不能再修改。`, 'slug');
    }
  }
  const [after] = await ctx.tx
    .update(columns)
    .set({ name: input.name, slug: input.slug, description: input.description, version: sql`${columns.version} + 1` })
    .where(eq(columns.id, before.id))
    .returning()
    .catch(rethrowSlugConflict);
  await ctx.audit({ action: 'column.update', entityType: 'column', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/** Swaps a column with its neighbour, then renumbers all 10, 20, 30… (repairing ties and gaps). */
export async function moveColumn(ctx: ActionContext, input: z.infer<typeof moveColumnSchema>) {
  await lockColumns(ctx);
  const ordered = await ctx.tx.select({ id: columns.id, slug: columns.slug, name: columns.name, sortOrder: columns.sortOrder }).from(columns).orderBy(asc(columns.sortOrder), asc(columns.id));
  const index = ordered.findIndex((c) => c.id === input.id);
  if (index < 0) throw new AppError('not_found', '该栏目不存在或已被删除，请刷新页面。');
  const other = index + (input.direction === 'up' ? -1 : 1);
  if (other < 0 || other >= ordered.length) throw new AppError('conflict', input.direction === 'up' ? '该栏目已排在最前。' : '该栏目已排在最后。');
  const next = [...ordered];
  [next[index], next[other]] = [next[other]!, next[index]!];
  for (const [i, c] of next.entries()) {
    const sortOrder = (i + 1) * ORDER_STEP;
    if (c.sortOrder !== sortOrder) await ctx.tx.update(columns).set({ sortOrder }).where(eq(columns.id, c.id));
  }
  await ctx.audit({
    action: 'column.reorder',
    entityType: 'column',
    entityId: input.id,
    before: { order: ordered.map((c) => c.slug) },
    after: { order: next.map((c) => c.slug) },
  });
  return { name: ordered[index]!.name, direction: input.direction };
}

export async function setColumnVisible(ctx: ActionContext, input: z.infer<typeof setColumnVisibleSchema>) {
  await lockColumns(ctx);
  const before = await loadForUpdate(ctx, input.id);
  // A repeated click asks for what is already true: nothing changes, nothing is recorded.
  if (before.visible === input.visible) return before;
  if (!input.visible) await assertAnotherVisibleColumn(ctx, before.id, '门户至少需要保留一个显示的栏目，不能隐藏最后一个。');
  const [after] = await ctx.tx.update(columns).set({ visible: input.visible }).where(eq(columns.id, before.id)).returning();
  await ctx.audit({ action: input.visible ? 'column.show' : 'column.hide', entityType: 'column', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/**
 * Deletes a column. Its articles (of any status) must go somewhere first: with a target column
 * they all move there in this transaction; without one, a column holding articles is refused.
 */
export async function deleteColumn(ctx: ActionContext, input: z.infer<typeof deleteColumnSchema>) {
  await lockColumns(ctx);
  const column = await loadForUpdate(ctx, input.id);
  if (column.visible) await assertAnotherVisibleColumn(ctx, column.id, '门户至少需要保留一个显示的栏目，不能删除最后一个。');
  const held = await ctx.tx.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.columnId, column.id)).orderBy(asc(articles.id));
  if (held.length > 0 && input.targetColumnId === null) {
    throw new AppError('conflict', `该栏目下还有 ${held.length} 篇文章（含草稿和已归档），请选择要把它们移入的栏目。`, 'targetColumnId');
  }
  let target: Column | null = null;
  if (input.targetColumnId !== null) {
    if (input.targetColumnId === column.id) throw new AppError('invalid', '不能移入要删除的栏目本身，请选择其他栏目。', 'targetColumnId');
    target = await loadForUpdate(ctx, input.targetColumnId, new AppError('invalid', '所选栏目不存在，请重新选择。', 'targetColumnId'));
  }
  if (target && held.length > 0) {
    // A bumped version makes an editor's open form on a moved article answer "changed by someone".
    await ctx.tx
      .update(articles)
      .set({ columnId: target.id, version: sql`${articles.version} + 1`, updatedBy: ctx.user.id })
      .where(eq(articles.columnId, column.id));
  }
  await ctx.tx.delete(columns).where(eq(columns.id, column.id));
  await ctx.audit({
    action: 'column.delete',
    entityType: 'column',
    entityId: column.id,
    before: auditable(column),
    after: target ? { movedTo: target.slug, movedArticleIds: held.map((a) => a.id) } : undefined,
  });
  return { name: column.name, moved: held.length, targetName: target?.name ?? null };
}
