import { z } from 'zod';
import { rowRef } from '@/lib/ids';
import { lectureFormats, lectureThemes } from '@/db/schema/lectures';

// One base schema per form, shared by its field names and the server actions.

export const LECTURER_NAME_MAX = 20;
export const UNIT_MAX = 60;
export const TEXT_MAX = 2000;
export const TITLE_MAX = 80;

const id = rowRef('缺少编号，请刷新页面后重试。');
const version = rowRef('缺少版本号，请刷新页面后重试。');
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');
export const year = z.coerce.number({ error: '请填写年度。' }).int('年度应为四位数字。').min(2000, '年度应在 2000 至 2100 之间。').max(2100, '年度应在 2000 至 2100 之间。');

const lecturerFields = z.object({
  name: z.string().trim().min(1, '请填写讲师姓名。').max(LECTURER_NAME_MAX, `姓名不能超过 ${LECTURER_NAME_MAX} 个字符。`),
  unitName: z.string().trim().min(1, '请填写所在单位。').max(UNIT_MAX, `单位名称不能超过 ${UNIT_MAX} 个字符。`),
  title: optionalText(UNIT_MAX, `职务职称不能超过 ${UNIT_MAX} 个字符。`),
  // Separated by 、，, or new lines.
  specialties: z
    .string()
    .optional()
    .transform((v) =>
      Array.from(
        new Set(
          (v ?? '')
            .split(/[、，,;；\n]/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ),
    )
    .pipe(z.array(z.string().max(20, '每个擅长方向不能超过 20 个字符。')).max(8, '擅长方向最多填写 8 个。')),
  bio: z.string().trim().max(TEXT_MAX, `简介不能超过 ${TEXT_MAX} 个字符。`).optional().transform((v) => v ?? ''),
  phone: optionalText(30, '电话不能超过 30 个字符。').pipe(z.string().regex(/^[0-9+\-\s()（）转]{5,30}$/, '请填写有效的电话号码，例如 0513-8012 3100。').nullable()),
  email: optionalText(120, '邮箱不能超过 120 个字符。').pipe(z.email('请填写有效的邮箱地址。').nullable()),
  inPool: checkbox,
});

export const createLecturerSchema = lecturerFields;
export const updateLecturerSchema = lecturerFields.extend({ id, version });

export const setLecturerListedSchema = z.object({
  lecturerId: id,
  year,
  listed: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

const lectureFields = z.object({
  title: z.string().trim().min(1, '请填写党课题目。').max(TITLE_MAX, `题目不能超过 ${TITLE_MAX} 个字符。`),
  theme: z.enum(lectureThemes, { error: '请选择主题。' }),
  format: z.enum(lectureFormats, { error: '请选择形式。' }),
  lecturerId: rowRef('请选择主讲人。'),
  durationMinutes: z.coerce.number({ error: '请填写时长（分钟）。' }).int('时长应为整数分钟。').min(10, '时长不能少于 10 分钟。').max(600, '时长不能超过 600 分钟。'),
  summary: z.string().trim().max(TEXT_MAX, `简介不能超过 ${TEXT_MAX} 个字符。`).optional().transform((v) => v ?? ''),
  // One outline item per line; blank lines dropped.
  outline: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .pipe(z.string().max(TEXT_MAX, `提纲不能超过 ${TEXT_MAX} 个字符。`)),
});

export const createLectureSchema = lectureFields;
export const updateLectureSchema = lectureFields.extend({ id, version });

export const setLecturePublishedSchema = z.object({
  id,
  published: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const setLectureShowcaseSchema = z.object({
  lectureId: id,
  year,
  showcase: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
