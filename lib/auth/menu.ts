import { type Action, can } from './permissions';
import type { SessionUser } from './sessions';

type MenuItem = { href: string; label: string; permission: Action };

// The admin menu lists only what the signed-in role may use.
const ITEMS: MenuItem[] = [
  { href: '/admin', label: '工作台', permission: 'account.changePassword' },
  { href: '/admin/articles', label: '文章管理', permission: 'articles.read' },
  { href: '/admin/columns', label: '栏目管理', permission: 'columns.manage' },
  { href: '/admin/media', label: '媒体库', permission: 'media.manage' },
  { href: '/admin/branches', label: '组织架构', permission: 'branches.read' },
  { href: '/admin/people', label: '党员名册', permission: 'people.read' },
  { href: '/admin/development', label: '发展党员', permission: 'development.read' },
  { href: '/admin/training', label: '培训', permission: 'training.read' },
  { href: '/admin/records', label: '组织生活记录', permission: 'records.read' },
  { href: '/admin/compliance', label: '落实情况', permission: 'compliance.read' },
  { href: '/admin/reviews', label: '审核', permission: 'reviews.read' },
  { href: '/admin/inspections', label: '明察暗访', permission: 'inspections.read' },
  { href: '/admin/lectures', label: '党课菜单', permission: 'lectures.manage' },
  { href: '/admin/lecturers', label: '讲师库', permission: 'lectures.manage' },
  { href: '/admin/seasons', label: '四季送课', permission: 'lectures.manage' },
  { href: '/admin/bookings', label: '送课预约', permission: 'bookings.read' },
  { href: '/admin/hall', label: '大讲堂', permission: 'hall.read' },
  { href: '/admin/rules', label: '规则设置', permission: 'rules.read' },
  { href: '/admin/users', label: '用户管理', permission: 'users.read' },
  { href: '/admin/audit', label: '审计日志', permission: 'audit.read' },
  { href: '/admin/account/password', label: '修改密码', permission: 'account.changePassword' },
];

export function menuFor(user: SessionUser): { href: string; label: string }[] {
  return ITEMS.filter((item) => can(user, item.permission)).map(({ href, label }) => ({ href, label }));
}
