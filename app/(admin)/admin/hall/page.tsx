import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { HallSessionTable } from '@/components/hall/HallSessionTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { listHallSessionsForAdmin } from '@/lib/hall/queries';
import { scopeIds } from '@/lib/records/scope';

export const metadata: Metadata = { title: '大讲堂' };

type Props = { searchParams: Promise<{ when?: string; cursor?: string | string[]; deleted?: string }> };

export default async function HallPage({ searchParams }: Props) {
  const user = await requirePermission('hall.read', undefined, '/admin/hall');
  const params = await searchParams;
  const when = params.when === 'past' ? 'past' : 'upcoming';
  const page = await listHallSessionsForAdmin(user, { when, cursor: params.cursor });
  const scoped = scopeIds(user, 'hall.read') !== null;
  const href = (cursor?: string) => `/admin/hall?${new URLSearchParams({ ...(when === 'past' ? { when } : {}), ...(cursor ? { cursor } : {}) })}`;
  return (
    <>
      <h1 className={ui.title}>大讲堂</h1>
      <p className={ui.muted}>
        机关大讲堂（每月）与周一大讲堂：各单位在活动开始前为本单位党员报名；活动结束后由工委确认出席，出席人员计入学习学时。
        {scoped ? '您看到的报名人数为本单位（含下级组织）的人数。' : ''}
      </p>
      {params.deleted && (
        <p className={ui.panel} role="status">
          场次已删除。
        </p>
      )}
      <div className={ui.toolbar}>
        {can(user, 'hall.manage') && (
          <Link href="/admin/hall/new" className="button">
            新增场次
          </Link>
        )}
        <Link href="/lectures/hall" prefetch={false}>
          查看门户大讲堂页
        </Link>
      </div>
      <nav aria-label="场次范围" className={ui.toolbar}>
        {when === 'upcoming' ? <strong aria-current="page">即将举行</strong> : <Link href="/admin/hall">即将举行</Link>}
        {when === 'past' ? <strong aria-current="page">已举行</strong> : <Link href="/admin/hall?when=past">已举行</Link>}
      </nav>
      {page.items.length === 0 ? (
        <p className={ui.panel}>{when === 'upcoming' ? '暂无即将举行的场次。' : '还没有已举行的场次。'}</p>
      ) : (
        <HallSessionTable sessions={page.items} caption={when === 'upcoming' ? '即将举行的场次' : '已举行的场次'} scoped={scoped} />
      )}
      <KeysetPager page={page} href={href} />
    </>
  );
}
