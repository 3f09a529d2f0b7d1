'use client';

import { useActionState, useState } from 'react';
import ui from '@/components/admin/admin-ui.module.css';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { runDevelopmentBatchAction } from '@/lib/development/actions';
import type { BatchCandidate } from '@/lib/development/batch-queries';
import { assessmentResultLabels, assessmentResults, bodyLabels, stageLabels, type StepKind, steps } from '@/lib/development/steps';
import { MANUAL_TRAINING_HINT, ManualTrainingFields, TrainingSourceSelect } from './TrainingSource';

type Props = { candidates: BatchCandidate[]; stepKinds: StepKind[]; today: string; rounds: { id: number; name: string; endsOn: string }[] };

/**
 * The batch: tick people, pick one step and one date. Each person is then judged by the rules on
 * their own; the result page lists who moved and who was refused, and why.
 */
export function BatchForm({ candidates, stepKinds, today, rounds }: Props) {
  const [state, action, pending] = useActionState(runDevelopmentBatchAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const [step, setStep] = useState<StepKind>((values.step as StepKind | undefined) ?? stepKinds[0]!);
  const [picked, setPicked] = useState<Set<number>>(() => new Set(candidates.filter((c) => values[`person-${c.personId}`] === '1').map((c) => c.personId)));
  const [roundId, setRoundId] = useState<string>(values.roundId ?? (rounds[0] ? String(rounds[0].id) : ''));
  const cited = step === 'training' && roundId !== '';
  const all = candidates.length > 0 && picked.size === candidates.length;
  const toggle = (id: number, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form action={action} className={forms.form} noValidate>
      <fieldset aria-describedby={errors.people?.length ? 'field-people-error' : undefined}>
        <legend>人员（已勾选 {picked.size} 人）</legend>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setPicked(e.target.checked ? new Set(candidates.map((c) => c.personId)) : new Set())} /> 全选本页列出的 {candidates.length} 人
        </label>
        {errors.people?.length ? (
          <p id="field-people-error" className={forms.error}>
            {errors.people.join(' ')}
          </p>
        ) : null}
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">可批量处理的人员，共 {candidates.length} 人</caption>
            <thead>
              <tr>
                <th scope="col">选择</th>
                <th scope="col">党组织</th>
                <th scope="col">阶段</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.personId}>
                  <td>
                    <label>
                      <input type="checkbox" name={`person-${c.personId}`} value="1" checked={picked.has(c.personId)} onChange={(e) => toggle(c.personId, e.target.checked)} /> {c.name}
                    </label>
                  </td>
                  <td data-label="党组织">{c.branchName}</td>
                  <td data-label="阶段">{stageLabels[c.stage]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <Field name="step" label="步骤" errors={errors.step}>
        <select
          id="field-step"
          name="step"
          value={step}
          onChange={(e) => setStep(e.target.value as StepKind)}
          aria-invalid={errors.step?.length ? true : undefined}
          aria-describedby={errors.step?.length ? 'field-step-error' : 'field-step-hint'}
        >
          {stepKinds.map((s) => (
            <option key={s} value={s}>
              {steps[s].label}
            </option>
          ))}
        </select>
      </Field>
      <p id="field-step-hint" className={forms.hint}>
        决定机构：{bodyLabels[steps[step].body]}（由步骤决定）。列为发展对象须逐人确定入党介绍人，请在个人档案中办理。
      </p>
      {step === 'training' ? (
        <TrainingSourceSelect
          name="roundId"
          label="集中培训班"
          hint={cited ? '每人的日期、天数和学时取自其在该班的结业记录；未在该班结业的人员不予记录并列明原因。' : MANUAL_TRAINING_HINT}
          value={roundId}
          onChange={setRoundId}
          options={rounds.map((r) => ({ value: r.id, label: `${r.name}（${r.endsOn} 结束）` }))}
          errors={errors}
        />
      ) : null}
      {cited ? null : (
        <Field name="decidedOn" label="日期" type="date" max={today} defaultValue={values.decidedOn ?? today} errors={errors.decidedOn} hint="会议、审批、培训或宣誓的日期，对所选人员相同，不能晚于今天。" required />
      )}
      {step === 'training' && !cited ? <ManualTrainingFields values={values} errors={errors} /> : null}
      {step === 'extend' ? <Field name="extensionMonths" label="延长月数" inputMode="numeric" defaultValue={values.extensionMonths ?? ''} errors={errors.extensionMonths} required /> : null}
      {step === 'assessment' ? (
        <Field name="result" label="考察结果" errors={errors.result}>
          <select id="field-result" name="result" defaultValue={values.result ?? ''} aria-invalid={errors.result?.length ? true : undefined} aria-describedby={errors.result?.length ? 'field-result-error' : undefined}>
            <option value="">请选择</option>
            {assessmentResults.map((r) => (
              <option key={r} value={r}>
                {assessmentResultLabels[r]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field name="note" label={step === 'drop' || step === 'cancel' ? '理由' : step === 'training' && !cited ? '说明（培训的举办单位和时间）' : '说明（可选）'} defaultValue={values.note ?? ''} errors={errors.note} maxLength={500} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="逐人核对并记录" pendingLabel="正在逐人核对…" />
    </form>
  );
}
