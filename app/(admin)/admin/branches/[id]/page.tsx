import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { BranchEditForm, CreateChildForm, DissolveBranchForm, MoveBranchForm } from '@/components/branches/BranchForms';
import styles from '@/components/branches/branches.module.css';
import { CommitteeSection } from '@/components/branches/CommitteeSection';
import { ComplianceCard } from '@/components/compliance/ComplianceCard';
import { AppointForm } from '@/components/branches/CommitteeForms';
import { statusCountsText } from '@/components/branches/StatusCountsText';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { branchComplianceCard } from '@/lib/compliance/queries';
import { branchKindLabels, childKindsFor, positionLabels } from '@/lib/branches/kinds';
import { getBranchDetail, isForbidden, listMoveTargets } from '@/lib/branches/queries';
import { parseId } from '@/lib/ids';
import { memberStatusLabels, memberStatusOrder } from '@/lib/people/labels';
import { listNodeRoster } from '@/lib/people/queries';

export const metadata: Metadata = { title: '组织详情' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; moved?: string }> };

export default async function BranchPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('branches.read', undefined, `/admin/branches/${rawId}`);
  const id = parseId(rawId);
  const branch = id === null ? null : await getBranchDetail(me, id).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error)));
  if (!branch) notFound();
  const flags = await searchParams;
  const open = branch.dissolvedOn === null;
  const [roster, moveTargets, card] = await Promise.all([
    branch.canManagePositions && open ? listNodeRoster(me, branch.id) : Promise.resolve([]),
    branch.canManageTree && open && branch.parentId !== null ? listMoveTargets(me, branch.id) : Promise.resolve([]),
    // This year's compliance of the node and its subtree, by held_on, against the rules in force.
    can(me, 'compliance.read', { branchId: branch.id }) ? branchComplianceCard(me, branch.id, Number(todayInBeijing().slice(0, 4))) : Promise.resolve(null),
  ]);
  const childKinds = childKindsFor(branch);
  const ownTotal = Object.values(branch.own).reduce((a, n) => a + (n ?? 0), 0);
  const subtreeTotal = Object.values(branch.subtree).reduce((a, n) => a + (n ?? 0), 0);
  return (
    <>
      <nav aria-label="上级组织" className={styles.path}>
        <ol>
          <li>
            <Link href="/admin/branches">组织架构</Link>
          </li>
          {branch.path.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/branches/${p.id}`}>{p.name}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <h1 className={ui.title}>{branch.name}</h1>
      {flags.created && (
        <p className={ui.panel} role="status">
          组织已新建。
        </p>
      )}
      {flags.moved && (
        <p className={ui.panel} role="status">
          组织已移动到新的上级组织之下，其记录和名册随之移动。
        </p>
      )}
      {branch.dissolvedOn && (
        <p className={styles.warnings}>
          该组织已于 {branch.dissolvedOn} 撤销：其记录、名册和任职历史均保留，不再新增记录。
          {ownTotal > 0 ? `名册中仍有 ${ownTotal} 人，请为其办理组织关系转接。` : ''}
        </p>
      )}
      <dl className={styles.meta}>
        <dt>类型</dt>
        <dd>{branchKindLabels[branch.kind]}</dd>
        <dt>编码</dt>
        <dd>{branch.code}</dd>
        <dt>所在单位</dt>
        <dd>{branch.unitName}</dd>
        <dt>成立日期</dt>
        <dd>{branch.establishedOn ?? '未登记'}</dd>
        {branch.dissolvedOn && (
          <>
            <dt>撤销日期</dt>
            <dd>{branch.dissolvedOn}</dd>
          </>
        )}
        <dt>联系电话</dt>
        <dd>{branch.contactPhone ?? '未登记'}</dd>
        <dt>人数</dt>
        <dd>
          本组织 {ownTotal} 人；含下级组织共 {subtreeTotal} 人 <Link href={`/admin/people?branchId=${branch.id}`}>查看名册</Link>
        </dd>
        <dt>组织生活记录</dt>
        <dd>
          {branch.recordCount} 条（含下级组织） <Link href={`/admin/records?branch=${branch.id}`}>查看记录</Link>
        </dd>
      </dl>

      {branch.warnings.length > 0 && (
        <section className={styles.warnings} aria-labelledby="term-warnings">
          <h2 id="term-warnings" className={styles.warningsTitle}>
            任期提醒
          </h2>
          <ul>
            {branch.warnings.map((w) => (
              <li key={`${w.kind}-${w.termId}`}>
                {w.kind === 'ending'
                  ? `${positionLabels[w.position]}任期将于 ${w.endsOn} 届满（还有 ${w.daysLeft} 天），请及时组织换届。`
                  : `${positionLabels[w.position]}任期已于 ${w.endedOn} 结束，尚无继任人选。`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby="members-title">
        <h2 id="members-title">人员构成</h2>
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${styles.cards}`}>
            <caption className="visually-hidden">按政治面貌统计的人数</caption>
            <thead>
              <tr>
                <th scope="col">政治面貌</th>
                <th scope="col">本组织</th>
                <th scope="col">含下级组织</th>
              </tr>
            </thead>
            <tbody>
              {memberStatusOrder.map((s) => (
                <tr key={s}>
                  <th scope="row" data-label="政治面貌">
                    {memberStatusLabels[s]}
                  </th>
                  <td data-label="本组织">{branch.own[s] ?? 0}</td>
                  <td data-label="含下级组织">{branch.subtree[s] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={ui.muted}>{statusCountsText(branch.subtree) || '名册中暂无人员。'}</p>
      </section>

      <section className={styles.section} aria-labelledby="committee-title">
        <h2 id="committee-title">委员会</h2>
        {branch.termRules ? (
          <p className={ui.muted}>
            任期提醒按现行规则“{branch.termRules.ruleSetName}”：届满前 {branch.termRules.termWarningDays} 天提醒
            {branch.termRules.termYears ? `；本类组织任期 ${branch.termRules.termYears} 年` : ''}。
          </p>
        ) : (
          <p className={ui.muted}>目前没有生效的组织生活规则，无法计算任期提醒。</p>
        )}
        <CommitteeSection terms={branch.terms} today={branch.today} canManage={branch.canManagePositions && open} />
        {branch.canManagePositions && open && (
          <details className={styles.sectionTools}>
            <summary>任命委员</summary>
            {roster.length === 0 ? (
              <p className={ui.panel}>本组织名册中还没有人员，请先在党员名册中登记。</p>
            ) : (
              <AppointForm branchId={branch.id} roster={roster} termYears={branch.termRules?.termYears ?? null} today={branch.today} />
            )}
          </details>
        )}
      </section>

      {card && <ComplianceCard data={card} />}

      <section className={styles.section} aria-labelledby="children-title">
        <h2 id="children-title">下级组织</h2>
        {branch.children.length === 0 ? (
          <p className={ui.muted}>没有下级组织。</p>
        ) : (
          <ul>
            {branch.children.map((c) => (
              <li key={c.id}>
                <Link href={`/admin/branches/${c.id}`} className={c.dissolvedOn ? styles.dissolvedName : undefined}>
                  {c.name}
                </Link>{' '}
                <span className={styles.kind}>{branchKindLabels[c.kind]}</span>
                {c.dissolvedOn && <span className={styles.dissolved}>已撤销（{c.dissolvedOn}）</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {branch.canManageTree && (
        <section className={styles.section} aria-labelledby="manage-title">
          <h2 id="manage-title">管理</h2>
          <details className={styles.sectionTools}>
            <summary>编辑组织信息</summary>
            <BranchEditForm branch={branch} />
          </details>
          {childKinds.length > 0 && (
            <details className={styles.sectionTools}>
              <summary>新建下级组织</summary>
              <CreateChildForm parentId={branch.id} kinds={childKinds} />
            </details>
          )}
          {open && branch.parentId !== null && (
            <details className={styles.sectionTools}>
              <summary>移动到其他上级组织</summary>
              <MoveBranchForm branch={branch} targets={moveTargets} />
            </details>
          )}
          {open && branch.parentId !== null && (
            <details className={styles.sectionTools}>
              <summary>撤销该组织</summary>
              <DissolveBranchForm branch={branch} today={branch.today} />
            </details>
          )}
        </section>
      )}
    </>
  );
}
