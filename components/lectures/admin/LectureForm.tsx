'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createLectureAction, updateLectureAction } from '@/lib/lectures/actions';
import { formatOptions, themeOptions } from '@/lib/lectures/labels';
import { TEXT_MAX, TITLE_MAX } from '@/lib/lectures/schemas';

type Existing = { id: number; title: string; theme: string; format: string; lecturerId: number; durationMinutes: number; summary: string; outline: string; version: number };
type LecturerOption = { id: number; name: string; unitName: string; inPool: boolean };

/** Create (no `lecture`) or edit a catalog lecture. A new lecture starts unpublished. */
export function LectureForm({ lecture, lecturers }: { lecture?: Existing; lecturers: LecturerOption[] }) {
  const [state, action, pending] = useActionState(lecture ? updateLectureAction : createLectureAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const described = (name: string, hint: boolean) => [hint ? `field-${name}-hint` : null, errors[name] ? `field-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const choices = lecturers.filter((l) => l.inPool || l.id === lecture?.lecturerId);
  return (
    <form action={action} className={forms.form} noValidate>
      {lecture && <input type="hidden" name="id" value={lecture.id} />}
      {lecture && <input type="hidden" name="version" value={lecture.version} />}
      <Field name="title" label="党课题目" required maxLength={TITLE_MAX} defaultValue={values.title ?? lecture?.title} errors={errors.title} />
      <Field name="theme" label="主题" errors={errors.theme}>
        <select id="field-theme" name="theme" defaultValue={values.theme ?? lecture?.theme ?? ''} aria-invalid={errors.theme ? true : undefined} aria-describedby={described('theme', false)}>
          <option value="">请选择</option>
          {themeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="format" label="形式" errors={errors.format}>
        <select id="field-format" name="format" defaultValue={values.format ?? lecture?.format ?? ''} aria-invalid={errors.format ? true : undefined} aria-describedby={described('format', false)}>
          <option value="">请选择</option>
          {formatOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="lecturerId" label="主讲人" errors={errors.lecturerId}>
        <select
          id="field-lecturerId"
          name="lecturerId"
          defaultValue={values.lecturerId ?? (lecture ? String(lecture.lecturerId) : '')}
          aria-invalid={errors.lecturerId ? true : undefined}
          aria-describedby={described('lecturerId', false)}
        >
          <option value="">请选择</option>
          {choices.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}（{l.unitName}）{l.inPool ? '' : '（已停用）'}
            </option>
          ))}
        </select>
      </Field>
      <Field name="durationMinutes" label="时长（分钟）" type="number" inputMode="numeric" min={10} max={600} required defaultValue={values.durationMinutes ?? lecture?.durationMinutes ?? 90} errors={errors.durationMinutes} />
      <Field name="summary" label="课程简介" errors={errors.summary}>
        <textarea id="field-summary" name="summary" rows={4} maxLength={TEXT_MAX} defaultValue={values.summary ?? lecture?.summary ?? ''} aria-invalid={errors.summary ? true : undefined} aria-describedby={described('summary', false)} />
      </Field>
      <Field name="outline" label="课程提纲" errors={errors.outline} hint="每行一项。">
        <textarea id="field-outline" name="outline" rows={6} maxLength={TEXT_MAX} defaultValue={values.outline ?? lecture?.outline ?? ''} aria-invalid={errors.outline ? true : undefined} aria-describedby={described('outline', true)} />
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}
