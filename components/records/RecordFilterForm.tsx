import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { Field } from '@/components/forms/Field';
import type { RecordFilters } from '@/lib/records/filters';
import { activityKindLabels, activityStatusLabels } from '@/lib/records/labels';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, type RecordNodeOption } from '@/lib/records/types';
import styles from './records.module.css';

type Props = {
  filters: RecordFilters;
  nodes: RecordNodeOption[];
  years: number[];
  /** The list the form filters (the record book, or the review queue, which has no status filter). */
  list?: { path: string; label: string; withStatus: boolean };
};

const RECORD_BOOK = { path: '/admin/records', label: '筛选活动记录', withStatus: true };

/** The record book's filters, sent as a GET form so every filtered view has its own address. */
export function RecordFilterForm({ filters, nodes, years, list = RECORD_BOOK }: Props) {
  return (
    <form method="get" action={list.path} aria-label={list.label} className={`${ui.toolbar} ${styles.filters}`}>
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
      {list.withStatus && (
        <Field name="status" label="状态">
          <select id="field-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">全部</option>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {activityStatusLabels[s]}
              </option>
            ))}
          </select>
        </Field>
      )}
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
      <div className={ui.actions}>
        <button type="submit" className="button">
          筛选
        </button>
        <Link href={list.path}>清除</Link>
      </div>
    </form>
  );
}
