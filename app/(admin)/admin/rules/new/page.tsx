import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { NewRuleSetForm } from '@/components/rules/NewRuleSetForm';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { ruleFormValues } from '@/lib/rules/form';
import { latestBranchRules } from '@/lib/rules/queries';

export const metadata: Metadata = { title: '新增组织生活规则版本' };

export default async function NewRuleSetPage() {
  await connection();
  const me = await requirePermission('rules.manage', undefined, '/admin/rules/new');
  const defaults = ruleFormValues(await latestBranchRules(me));
  return (
    <>
      <h1 className={ui.title}>新增组织生活规则版本</h1>
      <p className={ui.muted}>
        表单已按最新版本填好，只需修改变化的内容。<Link href="/admin/rules">返回规则设置</Link>
      </p>
      <NewRuleSetForm defaults={defaults} minDate={addDays(todayInBeijing(), 1)} />
    </>
  );
}
