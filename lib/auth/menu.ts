import { type Action, can } from './permissions';
import type { SessionUser } from './sessions';

type MenuItem = { href: string; label: string; permission: Action };

// The admin menu lists only what the signed-in role may use.
const ITEMS: MenuItem[] = [
  { href: '/admin', label: '工作台', permission: 'account.changePassword' },
  { href: '/admin/articles', label: '文章管理', permission: 'articles.read' },
  { href: '/admin/columns', label: '栏目管理', permission: 'columns.manage' },
  { href: '/admin/media', label: '媒体库', permission: 'media.manage' },
  { href: '/admin/users', label: '用户管理', permission: 'users.read' },
  { href: '/admin/audit', label: '审计日志', permission: 'audit.read' },
  { href: '/admin/account/password', label: '修改密码', permission: 'account.changePassword' },
];

export function menuFor(user: SessionUser): { href: string; label: string }[] {
  return ITEMS.filter((item) => can(user, item.permission)).map(({ href, label }) => ({ href, label }));
}
