'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import ui from '@/components/admin/admin-ui.module.css';
import { initialActionState } from '@/lib/actions/state';
import { importAttendanceAction, previewImportAction } from '@/lib/training/actions';
import { type MatchReport, rowStatusLabels } from '@/lib/training/import-match';
import styles from './training.module.css';

/** Step 1: upload a sheet and see every row matched or not; step 2: confirm, all rows or none. */
export function ImportForm({ sessionId }: { sessionId: number }) {
  const [preview, runPreview, previewing] = useActionState(previewImportAction, initialActionState);
  const [result, runImport, importing] = useActionState(importAttendanceAction, initialActionState);
  const report = preview.ok && preview.data?.preview ? (JSON.parse(preview.data.preview) as MatchReport) : null;
  const errors = preview.fieldErrors ?? {};
  return (
    <div className={forms.form}>
      <form action={runPreview} className={forms.form} aria-label="上传签到表">
        <input type="hidden" name="sessionId" value={sessionId} />
        <Field name="sheet" label="签到表（XLSX 或 CSV）" type="file" accept=".xlsx,.csv" errors={errors.sheet} hint="第一行为表头：“姓名”和“单位”两列，或“编号”列（名册中的人员编号）。" />
        <FormFooter ok={preview.ok} message={preview.message} pending={previewing} label="预览" pendingLabel="正在读取…" />
      </form>
      {report && (
        <section aria-labelledby="import-preview-title">
          <h3 id="import-preview-title">预览：{report.rows.length} 行，匹配 {report.matched} 行，无法导入 {report.problems} 行</h3>
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${ui.cards}`}>
              <caption className="visually-hidden">签到表各行的匹配结果</caption>
              <thead>
                <tr>
                  <th scope="col">行</th>
                  <th scope="col">姓名</th>
                  <th scope="col">单位</th>
                  <th scope="col">编号</th>
                  <th scope="col">结果</th>
                  <th scope="col">匹配到的学员所在组织</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.line} className={r.status === 'matched' ? undefined : styles.problem}>
                    <td data-label="行">{r.line}</td>
                    <td data-label="姓名">{r.name || '—'}</td>
                    <td data-label="单位">{r.unit || '—'}</td>
                    <td data-label="编号">{r.personId ?? '—'}</td>
                    <td data-label="结果">
                      {rowStatusLabels[r.status]}
                      {r.status === 'ambiguous' ? `（${r.candidates} 人）` : ''}
                      {r.alreadyPresent ? '（已登记出席）' : ''}
                    </td>
                    <td data-label="所在组织">{r.branchName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.problems === 0 ? (
            <form action={runImport} className={forms.form} aria-label="确认导入">
              <input type="hidden" name="sessionId" value={sessionId} />
              <input type="hidden" name="rows" value={preview.data!.rows} />
              <FormFooter ok={result.ok} message={result.fieldErrors?.rows?.join(' ') ?? result.message} pending={importing} label={`确认导入 ${report.matched} 人`} pendingLabel="正在导入…" />
            </form>
          ) : (
            <p className={forms.formError}>有无法匹配的行时不能导入：请修改签到表（核对姓名、单位，或先为未报名的人员报名）后重新上传。</p>
          )}
        </section>
      )}
    </div>
  );
}
