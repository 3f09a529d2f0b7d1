import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/branches/branches.module.css';
import { OpenDevelopmentFileForm } from '@/components/development/OpenDevelopmentFileForm';
import { PersonAttendance } from '@/components/people/PersonAttendance';
import { PersonForm } from '@/components/people/PersonForm';
import { PersonTraining } from '@/components/training/PersonTraining';
import { LinkAccountForm, TransferForm, UnlinkAccountForm } from '@/components/people/PersonOrgForms';
import { requirePermission } from '@/lib/auth/current-user';
import { todayInBeijing } from '@/lib/calendar/days';
import { positionLabels } from '@/lib/branches/kinds';
import { isForbidden, listScopedBranchOptions } from '@/lib/branches/queries';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { genderLabels, memberStatusLabels } from '@/lib/people/labels';
import { getPersonDetail, listLinkableAccounts } from '@/lib/people/queries';
import { personTraining } from '@/lib/training/hours-history';

export const metadata: Metadata = { title: '人员详情' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function PersonPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('people.read', undefined, `/admin/people/${rawId}`);
  const id = parseId(rawId);
  // The read is logged in the audit trail by the query itself (personal data).
  const person = id === null ? null : await getPersonDetail(me, id).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error)));
  if (!person) notFound();
  const { created } = await searchParams;
  const today = todayInBeijing();
  const [branches, accounts, training] = await Promise.all([
    person.canManage ? listScopedBranchOptions(me, 'people.manage') : Promise.resolve([]),
    person.canLinkAccount && !person.account ? listLinkableAccounts(me) : Promise.resolve([]),
    personTraining(me, { id: person.id, branchId: person.branch.id }, Number(today.slice(0, 4))),
  ]);
  return (
    <>
      <p>
        <Link href={`/admin/people?branchId=${person.branch.id}`}>← 返回名册</Link>
      </p>
      <h1 className={ui.title}>{person.name}</h1>
      {created && (
        <p className={ui.panel} role="status">
          人员已登记。
        </p>
      )}
      <p className={ui.muted}>本页含个人信息，您的查看已记入审计日志。</p>
      <dl className={styles.meta}>
        <dt>所在组织</dt>
        <dd>
          {[...person.branchPath.slice(1), person.branch].map((b, i, all) => (
            <span key={b.id}>
              <Link href={`/admin/branches/${b.id}`}>{b.name}</Link>
              {i < all.length - 1 ? ' › ' : ''}
            </span>
          ))}
          {person.branch.dissolvedOn ? `（该组织已于 ${person.branch.dissolvedOn} 撤销）` : ''}
        </dd>
        <dt>性别</dt>
        <dd>{person.gender ? genderLabels[person.gender] : '未登记'}</dd>
        <dt>出生日期</dt>
        <dd>{person.birthDate ?? '未登记'}</dd>
        <dt>联系电话</dt>
        <dd>{person.phone ?? '未登记'}</dd>
        <dt>职务</dt>
        <dd>{person.jobTitle ?? '未登记'}</dd>
        <dt>政治面貌</dt>
        <dd>
          {memberStatusLabels[person.status]}
          {person.statusSince ? `（${person.statusSince} 起）` : ''}
          {person.hasDevelopmentFile ? (
            <>
              {' '}
              <Link href={`/admin/development/${person.id}`}>查看发展档案</Link>
            </>
          ) : null}
          {person.canOpenDevelopmentFile ? <OpenDevelopmentFileForm personId={person.id} today={today} /> : null}
        </dd>
        <dt>入党时间</dt>
        <dd>{person.joinedPartyOn ?? '—'}</dd>
        <dt>关联账号</dt>
        <dd>{person.account ? `${person.account.displayName}（${person.account.username}）` : '未关联'}</dd>
        <dt>最近修改</dt>
        <dd>{formatDateTime(person.updatedAt)}</dd>
      </dl>

      <section className={styles.section} aria-labelledby="positions-title">
        <h2 id="positions-title">任职情况</h2>
        {person.positions.length === 0 ? (
          <p className={ui.muted}>没有任职记录。</p>
        ) : (
          <ul>
            {person.positions.map((p) => (
              <li key={p.id}>
                <Link href={`/admin/branches/${p.branchId}`}>{p.branchName}</Link> {positionLabels[p.position]}，{p.startsOn} 至 {p.endedOn ? `${p.endedOn}（提前离任）` : p.endsOn}
              </li>
            ))}
          </ul>
        )}
      </section>

      <PersonAttendance attendance={person.attendance} sectionClass={styles.section} />

      {training && <PersonTraining personId={person.id} training={training} sectionClass={styles.section ?? ''} />}

      <section className={styles.section} aria-labelledby="transfers-title">
        <h2 id="transfers-title">组织关系转接记录</h2>
        {person.transfers.length === 0 ? (
          <p className={ui.muted}>没有转接记录。</p>
        ) : (
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${styles.cards}`}>
              <caption className="visually-hidden">组织关系转接记录，最近的在前</caption>
              <thead>
                <tr>
                  <th scope="col">日期</th>
                  <th scope="col">转出组织</th>
                  <th scope="col">转入组织</th>
                  <th scope="col">原因</th>
                  <th scope="col">经办人</th>
                </tr>
              </thead>
              <tbody>
                {person.transfers.map((t) => (
                  <tr key={t.id}>
                    <td data-label="日期">{t.transferredOn}</td>
                    <td data-label="转出组织">{t.fromBranchName}</td>
                    <td data-label="转入组织">{t.toBranchName}</td>
                    <td data-label="原因">{t.reason || '—'}</td>
                    <td data-label="经办人">{t.createdByName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {person.canManage && (
        <section className={styles.section} aria-labelledby="manage-title">
          <h2 id="manage-title">办理</h2>
          <details className={styles.sectionTools}>
            <summary>编辑人员信息</summary>
            <PersonForm
              person={{
                id: person.id,
                version: person.version,
                name: person.name,
                gender: person.gender,
                birthDate: person.birthDate,
                phone: person.phone,
                jobTitle: person.jobTitle,
                status: person.status,
                statusSince: person.statusSince,
                joinedPartyOn: person.joinedPartyOn,
              }}
            />
          </details>
          <details className={styles.sectionTools}>
            <summary>组织关系转接</summary>
            <TransferForm person={{ id: person.id, version: person.version, branchId: person.branch.id }} branches={branches} today={today} />
          </details>
        </section>
      )}
      {person.canLinkAccount && (
        <section className={styles.section} aria-labelledby="account-title">
          <h2 id="account-title">登录账号</h2>
          {person.account ? (
            <>
              <p>
                已关联账号 <Link href={`/admin/users/${person.account.id}`}>{person.account.username}</Link>。
              </p>
              <UnlinkAccountForm person={{ id: person.id, version: person.version }} />
            </>
          ) : (
            <LinkAccountForm person={{ id: person.id, version: person.version }} accounts={accounts} />
          )}
        </section>
      )}
    </>
  );
}
