import { Field } from '@/components/forms/Field';
import { granularities, granularityLabels } from '@/lib/compliance/filters';
import type { ComplianceFilters } from '@/lib/compliance/types';
import styles from './compliance.module.css';

type Props = { filters: ComplianceFilters; rootId: number; nodes: { id: number; label: string }[]; years: number[] };

/** Node, year, view and "gaps only": a GET form, so every view has its own address. */
export function ComplianceFilterForm({ filters, rootId, nodes, years }: Props) {
  return (
    <form method="get" action="/admin/compliance" aria-label="筛选落实情况" className={styles.filters}>
      <Field name="branch" label="组织（含下级）">
        <select id="field-branch" name="branch" defaultValue={String(rootId)}>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="year" label="年度">
        <select id="field-year" name="year" defaultValue={String(filters.year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </Field>
      <Field name="view" label="查看方式">
        <select id="field-view" name="view" defaultValue={filters.granularity}>
          {granularities.map((g) => (
            <option key={g} value={g}>
              {granularityLabels[g]}
            </option>
          ))}
        </select>
      </Field>
      <label className={styles.check}>
        <input type="checkbox" name="gaps" value="1" defaultChecked={filters.gapsOnly} />
        只看未达标的组织
      </label>
      <div className={styles.check}>
        <button type="submit" className="button">
          筛选
        </button>
      </div>
    </form>
  );
}
