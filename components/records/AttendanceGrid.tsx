import { Field } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { attendanceField, attendanceLabel, noteField, reasonField } from '@/lib/records/attendance';
import { absenceReasonLabels } from '@/lib/records/labels';
import { ABSENCE_REASONS, type RecordDetail, type RosterPerson } from '@/lib/records/types';
import { Errors, errorId } from './FieldErrors';
import styles from './record-form.module.css';

export type Mark = 'present' | 'absent' | 'none';

type Props = {
  rows: RosterPerson[];
  marks: Record<number, Mark>;
  onMark: (personId: number, mark: Mark) => void;
  /** What the record held before this edit: the reasons and notes to start from. */
  recorded: Map<number, RecordDetail['attendees'][number]>;
  errors: Record<string, string[] | undefined>;
};

/** The node's members, each present, absent (with a reason) or not expected; the rate as it is filled in. */
export function AttendanceGrid({ rows, marks, onMark, recorded, errors }: Props) {
  const present = Object.values(marks).filter((m) => m === 'present').length;
  const expected = Object.values(marks).filter((m) => m !== 'none').length;
  return (
    <fieldset className={styles.grid} aria-describedby={errors.attendance ? errorId('attendance') : 'attendance-rate'}>
      <legend>出勤登记</legend>
      <p id="attendance-rate" className={styles.rate} aria-live="polite">
        出勤率 {attendanceLabel(present, expected)}　应到 {expected} 人，实到 {present} 人
      </p>
      <p className={formStyles.hint}>“不参加”的人员不计入应到人数（如支委会只需登记支委）。缺席须选择原因，原因为“其他”时须填写说明。</p>
      <Errors name="attendance" errors={errors.attendance} />
      {rows.length === 0 && <p>该组织的名册中还没有党员，请先在党员名册中登记。</p>}
      <ul className={styles.people}>
        {rows.map((p) => {
          const mark = marks[p.id] ?? 'none';
          const current = recorded.get(p.id);
          const rowErrors = [...(errors[attendanceField(p.id)] ?? [])];
          return (
            <li key={p.id} className={styles.person}>
              <fieldset className={styles.personSet}>
                <legend className={styles.personName}>
                  {p.name}
                  {p.committee ? <span className={styles.muted}>（{p.committee}）</span> : null}
                </legend>
                <div className={styles.marks}>
                  {(['present', 'absent', 'none'] as const).map((m) => (
                    <label key={m} className={styles.mark}>
                      <input type="radio" name={attendanceField(p.id)} value={m} checked={mark === m} onChange={() => onMark(p.id, m)} />
                      {m === 'present' ? '出席' : m === 'absent' ? '缺席' : '不参加'}
                    </label>
                  ))}
                </div>
                {mark === 'absent' && (
                  <div className={styles.absence}>
                    <Field name={reasonField(p.id)} label={`${p.name}的缺席原因`} errors={errors[reasonField(p.id)]}>
                      <select
                        id={`field-${reasonField(p.id)}`}
                        name={reasonField(p.id)}
                        defaultValue={current?.absenceReason ?? ''}
                        aria-invalid={errors[reasonField(p.id)] ? true : undefined}
                        aria-describedby={errors[reasonField(p.id)] ? errorId(reasonField(p.id)) : undefined}
                      >
                        <option value="">请选择</option>
                        {ABSENCE_REASONS.map((r) => (
                          <option key={r} value={r}>
                            {absenceReasonLabels[r]}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <Field name={noteField(p.id)} label={`${p.name}的缺席说明`} maxLength={200} defaultValue={current?.absenceNote ?? ''} errors={errors[noteField(p.id)]} />
                  </div>
                )}
                {rowErrors.length > 0 && <Errors name={attendanceField(p.id)} errors={rowErrors} />}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
