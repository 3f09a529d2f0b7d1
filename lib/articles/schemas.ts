import { z } from 'zod';
import { articleStatuses } from '@/db/schema/articles';
import { SLUG_PATTERN } from '@/lib/news/slug';
import { BodyError, parseBody } from './body';
import type { EditableField } from './editable-fields';

// One schema per form. Field names are the editor form's input names.

const id = z.coerce.number().int().positive();
const version = z.coerce.number({ error: '缺少版本号，请刷新页面后重试。' }).int().positive();

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字符。`).nullable());

/** "2026-11-27T10:30" from a datetime-local input, read as Beijing time. */
export function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}+08:00`);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100 ? null : date;
}

/** The value a datetime-local input shows for `date`, in Beijing time. */
export function toLocalDateTimeValue(date: Date | string | null | undefined): string {
  if (!date) return '';
  return new Date(new Date(date).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

const publishAt = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const date = parseLocalDateTime(value.trim());
    if (!date) {
      ctx.addIssue({ code: 'custom', message: '请填写有效的发布时间，例如 2026-12-01 09:00。' });
      return z.NEVER;
    }
    return date;
  });

const body = z.string({ error: '正文缺失，请刷新页面后重试。' }).transform((value, ctx) => {
  try {
    return parseBody(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof BodyError ? error.message : '正文格式无法识别。' });
    return z.NEVER;
  }
});

const videoUrl = optionalText('视频地址', 500).refine((v) => v === null || (v.startsWith('/') && !v.startsWith('//')) || /^https:\/\/[^\s"'<>]+$/.test(v), {
  message: '视频地址须以 https:// 开头，或是以 / 开头的本站路径。',
});

// One rule per editable field: the `satisfies` below fails to compile when editable-fields.ts
// gains a field this form does not read, or this form reads one that is not declared there.
export const articleFieldsSchema = z.object({
  title: z.string().trim().min(1, '请填写标题。').max(100, '标题不能超过 100 个字符。'),
  kicker: optionalText('引题', 100),
  subtitle: optionalText('副题', 100),
  byline: optionalText('作者', 60),
  source: optionalText('来源', 60),
  summary: optionalText('摘要', 300),
  columnId: z.coerce.number({ error: '请选择栏目。' }).int().positive('请选择栏目。'),
  slug: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || null)
    .pipe(z.string().max(120, '网址别名不能超过 120 个字符。').regex(SLUG_PATTERN, '网址别名只能用小写字母、数字和连字符（-），不能以连字符开头或结尾。').nullable()),
  coverMediaId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive('封面图无效，请重新选择。').nullable()),
  videoUrl,
  pinned: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  publishAt,
  bodyJson: body,
} satisfies Record<EditableField, z.ZodType>);

export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export const createArticleSchema = articleFieldsSchema;
export const saveArticleSchema = articleFieldsSchema.extend({ id, version });

/** Autosave sends the same form; it stores the draft without a revision. */
export const autosaveArticleSchema = saveArticleSchema;

export const transitionSchema = z.object({ id, version });

export const publishSchema = transitionSchema;

export const returnSchema = transitionSchema.extend({
  comment: z.string().trim().min(2, '请填写退回意见（至少 2 个字）。').max(500, '退回意见不能超过 500 个字符。'),
});

export const restoreRevisionSchema = transitionSchema.extend({ revisionId: id });

/** The list page's query string, read leniently: anything odd falls back to the default. */
export const articleListSearchSchema = z.object({
  status: z.enum(articleStatuses).optional().catch(undefined).transform((v) => v ?? null),
  column: z.coerce.number().int().positive().optional().catch(undefined).transform((v) => v ?? null),
  q: z.string().optional().catch(undefined).transform((v) => (v ?? '').trim().slice(0, 100)),
  sort: z.enum(['updated', 'published']).optional().catch(undefined).transform((v) => v ?? 'updated'),
  // A keyset cursor (lib/pagination/cursor.ts decodes it; anything else reads as the first page).
  cursor: z.string().max(200).optional().catch(undefined),
});
