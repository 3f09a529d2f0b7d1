import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { Field } from '@/components/forms/Field';
import styles from '@/components/records/records.module.css';
import type { InspectionFilters } from '@/lib/inspections/types';
import type { RecordNodeOption } from '@/lib/records/types';

/** The inspection filters (node and period), as a GET form so each view has its own address. */
export function InspectionFilterForm({ filters, nodes, path, label }: { filters: InspectionFilters; nodes: RecordNodeOption[]; path: string; label: string }) {
  return (
    <form method="get" action={path} aria-label={label} className={`${ui.toolbar} ${styles.filters}`}>
      <Field name="node" label="单位或组织（含下级）">
        <select id="field-node" name="node" defaultValue={filters.node ?? ''}>
          <option value="">全部</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      {filters.unit && <input type="hidden" name="unit" value={filters.unit} />}
      {filters.measure && <input type="hidden" name="measure" value={filters.measure} />}
      <Field name="from" label="日期自" type="date" defaultValue={filters.from} />
      <Field name="to" label="至" type="date" defaultValue={filters.to} />
      <div className={ui.actions}>
        <button type="submit" className="button">
          筛选
        </button>
        <Link href={path}>清除</Link>
      </div>
    </form>
  );
}
