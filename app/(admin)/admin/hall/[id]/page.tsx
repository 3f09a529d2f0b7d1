import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { AttendanceForm } from '@/components/hall/AttendanceForm';
import { HallSessionForm } from '@/components/hall/HallSessionForm';
import { RegistrationForm } from '@/components/hall/RegistrationForm';
import { RegistrationTable } from '@/components/hall/RegistrationTable';
import { ToggleForm } from '@/components/lectures/admin/ToggleForm';
import { Field } from '@/components/forms/Field';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { listScopedBranchOptions } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { formatDateTime } from '@/lib/format';
import { deleteHallSessionAction } from '@/lib/hall/actions';
import { findHallSessionForAdmin, listHallRegistrations, REGISTRATION_LIST_CAP, registrationChoices } from '@/lib/hall/queries';
import { beijingWallClock } from '@/lib/hall/schemas';
import { parseId } from '@/lib/ids';
import { hallSeriesLabels } from '@/lib/lectures/labels';
import { scopeIds } from '@/lib/records/scope';

export const metadata: Metadata = { title: '大讲堂场次' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; node?: string }> };

export default async function HallSessionPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('hall.read', undefined, `/admin/hall/${rawId}`);
  const id = parseId(rawId);
  const [session, query] = await Promise.all([id === null ? null : findHallSessionForAdmin(user, id), searchParams]);
  if (!session) notFound();
  const manage = can(user, 'hall.manage');
  const upcoming = session.startsAt > new Date();
  const registrations = await listHallRegistrations(user, session.id);
  // Registering: the nodes the user may register for, and the chosen one's members.
  const nodes = upcoming && can(user, 'hall.register') ? await listScopedBranchOptions(user, 'hall.register') : [];
  const chosen = parseId(query.node);
  const node = nodes.find((n) => n.id === chosen) ?? (nodes.length === 1 || (nodes.length > 0 && !manage) ? nodes[0] : undefined);
  const choices = node ? await registrationChoices(user, session.id, node.id, todayInBeijing()) : [];
  const { day, time } = beijingWallClock(session.startsAt);
  const full = session.capacity !== null && session.totalRegistered >= session.capacity;
  return (
    <>
      <p>
        <Link href={upcoming ? '/admin/hall' : '/admin/hall?when=past'}>← 返回大讲堂</Link>
      </p>
      <h1 className={ui.title}>{session.theme}</h1>
      {query.created && (
        <p className={ui.panel} role="status">
          场次已创建，已在门户大讲堂页显示。
        </p>
      )}
      <dl>
        <dt>系列与时间</dt>
        <dd>
          {hallSeriesLabels[session.series]} · {formatDateTime(session.startsAt)}
          {upcoming ? '（报名中）' : '（已举行）'}
        </dd>
        <dt>主讲人与地点</dt>
        <dd>
          {session.speaker} · {session.place}
        </dd>
        <dt>报名</dt>
        <dd>
          全场已报名 {session.totalRegistered} 人{session.capacity !== null ? `，容量 ${session.capacity} 人${full ? '（已满）' : ''}` : '，不限人数'}
        </dd>
        <dt>学时</dt>
        <dd>{session.classHours ? `确认出席者各计 ${session.classHours} 学时` : '不计学时'}</dd>
        {session.article && (
          <>
            <dt>活动报道</dt>
            <dd>
              <Link href={`/articles/${session.article.slug}`} prefetch={false}>
                {session.article.title}
              </Link>
            </dd>
          </>
        )}
      </dl>

      {upcoming && nodes.length > 0 && (
        <section className={ui.panel} aria-labelledby="register-title">
          <h2 id="register-title">报名</h2>
          {nodes.length > 1 && (
            <form method="get" action={`/admin/hall/${session.id}`} className={ui.toolbar} aria-label="选择报名组织">
              <Field name="node" label="为哪个组织报名">
                <select id="field-node" name="node" defaultValue={node?.id ?? ''}>
                  {!node && <option value="">请选择</option>}
                  {nodes.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.label}
                    </option>
                  ))}
                </select>
              </Field>
              <div className={ui.actions}>
                <button type="submit" className="button secondary">
                  载入名单
                </button>
              </div>
            </form>
          )}
          {node &&
            (choices.length === 0 ? (
              <p>该组织的名册中还没有党员。</p>
            ) : (
              <RegistrationForm key={node.id} sessionId={session.id} nodeId={node.id} nodeName={node.label.trim()} choices={choices} />
            ))}
        </section>
      )}

      {!upcoming && manage && registrations.length > 0 && (
        <section className={ui.panel} aria-labelledby="attendance-title">
          <h2 id="attendance-title">确认出席</h2>
          <p className={ui.muted}>按签到情况勾选实际出席人员；确认后出席人员计入学习学时，未勾选的记为缺席。可再次修改。</p>
          <AttendanceForm sessionId={session.id} version={session.version} registrations={registrations} />
        </section>
      )}

      <section aria-labelledby="registrations-title">
        <h2 id="registrations-title">{scopeIds(user, 'hall.read') === null ? '报名名单' : '本单位报名名单'}</h2>
        {registrations.length === 0 ? (
          <p className={ui.panel}>还没有人报名。</p>
        ) : (
          <>
            {registrations.length >= REGISTRATION_LIST_CAP && <p>名单较长，仅显示前 {REGISTRATION_LIST_CAP} 人。</p>}
            <RegistrationTable registrations={registrations} past={!upcoming} />
          </>
        )}
      </section>

      {manage && (
        <section className={ui.panel} aria-labelledby="edit-title">
          <h2 id="edit-title">编辑场次</h2>
          <HallSessionForm
            session={{
              id: session.id,
              version: session.version,
              series: session.series,
              day,
              time,
              theme: session.theme,
              speaker: session.speaker,
              place: session.place,
              capacity: session.capacity,
              classHours: session.classHours,
              articleId: session.articleId,
            }}
          />
          {session.totalRegistered === 0 && (
            <p>
              <ToggleForm action={deleteHallSessionAction} fields={{ id: session.id, version: session.version }} label="删除场次" ariaLabel={`删除场次：${session.theme}`} />
            </p>
          )}
        </section>
      )}
    </>
  );
}
