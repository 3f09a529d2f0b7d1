'use client';

import { useActionState } from 'react';
import { Field, FormFooter, FormMessage } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { changeOwnPasswordAction, resetPasswordAction, setUserActiveAction } from '@/lib/accounts/actions';

export function ResetPasswordForm({ userId }: { userId: number }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={userId} />
      <Field name="password" label="新密码（留空则自动生成一次性密码）" type="password" autoComplete="new-password" errors={state.fieldErrors?.password} />
      <FormMessage ok={state.ok} message={state.message} />
      {state.data?.oneTimePassword && (
        <p>
          一次性密码：<code>{state.data.oneTimePassword}</code>
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" name="mode" value="set" className="button" disabled={pending}>
          设置新密码
        </button>
        <button type="submit" name="mode" value="generate" className="button" disabled={pending}>
          生成一次性密码
        </button>
      </div>
    </form>
  );
}

export function ToggleActiveForm({ userId, active }: { userId: number; active: boolean }) {
  const [state, action, pending] = useActionState(setUserActiveAction, initialActionState);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={active ? '停用账号' : '启用账号'} />
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={styles.form} noValidate>
      <Field name="currentPassword" label="当前密码" type="password" required autoComplete="current-password" errors={errors.currentPassword} />
      <Field name="newPassword" label="新密码" type="password" required autoComplete="new-password" errors={errors.newPassword} hint="至少 10 个字符。" />
      <Field name="confirmPassword" label="再次输入新密码" type="password" required autoComplete="new-password" errors={errors.confirmPassword} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="修改密码" pendingLabel="正在保存…" />
    </form>
  );
}
