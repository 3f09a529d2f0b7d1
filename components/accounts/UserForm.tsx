'use client';

import { useActionState, useState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createUserAction, updateUserAction } from '@/lib/accounts/actions';
import { roleLabels, roles, type Role } from '@/lib/auth/roles';
import type { BranchOption } from '@/lib/branches/tree';

type Existing = { id: number; username: string; displayName: string; role: Role; branchId: number | null; version: number };

/** Create (no `user`) or edit a user. Submitted values survive a refused save. */
export function UserForm({ user, branches }: { user?: Existing; branches: BranchOption[] }) {
  const [state, action, pending] = useActionState(user ? updateUserAction : createUserAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // The selects stay uncontrolled: React resets a form after its action to the inputs'
  // defaults, and a controlled select would keep its state while showing another value. A select
  // only takes its default when mounted, so each is keyed by the default it should reset to.
  const defaultRole = values.role ?? user?.role ?? 'editor';
  const defaultBranch = values.branchId ?? user?.branchId ?? '';
  const [role, setRole] = useState<string>(defaultRole);
  return (
    <form action={action} className={styles.form} noValidate onReset={() => setRole(defaultRole)}>
      {user && <input type="hidden" name="id" value={user.id} />}
      {user && <input type="hidden" name="version" value={user.version} />}
      {user ? (
        <p>
          用户名：<strong>{user.username}</strong>
        </p>
      ) : (
        <Field name="username" label="用户名" required autoComplete="off" defaultValue={values.username} errors={errors.username} hint="3–32 位小写字母、数字或 _ . -，创建后不可修改。" />
      )}
      <Field name="displayName" label="姓名" required defaultValue={values.displayName ?? user?.displayName} errors={errors.displayName} />
      <Field name="role" label="角色" errors={errors.role}>
        <select key={defaultRole} id="field-role" name="role" defaultValue={defaultRole} onChange={(e) => setRole(e.target.value)} aria-invalid={errors.role ? true : undefined} aria-describedby={errors.role ? 'field-role-error' : undefined}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </Field>
      {role === 'branch_secretary' && (
        <Field name="branchId" label="所属支部" errors={errors.branchId}>
          <select key={String(defaultBranch)} id="field-branchId" name="branchId" defaultValue={defaultBranch} aria-invalid={errors.branchId ? true : undefined} aria-describedby={errors.branchId ? 'field-branchId-error' : undefined}>
            <option value="">请选择</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      {!user && <Field name="password" label="初始密码" type="password" required autoComplete="new-password" errors={errors.password} hint="至少 10 个字符；用户首次登录后须修改。" />}
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}
