import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { NewTrainingRuleSetForm } from '@/components/training/NewTrainingRuleSetForm';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { trainingRuleFormValues } from '@/lib/training/rules';
import { latestTrainingRules } from '@/lib/training/rules-queries';

export const metadata: Metadata = { title: '新增培训规则版本' };

export default async function NewTrainingRuleSetPage() {
  await connection();
  const me = await requirePermission('training.rules', undefined, '/admin/rules/training/new');
  const latest = await latestTrainingRules(me);
  return (
    <>
      <h1 className={ui.title}>新增培训规则版本</h1>
      <p className={ui.muted}>
        表单已按最新版本填好，请按新文件逐项核对后修改。<Link href="/admin/rules">返回规则设置</Link>
      </p>
      <NewTrainingRuleSetForm defaults={trainingRuleFormValues(latest)} minDate={addDays(todayInBeijing(), 1)} />
    </>
  );
}
