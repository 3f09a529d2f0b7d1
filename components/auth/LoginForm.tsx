'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { loginAction } from '@/lib/auth/actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(loginAction, initialActionState);
  return (
    <form action={action} className={formStyles.form} noValidate>
      <input type="hidden" name="next" value={next} />
      <Field name="username" label="用户名" autoComplete="username" required defaultValue={state.values?.username} errors={state.fieldErrors?.username} />
      <Field name="password" label="密码" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="登录" pendingLabel="正在登录…" />
    </form>
  );
}
