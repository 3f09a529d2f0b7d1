'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { FindingFields } from '@/components/reviews/FindingFields';
import { initialActionState } from '@/lib/actions/state';
import { addInspectionFindingAction, draftInspectionNoticeAction, releaseInspectionAction } from '@/lib/inspections/actions';

// The auditor's forms on an inspection (add a finding, release it) and the admin's 通报 draft.
// Refused forms keep what was typed.

export function AddInspectionFindingForm({ inspectionId, defaultDueOn }: { inspectionId: number; defaultDueOn: string }) {
  const [state, action, pending] = useActionState(addInspectionFindingAction, initialActionState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} aria-label="登记问题">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <FindingFields values={v} errors={errors} defaultDueOn={defaultDueOn} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="登记问题" pendingLabel="正在保存…" />
    </form>
  );
}

export function ReleaseInspectionForm({ inspectionId, version, findings }: { inspectionId: number; version: number; findings: number }) {
  const [state, action, pending] = useActionState(releaseInspectionAction, initialActionState);
  return (
    <form action={action} className={forms.form} aria-label="发布督查结果">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="version" value={version} />
      <p>发布后，被督查组织的书记可在工作台看到这 {findings} 个问题并答复整改；发布不能撤回，发布后仍可补充问题。</p>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="发布督查结果" pendingLabel="正在发布…" />
    </form>
  );
}

export function DraftNoticeForm({ inspectionId }: { inspectionId: number }) {
  const [state, action, pending] = useActionState(draftInspectionNoticeAction, initialActionState);
  return (
    <form action={action} className={forms.form} aria-label="生成通报草稿">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <p>在“通知公告”栏目生成一篇通报草稿，填好督查的时间、方式、问题和整改情况，交编辑修改；草稿不会自动发布。</p>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="生成通报草稿" pendingLabel="正在生成…" />
    </form>
  );
}
