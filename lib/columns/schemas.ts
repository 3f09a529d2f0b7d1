import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/news/slug';

// One base schema for the column form, shared by its field names and the server actions.

export const NAME_MAX = 20;
export const SLUG_MAX = 60;
export const DESCRIPTION_MAX = 200;

const id = z.coerce.number().int().positive();

const columnFields = z.object({
  name: z.string().trim().min(1, '请填写栏目名称。').max(NAME_MAX, `栏目名称不能超过 ${NAME_MAX} 个字符。`),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, '请填写栏目网址标识。')
    .max(SLUG_MAX, `网址标识不能超过 ${SLUG_MAX} 个字符。`)
    .regex(SLUG_PATTERN, '网址标识只能使用小写英文字母、数字和单个连字符（-），且不能以连字符开头或结尾，例如 work-news。'),
  description: z
    .string()
    .trim()
    .max(DESCRIPTION_MAX, `栏目简介不能超过 ${DESCRIPTION_MAX} 个字符。`)
    .optional()
    .transform((v) => v || null),
});

export const createColumnSchema = columnFields;

export const updateColumnSchema = columnFields.extend({ id, version: z.coerce.number().int().positive() });

export const moveColumnSchema = z.object({ id, direction: z.enum(['up', 'down'], { error: '请选择移动方向。' }) });

export const setColumnVisibleSchema = z.object({
  id,
  visible: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const deleteColumnSchema = z.object({
  id,
  // Empty: delete only if the column holds no article; otherwise its articles move there first.
  targetColumnId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive('请选择目标栏目。').nullable()),
  confirm: z.literal('on', { error: '请勾选确认后再删除。' }),
});
