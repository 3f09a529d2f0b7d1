'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { recordAttendance } from './attendance-commands';
import { completeTrainee } from './completion-commands';
import { enrolPeople, enrolUnit } from './enrolment-commands';
import { importAttendance, previewImport } from './import-commands';
import { createRound, updateRound } from './rounds-commands';
import {
  attendanceSchema,
  completeTraineeSchema,
  createRoundSchema,
  createSessionSchema,
  enrolPeopleSchema,
  enrolUnitSchema,
  importConfirmSchema,
  importPreviewSchema,
  updateRoundSchema,
  updateSessionSchema,
} from './schemas';
import { createSession, updateSession } from './sessions-commands';

const roundPath = (id: number) => `/admin/training/rounds/${id}`;
const revalidateRound = (id: number) => {
  revalidatePath('/admin/training');
  revalidatePath(roundPath(id), 'layout');
};

export const createRoundAction = defineAction({
  permission: 'training.manage',
  schema: createRoundSchema,
  run: createRound,
  revalidate: (_input, row) => revalidateRound(row.id),
  redirectTo: (_input, row) => `${roundPath(row.id)}?created=1`,
});

export const updateRoundAction = defineAction({
  permission: 'training.manage',
  schema: updateRoundSchema,
  run: updateRound,
  revalidate: (_input, row) => revalidateRound(row.id),
  successMessage: '培训班已保存。',
});

export const createSessionAction = defineAction({
  permission: 'training.manage',
  schema: createSessionSchema,
  run: createSession,
  revalidate: (input) => revalidateRound(input.roundId),
  redirectTo: (input, row) => `${roundPath(input.roundId)}/sessions/${row.id}?created=1`,
});

export const updateSessionAction = defineAction({
  permission: 'training.manage',
  schema: updateSessionSchema,
  run: updateSession,
  revalidate: (input) => revalidateRound(input.roundId),
  successMessage: '课次已保存；学员学时已按新的学时重新计算。',
});

export const enrolUnitAction = defineAction({
  permission: 'training.enrol',
  schema: enrolUnitSchema,
  run: enrolUnit,
  revalidate: (input) => revalidateRound(input.roundId),
  successMessage: (r) => `已报名 ${r.added} 人${r.already ? `，另有 ${r.already} 人此前已报名` : ''}。`,
});

export const enrolPeopleAction = defineAction({
  permission: 'training.enrol',
  schema: enrolPeopleSchema,
  run: enrolPeople,
  revalidate: (input) => revalidateRound(input.roundId),
  successMessage: (r) => `已报名 ${r.added} 人${r.already ? `，另有 ${r.already} 人此前已报名` : ''}。`,
});

export const recordAttendanceAction = defineAction({
  permission: 'training.manage',
  schema: attendanceSchema,
  run: recordAttendance,
  revalidate: () => revalidatePath('/admin/training', 'layout'),
  successMessage: (r) => `出勤已保存：出席 ${r.present} 人。`,
});

export const previewImportAction = defineAction({
  permission: 'training.manage',
  schema: importPreviewSchema,
  run: previewImport,
  successMessage: (r) => (r.report.problems ? `共 ${r.report.rows.length} 行，${r.report.problems} 行无法匹配，请修改签到表后重新上传。` : `共 ${r.report.rows.length} 行，全部匹配。请核对后确认导入。`),
  successData: (r) => ({ preview: JSON.stringify(r.report), rows: JSON.stringify(r.rows) }),
});

export const importAttendanceAction = defineAction({
  permission: 'training.manage',
  schema: importConfirmSchema,
  run: importAttendance,
  revalidate: () => revalidatePath('/admin/training', 'layout'),
  successMessage: (r) => `已导入出勤 ${r.added} 人${r.already ? `，${r.already} 人此前已登记出席` : ''}。`,
});

export const completeTraineeAction = defineAction({
  permission: 'training.manage',
  schema: completeTraineeSchema,
  run: completeTrainee,
  revalidate: () => revalidatePath('/admin/training', 'layout'),
  successMessage: (row) => `已结业，证书编号 ${row.certificateNo}。`,
});
