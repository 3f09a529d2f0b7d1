'use server';

import { defineAction } from '@/lib/actions/define-action';
import {
  createLecture,
  createLecturer,
  setLecturePublished,
  setLecturerListed,
  setLectureShowcase,
  updateLecture,
  updateLecturer,
} from './commands';
import { revalidatePublicLectures } from './revalidate';
import {
  createLectureSchema,
  createLecturerSchema,
  setLecturePublishedSchema,
  setLecturerListedSchema,
  setLectureShowcaseSchema,
  updateLectureSchema,
  updateLecturerSchema,
} from './schemas';

// Catalog changes show on many public pages (lists, cards, the home teaser): each drops them all.
const revalidate = () => revalidatePublicLectures();

export const createLecturerAction = defineAction({
  permission: 'lectures.manage',
  schema: createLecturerSchema,
  run: createLecturer,
  revalidate,
  redirectTo: (_input, lecturer) => `/admin/lecturers/${lecturer.id}?created=1`,
});

export const updateLecturerAction = defineAction({
  permission: 'lectures.manage',
  schema: updateLecturerSchema,
  run: updateLecturer,
  revalidate,
  successMessage: '讲师资料已保存。',
});

export const setLecturerListedAction = defineAction({
  permission: 'lectures.manage',
  schema: setLecturerListedSchema,
  run: setLecturerListed,
  revalidate,
  successMessage: (r) => (r.listed ? `已将${r.name}列入${r.year}年度百名党课讲师名单。` : `已将${r.name}移出${r.year}年度名单。`),
});

export const createLectureAction = defineAction({
  permission: 'lectures.manage',
  schema: createLectureSchema,
  run: createLecture,
  revalidate,
  redirectTo: (_input, lecture) => `/admin/lectures/${lecture.id}?created=1`,
});

export const updateLectureAction = defineAction({
  permission: 'lectures.manage',
  schema: updateLectureSchema,
  run: updateLecture,
  revalidate,
  successMessage: '党课已保存。',
});

export const setLecturePublishedAction = defineAction({
  permission: 'lectures.manage',
  schema: setLecturePublishedSchema,
  run: setLecturePublished,
  revalidate,
  successMessage: (l) => (l.published ? `“${l.title}”已在门户公开。` : `“${l.title}”已撤下，不再在门户显示。`),
});

export const setLectureShowcaseAction = defineAction({
  permission: 'lectures.manage',
  schema: setLectureShowcaseSchema,
  run: setLectureShowcase,
  revalidate,
  successMessage: (r) => (r.showcase ? `已将“${r.title}”列入${r.year}年度精品党课。` : `已将“${r.title}”移出${r.year}年度精品党课。`),
});
