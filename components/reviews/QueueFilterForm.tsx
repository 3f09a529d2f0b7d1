import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { Field } from '@/components/forms/Field';
import type { QueueFilters } from '@/lib/reviews/types';
import { activityKindLabels } from '@/lib/records/labels';
import { ACTIVITY_KINDS, type RecordNodeOption } from '@/lib/records/types';
import styles from '@/components/records/records.module.css';

type Props = { filters: QueueFilters; nodes: RecordNodeOption[]; years: number[] };

/** The queue's filters (the record book's, without status), as a GET form: every view has its address. */
export function QueueFilterForm({ filters, nodes, years }: Props) {
  return (
    <form method="get" action="/admin/reviews" aria-label="筛选待审核记录" className={`${ui.toolbar} ${styles.filters}`}>
      <Field name="branch" label="组织（含下级）">
        <select id="field-branch" name="branch" defaultValue={filters.node ?? ''}>
          <option value="">{nodes.length ? '全部' : '无'}</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="kind" label="活动类型">
        <select id="field-kind" name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">全部</option>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {activityKindLabels[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="year" label="年度">
        <select id="field-year" name="year" defaultValue={filters.year ?? ''}>
          <option value="">不限</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </Field>
      <Field name="quarter" label="季度" hint="须先选年度">
        <select id="field-quarter" name="quarter" defaultValue={filters.quarter ?? ''} aria-describedby="field-quarter-hint">
          <option value="">全年</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              第{['一', '二', '三', '四'][q - 1]}季度
            </option>
          ))}
        </select>
      </Field>
      <Field name="month" label="月份" hint="须先选年度">
        <select id="field-month" name="month" defaultValue={filters.month ?? ''} aria-describedby="field-month-hint">
          <option value="">不限</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {m} 月
            </option>
          ))}
        </select>
      </Field>
      <Field name="from" label="活动日期自" type="date" defaultValue={filters.from ?? ''} />
      <Field name="to" label="至" type="date" defaultValue={filters.to ?? ''} />
      <label className={styles.check}>
        <input type="checkbox" name="late" value="1" defaultChecked={!!filters.late} /> 只看补录
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button">
          筛选
        </button>
        <Link href="/admin/reviews">清除</Link>
      </div>
    </form>
  );
}
