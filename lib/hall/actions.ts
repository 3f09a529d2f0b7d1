'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicLectures } from '@/lib/lectures/revalidate';
import { confirmHallAttendance, createHallSession, deleteHallSession, setHallRegistrations, updateHallSession } from './commands';
import { confirmHallAttendanceSchema, createHallSessionSchema, deleteHallSessionSchema, setHallRegistrationsSchema, updateHallSessionSchema } from './schemas';

// A session's details show on the public 大讲堂 page; registrations and attendance do not.
const revalidateSession = (input: { id: number } | { sessionId: number }) => {
  revalidatePath('/admin/hall');
  revalidatePath(`/admin/hall/${'id' in input ? input.id : input.sessionId}`);
};

export const createHallSessionAction = defineAction({
  permission: 'hall.manage',
  schema: createHallSessionSchema,
  run: createHallSession,
  revalidate: () => {
    revalidatePath('/admin/hall');
    revalidatePublicLectures();
  },
  redirectTo: (_input, session) => `/admin/hall/${session.id}?created=1`,
});

export const updateHallSessionAction = defineAction({
  permission: 'hall.manage',
  schema: updateHallSessionSchema,
  run: updateHallSession,
  revalidate: (input) => {
    revalidateSession(input);
    revalidatePublicLectures();
  },
  successMessage: '场次已保存。',
});

export const deleteHallSessionAction = defineAction({
  permission: 'hall.manage',
  schema: deleteHallSessionSchema,
  run: deleteHallSession,
  revalidate: () => {
    revalidatePath('/admin/hall');
    revalidatePublicLectures();
  },
  redirectTo: () => '/admin/hall?deleted=1',
});

export const setHallRegistrationsAction = defineAction({
  permission: 'hall.register',
  schema: setHallRegistrationsSchema,
  run: (ctx, input) => setHallRegistrations(ctx, input),
  revalidate: revalidateSession,
  successMessage: (r) => (r.added === 0 && r.removed === 0 ? '报名名单没有变化。' : `报名已更新：新增 ${r.added} 人，取消 ${r.removed} 人。`),
});

export const confirmHallAttendanceAction = defineAction({
  permission: 'hall.manage',
  schema: confirmHallAttendanceSchema,
  run: (ctx, input) => confirmHallAttendance(ctx, input),
  revalidate: revalidateSession,
  successMessage: (r) => `出席已确认：出席 ${r.attended} 人，缺席 ${r.absent} 人。出席人员计入学习学时。`,
});
