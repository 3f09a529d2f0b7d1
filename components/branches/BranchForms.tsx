'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createBranchAction, dissolveBranchAction, moveBranchAction, updateBranchAction } from '@/lib/branches/actions';
import { branchKindLabels } from '@/lib/branches/kinds';
import type { BranchKind, SelectOption } from '@/lib/branches/types';
import { LabeledField } from './LabeledField';

type Editable = {
  id: number;
  name: string;
  code: string;
  unitName: string;
  contactPhone: string | null;
  establishedOn: string | null;
  version: number;
};

// The admin's forms on a node page. Each keeps what was typed when a save is refused (the
// action returns the submitted values) and shows every error beside its field.

export function BranchEditForm({ branch }: { branch: Editable }) {
  const [state, action, pending] = useActionState(updateBranchAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={branch.id} />
      <input type="hidden" name="version" value={branch.version} />
      <LabeledField id="edit-name" label="名称" errors={e.name}>
        {(a) => <input {...a} name="name" required defaultValue={v.name ?? branch.name} />}
      </LabeledField>
      <LabeledField id="edit-code" label="编码" errors={e.code} hint="字母、数字和 -，全树唯一。">
        {(a) => <input {...a} name="code" required defaultValue={v.code ?? branch.code} />}
      </LabeledField>
      <LabeledField id="edit-unitName" label="所在单位" errors={e.unitName}>
        {(a) => <input {...a} name="unitName" defaultValue={v.unitName ?? branch.unitName} />}
      </LabeledField>
      <LabeledField id="edit-establishedOn" label="成立日期" errors={e.establishedOn}>
        {(a) => <input {...a} name="establishedOn" type="date" defaultValue={v.establishedOn ?? branch.establishedOn ?? ''} />}
      </LabeledField>
      <LabeledField id="edit-contactPhone" label="联系电话" errors={e.contactPhone}>
        {(a) => <input {...a} name="contactPhone" type="tel" defaultValue={v.contactPhone ?? branch.contactPhone ?? ''} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}

export function CreateChildForm({ parentId, kinds }: { parentId: number; kinds: BranchKind[] }) {
  const [state, action, pending] = useActionState(createBranchAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const defaultKind = v.kind ?? kinds[kinds.length - 1] ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="parentId" value={parentId} />
      <LabeledField id="new-kind" label="类型" errors={e.kind ?? e.parentId}>
        {(a) => (
          <select {...a} key={defaultKind} name="kind" defaultValue={defaultKind}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {branchKindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="new-name" label="名称" errors={e.name} hint="组织全称，如“中共××局机关第四党支部”。">
        {(a) => <input {...a} name="name" required defaultValue={v.name} />}
      </LabeledField>
      <LabeledField id="new-code" label="编码" errors={e.code} hint="字母、数字和 -，全树唯一，如 U01-B4。">
        {(a) => <input {...a} name="code" required defaultValue={v.code} />}
      </LabeledField>
      <LabeledField id="new-unitName" label="所在单位" errors={e.unitName} hint="不填则与上级组织相同。">
        {(a) => <input {...a} name="unitName" defaultValue={v.unitName} />}
      </LabeledField>
      <LabeledField id="new-establishedOn" label="成立日期" errors={e.establishedOn}>
        {(a) => <input {...a} name="establishedOn" type="date" defaultValue={v.establishedOn} />}
      </LabeledField>
      <LabeledField id="new-contactPhone" label="联系电话" errors={e.contactPhone}>
        {(a) => <input {...a} name="contactPhone" type="tel" defaultValue={v.contactPhone} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="新建" pendingLabel="正在新建…" />
    </form>
  );
}

export function MoveBranchForm({ branch, targets }: { branch: { id: number; version: number }; targets: SelectOption[] }) {
  const [state, action, pending] = useActionState(moveBranchAction, initialActionState);
  const e = state.fieldErrors ?? {};
  const selected = state.values?.parentId ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={branch.id} />
      <input type="hidden" name="version" value={branch.version} />
      <LabeledField id="move-parentId" label="新的上级组织" errors={e.parentId} hint="只列出可以设立该类组织、且未撤销的组织；组织的记录和名册随之移动。">
        {(a) => (
          <select {...a} key={selected} name="parentId" defaultValue={selected}>
            <option value="">请选择</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="移动" pendingLabel="正在移动…" />
    </form>
  );
}

export function DissolveBranchForm({ branch, today }: { branch: { id: number; version: number }; today: string }) {
  const [state, action, pending] = useActionState(dissolveBranchAction, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={branch.id} />
      <input type="hidden" name="version" value={branch.version} />
      <LabeledField id="dissolve-dissolvedOn" label="撤销日期" errors={e.dissolvedOn} hint="撤销后该组织不再新增记录；已有的记录、名册和任职历史全部保留。">
        {(a) => <input {...a} name="dissolvedOn" type="date" max={today} defaultValue={state.values?.dissolvedOn ?? today} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="撤销该组织" pendingLabel="正在撤销…" />
    </form>
  );
}
