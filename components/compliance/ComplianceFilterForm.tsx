import { Field } from '@/components/forms/Field';
import { granularities, granularityLabels } from '@/lib/compliance/filters';
import { ruleLabel } from '@/lib/compliance/labels';
import type { ComplianceFilters, RuleKey } from '@/lib/compliance/types';
import styles from './compliance.module.css';

type Props = { filters: ComplianceFilters; rootId: number; nodes: { id: number; label: string }[]; years: number[]; keys: RuleKey[] };

/** Node, year, view and which gaps to list: a GET form, so every view has its own address. */
export function ComplianceFilterForm({ filters, rootId, nodes, years, keys }: Props) {
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
      <Field name="gaps" label="显示">
        <select id="field-gaps" name="gaps" defaultValue={filters.gapsOnly ? (filters.rule ?? '1') : ''}>
          <option value="">全部组织</option>
          <option value="1">有未达标项的组织</option>
          {keys.map((k) => (
            <option key={k} value={k}>
              未达标：{ruleLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <div className={styles.check}>
        <button type="submit" className="button">
          筛选
        </button>
      </div>
    </form>
  );
}
