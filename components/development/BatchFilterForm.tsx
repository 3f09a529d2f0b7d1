import formStyles from '@/components/forms/forms.module.css';
import ui from '@/components/admin/admin-ui.module.css';
import type { BranchOption } from '@/lib/branches/tree';
import { stageLabels } from '@/lib/development/steps';

const stages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;

/** Who the batch page lists: a node with everything below it, and a stage. A GET form. */
export function BatchFilterForm({ branchId, stage, branches }: { branchId?: number; stage?: string; branches: BranchOption[] }) {
  return (
    <form method="get" role="search" aria-label="筛选要批量处理的人员" className={ui.toolbar}>
      <div className={formStyles.field}>
        <label htmlFor="batch-branch">党组织（含下级）</label>
        <select id="batch-branch" name="branchId" defaultValue={branchId ?? ''}>
          <option value="">全部</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="batch-stage">阶段</label>
        <select id="batch-stage" name="stage" defaultValue={stage ?? ''}>
          <option value="">全部</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {s === 'full_member' ? '正式党员（待审批转正）' : stageLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        列出人员
      </button>
    </form>
  );
}
