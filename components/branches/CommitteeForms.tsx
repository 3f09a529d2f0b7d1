'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { appointPositionAction, endTermAction, setTermAction } from '@/lib/branches/actions';
import { positionKinds, positionLabels } from '@/lib/branches/kinds';
import type { CommitteeTerm, SelectOption } from '@/lib/branches/types';
import styles from './branches.module.css';
import { LabeledField } from './LabeledField';

export function AppointForm({ branchId, roster, termYears, today }: { branchId: number; roster: SelectOption[]; termYears: number | null; today: string }) {
  const [state, action, pending] = useActionState(appointPositionAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const person = v.personId ?? '';
  const position = v.position ?? 'secretary';
  return (
    <form action={action} className={formStyles.form} noValidate>
      <input type="hidden" name="branchId" value={branchId} />
      <LabeledField id="appoint-personId" label="任职人员" errors={e.personId} hint="从本组织名册中选择。">
        {(a) => (
          <select {...a} key={person} name="personId" defaultValue={person}>
            <option value="">请选择</option>
            {roster.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="appoint-position" label="职务" errors={e.position}>
        {(a) => (
          <select {...a} key={position} name="position" defaultValue={position}>
            {positionKinds.map((k) => (
              <option key={k} value={k}>
                {positionLabels[k]}
              </option>
            ))}
          </select>
        )}
      </LabeledField>
      <LabeledField id="appoint-startsOn" label="任期开始" errors={e.startsOn}>
        {(a) => <input {...a} name="startsOn" type="date" defaultValue={v.startsOn ?? today} />}
      </LabeledField>
      <LabeledField
        id="appoint-endsOn"
        label="任期届满"
        errors={e.endsOn}
        hint={termYears ? `不填则按规则自动计算（本类组织任期 ${termYears} 年）。` : '现行规则未规定本类组织的任期年限，请填写。'}
      >
        {(a) => <input {...a} name="endsOn" type="date" defaultValue={v.endsOn} />}
      </LabeledField>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="任命" pendingLabel="正在保存…" />
    </form>
  );
}

/** Per row of the current committee: end the term early, or correct its dates. */
export function TermActions({ term, today, who }: { term: CommitteeTerm; today: string; who: string }) {
  const [endState, endAction, ending] = useActionState(endTermAction, initialActionState);
  const [setState, setAction, setting] = useActionState(setTermAction, initialActionState);
  const endError = endState.fieldErrors?.endedOn?.join(' ') ?? (endState.ok ? '' : endState.message);
  const setError = [...(setState.fieldErrors?.startsOn ?? []), ...(setState.fieldErrors?.endsOn ?? [])].join(' ') || (setState.ok ? '' : setState.message);
  return (
    <>
      <form action={endAction} className={styles.rowForm} noValidate>
        <input type="hidden" name="id" value={term.id} />
        <input type="hidden" name="version" value={term.version} />
        <label htmlFor={`end-${term.id}`}>离任日期</label>
        <input id={`end-${term.id}`} name="endedOn" type="date" max={today} defaultValue={endState.values?.endedOn ?? today} aria-describedby={`end-${term.id}-msg`} />
        <button type="submit" className={styles.small} disabled={ending}>
          办理离任<span className="visually-hidden">：{who}</span>
        </button>
      </form>
      <p id={`end-${term.id}-msg`} className={`${styles.rowMessage} ${endState.ok ? styles.ok : ''}`} role="status">
        {endState.ok ? endState.message : endError}
      </p>
      <details>
        <summary>调整任期<span className="visually-hidden">：{who}</span></summary>
        <form action={setAction} className={styles.rowForm} noValidate>
          <input type="hidden" name="id" value={term.id} />
          <input type="hidden" name="version" value={term.version} />
          <label htmlFor={`starts-${term.id}`}>开始</label>
          <input id={`starts-${term.id}`} name="startsOn" type="date" defaultValue={setState.values?.startsOn ?? term.startsOn} aria-describedby={`set-${term.id}-msg`} />
          <label htmlFor={`ends-${term.id}`}>届满</label>
          <input id={`ends-${term.id}`} name="endsOn" type="date" defaultValue={setState.values?.endsOn ?? term.endsOn} aria-describedby={`set-${term.id}-msg`} />
          <button type="submit" className={styles.small} disabled={setting}>
            保存
          </button>
        </form>
        <p id={`set-${term.id}-msg`} className={`${styles.rowMessage} ${setState.ok ? styles.ok : ''}`} role="status">
          {setState.ok ? setState.message : setError}
        </p>
      </details>
    </>
  );
}
