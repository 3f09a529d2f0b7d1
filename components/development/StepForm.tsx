'use client';

import { useActionState, useState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { recordDevelopmentStepAction } from '@/lib/development/actions';
import { type ConcentratedTraining, concentratedTrainingLabel } from '@/lib/development/concentrated-training';
import { assessmentResultLabels, assessmentResults, bodyLabels, type StepKind, steps } from '@/lib/development/steps';
import { MANUAL_TRAINING_HINT, ManualTrainingFields, TrainingSourceSelect } from './TrainingSource';

type Props = {
  personId: number;
  version: number;
  allowed: StepKind[];
  introducerOptions: { id: number; label: string }[];
  /** The person's completed concentrated rounds, which a training step may cite. */
  trainingOptions: ConcentratedTraining[];
  today: string;
};

/** The next step of one file: only steps the rules allow today are offered; the fields follow the step. */
export function StepForm({ personId, version, allowed, introducerOptions, trainingOptions, today }: Props) {
  const [state, action, pending] = useActionState(recordDevelopmentStepAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const [step, setStep] = useState<StepKind>((values.step as StepKind | undefined) ?? allowed[0]!);
  // The newest completion is offered first; "" is a training entered by hand.
  const echoed = values.traineeId;
  const known = echoed === '' || trainingOptions.some((o) => String(o.traineeId) === echoed);
  const [traineeId, setTraineeId] = useState<string>(echoed !== undefined && known ? echoed : trainingOptions[0] ? String(trainingOptions[0].traineeId) : '');
  const cited = step === 'training' ? trainingOptions.find((o) => String(o.traineeId) === traineeId) : undefined;
  const manualTraining = step === 'training' && !cited;
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
      {step === 'training' ? (
        <TrainingSourceSelect
          name="traineeId"
          label="培训记录"
          hint={cited ? `日期、天数和学时取自所选培训记录：${cited.completedOn} 结业，${cited.days} 天、${cited.hours} 学时。` : MANUAL_TRAINING_HINT}
          value={traineeId}
          onChange={setTraineeId}
          options={trainingOptions.map((o) => ({ value: o.traineeId, label: concentratedTrainingLabel(o) }))}
          errors={errors}
        />
      ) : null}
      {cited ? null : (
        <Field name="decidedOn" label="日期" type="date" max={today} defaultValue={values.decidedOn ?? today} errors={errors.decidedOn} hint="会议、审批或谈话发生的日期，不能晚于今天。" required />
      )}
      {step === 'to_target' ? [introducer(1), introducer(2)] : null}
      {manualTraining ? <ManualTrainingFields values={values} errors={errors} /> : null}
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
      <Field
        name="note"
        label={step === 'drop' || step === 'cancel' ? '理由' : manualTraining ? '说明' : '说明（可选）'}
        defaultValue={values.note ?? ''}
        errors={errors.note}
        maxLength={500}
        hint={manualTraining ? '请写明培训的举办单位和时间。' : undefined}
        required={manualTraining || undefined}
      />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="记录该步骤" pendingLabel="正在保存…" />
    </form>
  );
}
