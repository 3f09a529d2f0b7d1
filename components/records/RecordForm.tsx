'use client';

import type { Editor } from '@tiptap/react';
import { useRef, useState, useTransition } from 'react';
import { RichTextEditor } from '@/components/articles/RichTextEditor';
import { Field, FormMessage } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { type ActionState, initialActionState } from '@/lib/actions/state';
import type { RichTextNode } from '@/lib/articles/types';
import { correctRecordAction, saveRecordDraftAction, submitRecordAction } from '@/lib/records/actions';
import { attendanceField, attendanceLabel, noteField, reasonField } from '@/lib/records/attendance';
import { absenceReasonLabels, activityKindLabels } from '@/lib/records/labels';
import { ABSENCE_REASONS, ACTIVITY_KINDS, type ActivityKind, type RecordDetail, type RecordPhoto, type RosterPerson } from '@/lib/records/types';
import { PhotoPicker } from './PhotoPicker';
import styles from './record-form.module.css';

type Mark = 'present' | 'absent' | 'none';

type Props = {
  /** create: a new record; edit: a draft; correct: a submitted record, changed only with a reason. */
  mode: 'create' | 'edit' | 'correct';
  node: { id: number; name: string; kind: string };
  roster: RosterPerson[];
  record: RecordDetail | null;
  today: string;
  emptyMinutes: RichTextNode;
};

const errorId = (name: string) => `field-${name}-error`;

function Errors({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={errorId(name)} className={formStyles.error}>
      {errors.join(' ')}
    </p>
  );
}

/**
 * The record form: fields, the attendance grid of the node's members with the rate computed as
 * it is filled in, minutes, photos and attachments. A refused save keeps everything typed: the
 * form is sent by hand, never reset.
 */
export function RecordForm({ mode, node, roster, record, today, emptyMinutes }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const [state, setState] = useState<ActionState>(initialActionState);
  const [pending, startTransition] = useTransition();
  // A party group's usual record is its 党小组会; a branch's, its monthly 支部委员会.
  const [kind, setKind] = useState<ActivityKind>(record?.kind ?? (node.kind === 'party_group' ? 'group_meeting' : 'committee_meeting'));
  const [studied, setStudied] = useState(record?.firstAgendaStudied ?? true);
  const [photos, setPhotos] = useState<RecordPhoto[]>(record?.photos ?? []);
  const [picking, setPicking] = useState(false);
  const initialMarks = () => {
    const byPerson = new Map(record?.attendees.map((a) => [a.personId, a]) ?? []);
    return Object.fromEntries(roster.map((p) => [p.id, record ? (byPerson.get(p.id)?.attendance ?? 'none') : 'present'])) as Record<number, Mark>;
  };
  const [marks, setMarks] = useState<Record<number, Mark>>(initialMarks);
  const errors = state.fieldErrors ?? {};
  const conflict = state.data?.conflict === 'version';
  const present = Object.values(marks).filter((m) => m === 'present').length;
  const expected = Object.values(marks).filter((m) => m !== 'none').length;
  const attendanceOf = new Map(record?.attendees.map((a) => [a.personId, a]) ?? []);
  // People on the record who have left the node since stay on its grid.
  const rows: RosterPerson[] = [...roster, ...(record?.attendees ?? []).filter((a) => !roster.some((p) => p.id === a.personId)).map((a) => ({ id: a.personId, name: a.name, status: '', committee: '已调出' }))];

  const collect = () => {
    const data = new FormData(formRef.current!);
    const files = data.getAll('newAttachment').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    data.delete('newAttachment');
    files.forEach((file, i) => data.set(`newAttachment_${i}`, file));
    data.set('minutesJson', JSON.stringify(editorRef.current?.getJSON() ?? emptyMinutes));
    data.set('photoIds', photos.map((p) => p.mediaId).join(','));
    return data;
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'draft';
    const action = mode === 'correct' ? correctRecordAction : intent === 'submit' ? submitRecordAction : saveRecordDraftAction;
    const data = collect();
    startTransition(async () => {
      const result = await action(initialActionState, data);
      setState(result);
    });
  };

  const select = (name: string, label: string, value: number | null | undefined, hint?: string) => (
    <Field name={name} label={label} errors={errors[name]} hint={hint}>
      <select id={`field-${name}`} name={name} defaultValue={value ?? ''} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? errorId(name) : undefined}>
        <option value="">请选择</option>
        {roster.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.committee ? `（${p.committee}）` : ''}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} className={`${formStyles.form} ${styles.form}`} noValidate aria-describedby="record-form-message">
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={record.version} />}
      <input type="hidden" name="branchId" value={node.id} />

      <p>
        所属组织：<strong>{node.name}</strong>
      </p>
      <Errors name="branchId" errors={errors.branchId} />

      <div className={styles.row}>
        <Field name="kind" label="活动类型" errors={errors.kind}>
          <select id="field-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? errorId('kind') : undefined}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {activityKindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="heldOn" label="活动日期" type="date" required max={today} defaultValue={record?.heldOn ?? today} errors={errors.heldOn} />
      </div>
      <div className={styles.row}>
        <Field name="startTime" label="开始时间" type="time" defaultValue={record?.startTime ?? ''} errors={errors.startTime} />
        <Field name="endTime" label="结束时间" type="time" defaultValue={record?.endTime ?? ''} errors={errors.endTime} />
      </div>
      <Field name="place" label="地点" maxLength={100} defaultValue={record?.place ?? ''} errors={errors.place} />
      <Field name="topic" label="主题" maxLength={200} defaultValue={record?.topic ?? ''} errors={errors.topic} />
      <label className={styles.check}>
        <input type="checkbox" name="firstAgendaStudied" checked={studied} onChange={(e) => setStudied(e.target.checked)} /> 会议以“第一议题”学习开始
      </label>
      {studied && (
        <Field
          name="firstAgendaTopic"
          label="第一议题学习内容"
          maxLength={200}
          defaultValue={record?.firstAgendaTopic ?? ''}
          errors={errors.firstAgendaTopic}
          hint="例如：学习习近平总书记最新重要讲话精神"
        />
      )}
      <div className={styles.row}>
        {select('hostPersonId', '主持人', record?.host?.id)}
        {select('recorderPersonId', '记录人', record?.recorder?.id)}
      </div>
      {kind === 'party_lecture' && select('speakerPersonId', '授课人', record?.speaker?.id, '党课的授课人，书记每年至少讲一次党课。')}

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
            const current = attendanceOf.get(p.id);
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
                        <input type="radio" name={attendanceField(p.id)} value={m} checked={mark === m} onChange={() => setMarks({ ...marks, [p.id]: m })} />
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

      <div className={formStyles.field}>
        <span id="minutes-label" className={styles.label}>
          会议记录
        </span>
        <RichTextEditor
          initial={record?.minutes ?? emptyMinutes}
          labelId="minutes-label"
          invalid={!!errors.minutesJson}
          describedBy={errors.minutesJson ? errorId('minutesJson') : undefined}
          onChange={() => {}}
          onReady={(editor) => {
            editorRef.current = editor;
          }}
        />
        <Errors name="minutesJson" errors={errors.minutesJson} />
      </div>

      <div className={formStyles.field} role="group" aria-labelledby="photos-label">
        <span id="photos-label" className={styles.label}>
          活动照片
        </span>
        {photos.length === 0 ? (
          <p className={styles.muted}>未选择照片。</p>
        ) : (
          <ul className={styles.photos}>
            {photos.map((p) => (
              <li key={p.mediaId}>
                {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail */}
                <img src={p.thumbUrl} alt={p.alt} />
                <button type="button" className="button secondary" onClick={() => setPhotos(photos.filter((x) => x.mediaId !== p.mediaId))}>
                  移除<span className="visually-hidden">照片：{p.alt}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p>
          <button type="button" className="button secondary" onClick={() => setPicking(true)}>
            选择照片
          </button>
        </p>
        <Errors name="photoIds" errors={errors.photoIds} />
      </div>

      <div className={formStyles.field}>
        <span className={styles.label} id="attachments-label">
          附件
        </span>
        {record && record.attachments.length > 0 && (
          <ul className={styles.attachments} aria-labelledby="attachments-label">
            {record.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.name}</a>{' '}
                <label className={styles.check}>
                  <input type="checkbox" name={`removeAttachment_${a.id}`} /> 删除此附件
                </label>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor="field-newAttachment">上传附件（可多选）</label>
        <input
          id="field-newAttachment"
          name="newAttachment"
          type="file"
          multiple
          accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={errors.newAttachment ? 'field-newAttachment-hint field-newAttachment-error' : 'field-newAttachment-hint'}
          aria-invalid={errors.newAttachment ? true : undefined}
        />
        <p id="field-newAttachment-hint" className={formStyles.hint}>
          签到表、会议材料等：PDF、Word（.docx）或 Excel（.xlsx），按文件内容识别。保存时上传，一次最多 5 个。
        </p>
        <Errors name="newAttachment" errors={errors.newAttachment} />
      </div>

      {mode === 'correct' && (
        <Field name="reason" label="更正原因（必填）" errors={errors.reason} hint="说明为什么更正，例如：补登一名请假党员的缺席原因。原因与旧版本一并保留。">
          <textarea
            id="field-reason"
            name="reason"
            rows={3}
            maxLength={500}
            required
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `field-reason-hint ${errorId('reason')}` : 'field-reason-hint'}
          />
        </Field>
      )}

      {conflict && record && (
        <p className={styles.conflict} role="alert">
          {state.message}{' '}
          <a href={`/admin/records/${record.id}`} target="_blank" rel="noopener">
            在新窗口查看当前内容
          </a>
        </p>
      )}
      <div id="record-form-message">
        {!conflict && <FormMessage ok={state.ok} message={errors.form?.join(' ') ?? state.message} />}
      </div>
      <div className={formStyles.actions}>
        {mode === 'correct' ? (
          <button type="submit" name="intent" value="correct" className="button" disabled={pending}>
            {pending ? '正在保存…' : '保存更正'}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="draft" className="button secondary" disabled={pending}>
              {pending ? '正在保存…' : '保存草稿'}
            </button>
            <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
              提交
            </button>
          </>
        )}
      </div>
      <PhotoPicker open={picking} onClose={() => setPicking(false)} onSelect={(p) => setPhotos(photos.some((x) => x.mediaId === p.mediaId) ? photos : [...photos, p])} />
    </form>
  );
}
