import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { Field } from '@/components/forms/Field';
import fields from '@/components/forms/forms.module.css';
import type { AuditFilters } from '@/lib/audit/filters';
import { actionGroupOptionLabel, actionOptionLabel, entityTypeOptionLabel } from '@/lib/audit/vocabulary';
import styles from './audit.module.css';

/** The options come from listAuditFacets: the portal's vocabulary, then values only older rows hold. */
type Props = { filters: AuditFilters; entityTypes: string[]; actions: string[] };

/** `user.create`, `user.update` → `user.`: lets a reader pick every action on one kind of record. */
function actionGroups(actions: string[]): string[] {
  const groups = new Set(actions.filter((a) => a.includes('.')).map((a) => `${a.slice(0, a.indexOf('.'))}.`));
  return [...groups].sort();
}

/** The options, plus the current value when a link carried one the trail does not hold (yet). */
const withCurrent = (options: string[], current: string | undefined) => (current && !options.includes(current) ? [current, ...options] : options);

export function AuditFilterForm({ filters, entityTypes, actions }: Props) {
  const groups = actionGroups(actions);
  const known = new Set([...groups, ...actions]);
  return (
    <form method="get" action="/admin/audit" aria-label="筛选审计记录" className={`${ui.toolbar} ${styles.filters}`}>
      <Field name="actor" label="操作人" type="search" defaultValue={filters.actor ?? ''} maxLength={100} placeholder="用户名" />
      <Field name="entityType" label="对象类型">
        <select id="field-entityType" name="entityType" defaultValue={filters.entityType ?? ''}>
          <option value="">全部</option>
          {withCurrent(entityTypes, filters.entityType).map((type) => (
            <option key={type} value={type}>
              {entityTypeOptionLabel(type)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="action" label="操作">
        <select id="field-action" name="action" defaultValue={filters.action ?? ''}>
          <option value="">全部</option>
          {filters.action && !known.has(filters.action) && <option value={filters.action}>{filters.action}</option>}
          {groups.length > 0 && (
            <optgroup label="按类别">
              {groups.map((group) => (
                <option key={group} value={group}>
                  {actionGroupOptionLabel(group)}
                </option>
              ))}
            </optgroup>
          )}
          {actions.length > 0 && (
            <optgroup label="具体操作">
              {actions.map((action) => (
                <option key={action} value={action}>
                  {actionOptionLabel(action)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </Field>
      <Field name="from" label="起始日期" type="date" defaultValue={filters.from ?? ''} />
      <Field name="to" label="截止日期" type="date" defaultValue={filters.to ?? ''} />
      <div className={`${fields.actions} ${ui.actions}`}>
        <button type="submit" className="button">
          筛选
        </button>
        <Link href="/admin/audit">清除</Link>
      </div>
    </form>
  );
}
