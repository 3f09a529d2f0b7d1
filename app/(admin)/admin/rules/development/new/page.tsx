import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { NewDevelopmentRuleSetForm } from '@/components/development/NewDevelopmentRuleSetForm';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { latestDevelopmentRules } from '@/lib/development/queries';
import { developmentRuleFields } from '@/lib/development/schemas';

export const metadata: Metadata = { title: '新增发展党员规则版本' };

export default async function NewDevelopmentRuleSetPage() {
  await connection();
  const me = await requirePermission('rules.manage', undefined, '/admin/rules/development/new');
  const latest = await latestDevelopmentRules(me);
  const defaults: Record<string, string> = Object.fromEntries(developmentRuleFields.map(([key]) => [key, latest ? String(latest[key]) : '']));
  return (
    <>
      <h1 className={ui.title}>新增发展党员规则版本</h1>
      <p className={ui.muted}>
        表单已按最新版本填好，请按新文件逐项核对后修改；每一步骤按其日期当天有效的版本判断。<Link href="/admin/rules">返回规则设置</Link>
      </p>
      <NewDevelopmentRuleSetForm defaults={defaults} minDate={addDays(todayInBeijing(), 1)} />
    </>
  );
}
