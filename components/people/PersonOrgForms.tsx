'use client';

import { useActionState } from 'react';
import { LabeledField } from '@/components/branches/LabeledField';
import { FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import type { BranchOption } from '@/lib/branches/tree';
import { linkAccountAction, transferPersonAction, unlinkAccountAction } from '@/lib/people/actions';
import type { AccountOption } from '@/lib/people/types';

type Target = { id: number; version: number };

/** 组织关系转接: to another node of the actor's scope, on a day, with a reason. */
export function TransferForm({ person, branches, today }: { person: Target & { branchId: number }; branches: BranchOption[]; today: string }) {
  const [state, action, pending] = useActionState(transferPersonAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const to = v.toBranchId ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <LabeledField id="transfer-toBranchId" label="转入组织" errors={e.toBranchId}>
        {(a) => (
          <select {...a} key={to} name="toBranchId" defaultValue={to}>
            <option value="">请选择</option>
            {branches
              .filter((b) => b.id !== person.branchId)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="transfer-transferredOn" label="转接日期" errors={e.transferredOn}>
        {(a) => <input {...a} name="transferredOn" type="date" max={today} defaultValue={v.transferredOn ?? today} />}
      </LabeledField>
      <LabeledField id="transfer-reason" label="转接原因" errors={e.reason} hint="如工作调动、单位内部调整。">
        {(a) => <input {...a} name="reason" maxLength={200} defaultValue={v.reason} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="办理转接" pendingLabel="正在办理…" />
    </form>
  );
}

export function LinkAccountForm({ person, accounts }: { person: Target; accounts: AccountOption[] }) {
  const [state, action, pending] = useActionState(linkAccountAction, initialActionState);
  const e = state.fieldErrors ?? {};
  const chosen = state.values?.userId ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <LabeledField id="link-userId" label="关联账号" errors={e.userId} hint="只列出启用且尚未关联人员的账号；一个账号只能对应一名人员。">
        {(a) => (
          <select {...a} key={chosen} name="userId" defaultValue={chosen}>
            <option value="">请选择</option>
            {accounts.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="关联" pendingLabel="正在关联…" />
    </form>
  );
}

export function UnlinkAccountForm({ person }: { person: Target }) {
  const [state, action, pending] = useActionState(unlinkAccountAction, initialActionState);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="解除关联" pendingLabel="正在解除…" />
    </form>
  );
}
