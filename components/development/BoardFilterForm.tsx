import formStyles from '@/components/forms/forms.module.css';
import ui from '@/components/admin/admin-ui.module.css';
import type { BranchOption } from '@/lib/branches/tree';
import { stageLabels } from '@/lib/development/steps';
import type { BoardFilters } from '@/lib/development/types';

const boardStages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;

/** The board's filters, a GET form so every filtered board has its own address. */
export function BoardFilterForm({ filters, branches }: { filters: BoardFilters; branches: BranchOption[] }) {
  return (
    <form method="get" role="search" aria-label="筛选发展党员档案" className={ui.toolbar}>
      <div className={formStyles.field}>
        <label htmlFor="development-branch">党组织（含下级）</label>
        <select id="development-branch" name="branchId" defaultValue={filters.branchId ?? ''}>
          <option value="">全部</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="development-stage">阶段</label>
        <select id="development-stage" name="stage" defaultValue={filters.stage ?? ''}>
          <option value="">全部</option>
          {boardStages.map((s) => (
            <option key={s} value={s}>
              {s === 'full_member' ? '正式党员（待审批转正）' : stageLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label>
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} /> 只看已逾期
        </label>
      </div>
      <button type="submit" className="button">
        筛选
      </button>
    </form>
  );
}
