'use client';

import { useActionState } from 'react';
import { LabeledField } from '@/components/branches/LabeledField';
import { FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import type { BranchOption } from '@/lib/branches/tree';
import { createPersonAction, updatePersonAction } from '@/lib/people/actions';
import { genderLabels, memberStatusLabels, memberStatusOrder } from '@/lib/people/labels';
import type { PersonDetail } from '@/lib/people/types';

type Existing = Pick<PersonDetail, 'id' | 'version' | 'name' | 'gender' | 'birthDate' | 'phone' | 'jobTitle' | 'status' | 'statusSince' | 'joinedPartyOn'>;

/** Registers a person on a node (no `person`), or edits one. What was typed survives a refusal. */
export function PersonForm({ person, branches, branchId }: { person?: Existing; branches?: BranchOption[]; branchId?: number }) {
  const [state, action, pending] = useActionState(person ? updatePersonAction : createPersonAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const pick = (key: keyof Existing) => v[key] ?? (person?.[key] === null || person?.[key] === undefined ? '' : String(person[key]));
  const gender = pick('gender');
  const status = v.status ?? person?.status ?? 'full_member';
  const branch = v.branchId ?? (branchId ? String(branchId) : '');
  return (
    <form action={action} className={styles.form} noValidate>
      {person && <input type="hidden" name="id" value={person.id} />}
      {person && <input type="hidden" name="version" value={person.version} />}
      {!person && branches && (
        <LabeledField id="person-branchId" label="所在组织" errors={e.branchId}>
          {(a) => (
            <select {...a} key={branch} name="branchId" defaultValue={branch}>
              <option value="">请选择</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
      )}
      <LabeledField id="person-name" label="姓名" errors={e.name}>
        {(a) => <input {...a} name="name" required autoComplete="off" defaultValue={pick('name')} />}
      </LabeledField>
      <LabeledField id="person-gender" label="性别" errors={e.gender}>
        {(a) => (
          <select {...a} key={gender} name="gender" defaultValue={gender}>
            <option value="">未登记</option>
            {(Object.keys(genderLabels) as (keyof typeof genderLabels)[]).map((g) => (
              <option key={g} value={g}>
                {genderLabels[g]}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="person-birthDate" label="出生日期" errors={e.birthDate}>
        {(a) => <input {...a} name="birthDate" type="date" defaultValue={pick('birthDate')} />}
      </LabeledField>
      <LabeledField id="person-phone" label="联系电话" errors={e.phone} hint="手机号或带区号的固定电话；列表中只显示部分号码。">
        {(a) => <input {...a} name="phone" type="tel" autoComplete="off" defaultValue={pick('phone')} />}
      </LabeledField>
      <LabeledField id="person-jobTitle" label="职务" errors={e.jobTitle}>
        {(a) => <input {...a} name="jobTitle" defaultValue={pick('jobTitle')} />}
      </LabeledField>
      <LabeledField id="person-status" label="政治面貌" errors={e.status}>
        {(a) => (
          <select {...a} key={status} name="status" defaultValue={status}>
            {memberStatusOrder.map((s) => (
              <option key={s} value={s}>
                {memberStatusLabels[s]}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="person-statusSince" label="本状态起始日期" errors={e.statusSince} hint="如递交申请、确定为积极分子、接收为预备党员或转正的日期；政治面貌变化时必填。">
        {(a) => <input {...a} name="statusSince" type="date" defaultValue={pick('statusSince')} />}
      </LabeledField>
      <LabeledField id="person-joinedPartyOn" label="入党时间" errors={e.joinedPartyOn} hint="支部大会接收为预备党员的日期；预备党员和正式党员必填。">
        {(a) => <input {...a} name="joinedPartyOn" type="date" defaultValue={pick('joinedPartyOn')} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={person ? '保存' : '登记'} pendingLabel="正在保存…" />
    </form>
  );
}
