'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createHallSessionAction, updateHallSessionAction } from '@/lib/hall/actions';
import { CAPACITY_MAX, PLACE_MAX, SPEAKER_MAX, THEME_MAX } from '@/lib/hall/schemas';
import { hallSeries, hallSeriesLabels } from '@/lib/lectures/labels';

export type HallSessionValues = {
  id: number;
  version: number;
  series: string;
  /** Beijing wall clock: YYYY-MM-DD and HH:MM. */
  day: string;
  time: string;
  theme: string;
  speaker: string;
  place: string;
  capacity: number | null;
  classHours: number | null;
  articleId: number | null;
};

/** Create (no `session`) or edit a 大讲堂 session. Submitted values survive a refused save. */
export function HallSessionForm({ session }: { session?: HallSessionValues }) {
  const [state, action, pending] = useActionState(session ? updateHallSessionAction : createHallSessionAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const text = (name: keyof HallSessionValues) => values[name] ?? (session?.[name] == null ? '' : String(session[name]));
  return (
    <form action={action} className={forms.form} noValidate>
      {session && <input type="hidden" name="id" value={session.id} />}
      {session && <input type="hidden" name="version" value={session.version} />}
      <Field name="series" label="系列" errors={errors.series}>
        <select id="field-series" name="series" defaultValue={text('series') || 'monthly'} aria-invalid={errors.series ? true : undefined}>
          {hallSeries.map((s) => (
            <option key={s} value={s}>
              {hallSeriesLabels[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="day" label="日期" type="date" required defaultValue={text('day')} errors={errors.day} />
      <Field name="time" label="开始时间" type="time" required defaultValue={text('time')} errors={errors.time} hint="北京时间，例如 14:30。" />
      <Field name="theme" label="主题" required maxLength={THEME_MAX} defaultValue={text('theme')} errors={errors.theme} />
      <Field name="speaker" label="主讲人" required maxLength={SPEAKER_MAX} defaultValue={text('speaker')} errors={errors.speaker} />
      <Field name="place" label="地点" required maxLength={PLACE_MAX} defaultValue={text('place')} errors={errors.place} />
      <Field name="capacity" label="容量（选填）" inputMode="numeric" defaultValue={text('capacity')} errors={errors.capacity} hint={`可容纳人数，1 至 ${CAPACITY_MAX}；不填则不限。`} />
      <Field name="classHours" label="学时（选填）" inputMode="decimal" defaultValue={text('classHours')} errors={errors.classHours} hint="确认出席后计入出席人员的学习学时，以 0.5 为单位；不填则不计学时。" />
      <Field name="articleId" label="相关报道文章编号（选填）" inputMode="numeric" defaultValue={text('articleId')} errors={errors.articleId} hint="活动报道发布后填写，门户大讲堂页将链接到该文章。" />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}
