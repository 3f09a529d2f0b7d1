'use client';

import { useActionState, useState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { recordDevelopmentStepAction } from '@/lib/development/actions';
import { assessmentResultLabels, assessmentResults, bodyLabels, type StepKind, steps } from '@/lib/development/steps';

type Props = {
  personId: number;
  version: number;
  allowed: StepKind[];
  introducerOptions: { id: number; label: string }[];
  today: string;
};

/** The next step of one file: only steps the rules allow today are offered; the fields follow the step. */
export function StepForm({ personId, version, allowed, introducerOptions, today }: Props) {
  const [state, action, pending] = useActionState(recordDevelopmentStepAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const [step, setStep] = useState<StepKind>((values.step as StepKind | undefined) ?? allowed[0]!);
  const introducer = (n: number) => (
    <Field key={n} name={`introducer${n}`} label={`入党介绍人（${n}）`} errors={errors[`introducer${n}`]}>
      <select
        id={`field-introducer${n}`}
        name={`introducer${n}`}
        defaultValue={values[`introducer${n}`] ?? ''}
        aria-invalid={errors[`introducer${n}`]?.length ? true : undefined}
        aria-describedby={errors[`introducer${n}`]?.length ? `field-introducer${n}-error` : undefined}
      >
        <option value="">请选择正式党员</option>
        {introducerOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form action={action} className={forms.form} noValidate>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="version" value={version} />
      <Field name="step" label="步骤" errors={errors.step}>
        <select
          id="field-step"
          name="step"
          value={step}
          onChange={(e) => setStep(e.target.value as StepKind)}
          aria-invalid={errors.step?.length ? true : undefined}
          aria-describedby={errors.step?.length ? 'field-step-error' : 'field-step-hint'}
        >
          {allowed.map((s) => (
            <option key={s} value={s}>
              {steps[s].label}
            </option>
          ))}
        </select>
      </Field>
      <p id="field-step-hint" className={forms.hint}>
        决定机构：{bodyLabels[steps[step].body]}
      </p>
      <Field name="decidedOn" label="日期" type="date" max={today} defaultValue={values.decidedOn ?? today} errors={errors.decidedOn} hint="会议、审批或谈话发生的日期，不能晚于今天。" required />
      {step === 'to_target' ? [introducer(1), introducer(2)] : null}
      {step === 'training' ? (
        <>
          <Field name="trainingDays" label="培训天数" inputMode="numeric" defaultValue={values.trainingDays ?? ''} errors={errors.trainingDays} />
          <Field name="trainingHours" label="培训学时" inputMode="numeric" defaultValue={values.trainingHours ?? ''} errors={errors.trainingHours} />
        </>
      ) : null}
      {step === 'extend' ? <Field name="extensionMonths" label="延长月数" inputMode="numeric" defaultValue={values.extensionMonths ?? ''} errors={errors.extensionMonths} required /> : null}
      {step === 'assessment' ? (
        <Field name="result" label="考察结果" errors={errors.result}>
          <select id="field-result" name="result" defaultValue={values.result ?? ''} aria-describedby={errors.result?.length ? 'field-result-error' : undefined}>
            <option value="">请选择</option>
            {assessmentResults.map((r) => (
              <option key={r} value={r}>
                {assessmentResultLabels[r]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field name="note" label={step === 'drop' || step === 'cancel' ? '理由' : '说明（可选）'} defaultValue={values.note ?? ''} errors={errors.note} maxLength={500} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="记录该步骤" pendingLabel="正在保存…" />
    </form>
  );
}
