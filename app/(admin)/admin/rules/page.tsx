import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/compliance/compliance.module.css';
import { BranchRuleSetView, DevelopmentRuleSetView } from '@/components/rules/RuleSetViews';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { listRuleSets } from '@/lib/rules/queries';
import { TrainingRuleSetView } from '@/components/training/TrainingRuleSetView';
import { listTrainingRuleSets } from '@/lib/training/rules-queries';

export const metadata: Metadata = { title: '规则设置' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RulesPage({ searchParams }: Props) {
  await connection();
  const me = await requirePermission('rules.read', undefined, '/admin/rules');
  const { created } = await searchParams;
  const [sets, trainingSets] = await Promise.all([listRuleSets(me), listTrainingRuleSets(me)]);
  return (
    <>
      <h1 className={ui.title}>规则设置</h1>
      <p className={ui.muted}>
        组织生活频次、逾期补录天数、任期和发展党员期限等规则按版本保存，每个版本有生效日期：某次会议适用其召开当天有效的版本。规则一经生效不再修改，调整时新增一个以后生效的版本。
      </p>
      {created && (
        <p className={ui.panel} role="status">
          新的规则版本已保存。
        </p>
      )}
      {can(me, 'rules.manage') && (
        <p>
          <Link href="/admin/rules/new" className="button">
            新增组织生活规则版本
          </Link>{' '}
          <Link href="/admin/rules/development/new" className="button">
            新增发展党员规则版本
          </Link>{' '}
          <Link href="/admin/rules/training/new" className="button">
            新增培训规则版本
          </Link>
        </p>
      )}
      <h2 className={styles.section}>组织生活规则（三会一课等）</h2>
      {sets.branch.length === 0 ? <p className={ui.panel}>尚未设置组织生活规则。</p> : sets.branch.map((s) => <BranchRuleSetView key={s.id} set={s} />)}
      <h2 className={styles.section}>发展党员工作规则</h2>
      {sets.development.length === 0 ? <p className={ui.panel}>尚未设置发展党员规则。</p> : sets.development.map((s) => <DevelopmentRuleSetView key={s.id} set={s} />)}
      <h2 className={styles.section}>党员教育培训规则</h2>
      <p className={ui.muted}>某一年度的学时和轮训按当年 12 月 31 日有效的版本统计；新任书记的培训期限按其任职当天有效的版本计算。</p>
      {trainingSets.length === 0 ? <p className={ui.panel}>尚未设置培训规则。</p> : trainingSets.map((s) => <TrainingRuleSetView key={s.id} set={s} />)}
    </>
  );
}
