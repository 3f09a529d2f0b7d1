import formStyles from '@/components/forms/forms.module.css';
import ui from '@/components/admin/admin-ui.module.css';
import type { BranchOption } from '@/lib/branches/tree';
import { memberStatusLabels, memberStatusOrder } from '@/lib/people/labels';
import type { PeopleFilters } from '@/lib/people/schemas';

/** The roster's filters, sent as a GET form so every filtered page has its own address. */
export function PeopleFilterForm({ filters, branches }: { filters: PeopleFilters; branches: BranchOption[] }) {
  return (
    <form method="get" role="search" aria-label="筛选名册" className={ui.toolbar}>
      <div className={formStyles.field}>
        <label htmlFor="people-branch">所在组织（含下级）</label>
        <select id="people-branch" name="branchId" defaultValue={filters.branchId ?? ''}>
          <option value="">全部</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="people-status">政治面貌</label>
        <select id="people-status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">全部</option>
          {memberStatusOrder.map((s) => (
            <option key={s} value={s}>
              {memberStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="people-q">姓名</label>
        <input id="people-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={30} />
      </div>
      <button type="submit" className="button">
        筛选
      </button>
    </form>
  );
}
