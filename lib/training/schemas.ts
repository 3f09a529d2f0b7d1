import { z } from 'zod';
import { trainingAudiences, trainingKinds } from '@/db/schema/training';
import { rowRef } from '@/lib/ids';
import { isoDate } from '@/lib/rules/schemas';

// The training forms: one schema each, shared by the form's field names and the server actions.

export const NAME_MAX = 80;
export const TEXT_MAX = 2000;
export const TOPIC_MAX = 100;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

const id = rowRef('缺少编号，请刷新页面后重试。');
const version = rowRef('缺少版本号，请刷新页面后重试。');
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);

/** Class hours with at most one decimal, e.g. 3 or 3.5; `label` names the field in messages. */
const hours = (label: string, { max }: { max: number }) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .regex(/^-?\d+(\.\d)?$/, `${label}须为数字，最多一位小数，例如 3 或 3.5。`)
    .transform(Number)
    .refine((v) => v > 0, `${label}须大于 0。`)
    .refine((v) => v <= max, max === 24 ? `${label}不能超过一天（24 学时）。` : `${label}不能超过 ${max}。`);

const roundFields = z
  .object({
    name: z.string().trim().min(2, '请填写班次名称。').max(NAME_MAX, `班次名称不能超过 ${NAME_MAX} 个字符。`),
    kind: z.enum(trainingKinds, { error: '请选择培训类型。' }),
    audience: z.enum(trainingAudiences, { error: '请选择培训对象。' }),
    startsOn: isoDate,
    endsOn: isoDate,
    requiredHours: hours('结业所需学时', { max: 2000 }),
    organizer: z.string().trim().min(2, '请填写主办单位。').max(NAME_MAX, `主办单位不能超过 ${NAME_MAX} 个字符。`),
    place: optionalText(NAME_MAX, `地点不能超过 ${NAME_MAX} 个字符。`),
    description: optionalText(TEXT_MAX, `简介不能超过 ${TEXT_MAX} 个字符。`),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期。' });
  });

export const createRoundSchema = roundFields;
export const updateRoundSchema = z.intersection(roundFields, z.object({ id, version }));
export type RoundInput = z.infer<typeof createRoundSchema>;
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

const sessionFields = z.object({
  roundId: id,
  heldOn: isoDate,
  hours: hours('学时', { max: 24 }),
  topic: z.string().trim().min(2, '请填写课程主题。').max(TOPIC_MAX, `主题不能超过 ${TOPIC_MAX} 个字符。`),
  teacher: optionalText(40, '授课人不能超过 40 个字符。'),
});

export const createSessionSchema = sessionFields;
export const updateSessionSchema = sessionFields.extend({ id, version });
export type SessionInput = z.infer<typeof createSessionSchema>;
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

/** "The whole unit's secretaries in one step": a node and whom in it. */
export const enrolUnitSchema = z.object({
  roundId: id,
  branchId: rowRef('请选择单位或党组织。'),
  whom: z.enum(['secretaries', 'committee_members'], { error: '请选择报名对象。' }),
});
export type EnrolUnitInput = z.infer<typeof enrolUnitSchema>;

const idList = (message: string, max = 500) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).filter((id) => id.trim() !== ''))
    .pipe(z.array(z.string().trim().regex(/^[1-9]\d{0,8}$/, message).transform(Number)).max(max, `一次最多 ${max} 人。`));

/** People picked by name: their ids, comma-separated. */
export const enrolPeopleSchema = z.object({
  roundId: id,
  personIds: idList('人员编号不正确，请重新选择。').refine((ids) => ids.length > 0, '请至少选择一人。'),
});
export type EnrolPeopleInput = z.infer<typeof enrolPeopleSchema>;

/** The most trainees the attendance grid lists (lib/training/sessions-queries.ts). */
export const ATTENDANCE_GRID_MAX = 5000;

/**
 * A session's attendance as the grid showed it: the trainees it listed (`shown`) and those of
 * them ticked present (comma-separated trainee ids). Only the listed ones change.
 */
export const attendanceSchema = z.object({
  sessionId: id,
  version,
  shown: idList('学员编号不正确，请刷新页面后重试。', ATTENDANCE_GRID_MAX),
  present: idList('学员编号不正确，请刷新页面后重试。', ATTENDANCE_GRID_MAX),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const completeTraineeSchema = z.object({
  traineeId: id,
  version,
  completedOn: isoDate,
  // Blank: the number is issued (year-round-trainee, unique by construction).
  certificateNo: z
    .string()
    .trim()
    .max(40, '证书编号不能超过 40 个字符。')
    .regex(/^[\p{L}\p{N}\-_/（）()〔〕]*$/u, '证书编号只能包含文字、数字和 - _ / 括号。')
    .optional()
    .transform((v) => v || null),
});
export type CompleteTraineeInput = z.infer<typeof completeTraineeSchema>;

// Duck-typed rather than instanceof: the File a server action receives may come from another realm.
const isFile = (v: unknown): v is File =>
  typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).name === 'string' && typeof (v as File).size === 'number';

/** The uploaded sheet for the preview. */
export const importPreviewSchema = z.object({
  sessionId: id,
  sheet: z
    .custom<File>(isFile, { error: '请选择签到表文件（XLSX 或 CSV）。' })
    .refine((f) => f.size > 0, '文件是空的。')
    .refine((f) => f.size <= IMPORT_MAX_BYTES, `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB。`)
    .refine((f) => /\.(xlsx|csv)$/i.test(f.name), '只能导入 XLSX 或 CSV 文件。'),
});
export type ImportPreviewInput = z.infer<typeof importPreviewSchema>;

/** One row of a sheet as read: its line in the file and the cells the match uses. */
const SHEET_DAMAGED = '导入内容已损坏，请重新上传签到表。';
export const sheetRowSchema = z.object({
  line: z.number().int().positive(),
  name: z.string().max(50),
  unit: z.string().max(100),
  // Looked up in people.id: past the integer column it would be a database error, a 500.
  personId: z.number({ error: SHEET_DAMAGED }).int(SHEET_DAMAGED).positive(SHEET_DAMAGED).max(2_147_483_647, SHEET_DAMAGED).nullable(),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

/** The confirmation: the rows the preview showed (matched again on the server, never trusted). */
export const importConfirmSchema = z.object({
  sessionId: id,
  rows: z
    .string({ error: '缺少导入内容，请重新上传签到表。' })
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: '导入内容已损坏，请重新上传签到表。' });
        return z.NEVER;
      }
    })
    .pipe(z.array(sheetRowSchema, { error: '导入内容已损坏，请重新上传签到表。' }).min(1, '签到表中没有人员。').max(IMPORT_MAX_ROWS, `一次最多导入 ${IMPORT_MAX_ROWS} 行。`)),
});
export type ImportConfirmInput = z.infer<typeof importConfirmSchema>;

/** The rounds list's query string; anything malformed is simply not a filter. */
export const roundFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z.enum(trainingKinds).optional().catch(undefined),
  audience: z.enum(trainingAudiences).optional().catch(undefined),
});
export type RoundFilters = z.infer<typeof roundFilterSchema>;
