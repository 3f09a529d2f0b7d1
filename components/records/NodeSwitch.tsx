import ui from '@/components/admin/admin-ui.module.css';
import { Field } from '@/components/forms/Field';
import type { RecordNodeOption } from '@/lib/records/types';
import styles from './records.module.css';

/** Which node the new record belongs to: a GET form, so the form below loads that node's roster. */
export function NodeSwitch({ nodes, current }: { nodes: RecordNodeOption[]; current: number | null }) {
  if (nodes.length <= 1 && current !== null) return null;
  return (
    <form method="get" action="/admin/records/new" aria-label="选择组织" className={`${ui.toolbar} ${styles.filters}`}>
      <Field name="node" label="所属组织" hint="党小组会请选择相应的党小组。更换组织会重新载入名册。">
        <select id="field-node" name="node" defaultValue={current ?? ''} aria-describedby="field-node-hint">
          {current === null && <option value="">请选择</option>}
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      <div className={ui.actions}>
        <button type="submit" className="button secondary">
          {current === null ? '下一步' : '更换组织'}
        </button>
      </div>
    </form>
  );
}
