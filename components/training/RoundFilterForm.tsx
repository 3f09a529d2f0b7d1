import formStyles from '@/components/forms/forms.module.css';
import ui from '@/components/admin/admin-ui.module.css';
import { trainingAudienceLabels, trainingAudiences, trainingKindLabels, trainingKinds } from '@/lib/training/labels';
import type { RoundFilters } from '@/lib/training/schemas';

/** The rounds list's filters, as a GET form so every filtered list has its own address. */
export function RoundFilterForm({ filters, years }: { filters: RoundFilters; years: number[] }) {
  return (
    <form method="get" role="search" aria-label="筛选培训班" className={ui.toolbar}>
      <div className={formStyles.field}>
        <label htmlFor="round-year">年度</label>
        <select id="round-year" name="year" defaultValue={filters.year ?? ''}>
          <option value="">全部</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="round-kind">培训类型</label>
        <select id="round-kind" name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">全部</option>
          {trainingKinds.map((k) => (
            <option key={k} value={k}>
              {trainingKindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label htmlFor="round-audience">培训对象</label>
        <select id="round-audience" name="audience" defaultValue={filters.audience ?? ''}>
          <option value="">全部</option>
          {trainingAudiences.map((a) => (
            <option key={a} value={a}>
              {trainingAudienceLabels[a]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        筛选
      </button>
    </form>
  );
}
