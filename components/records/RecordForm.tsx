'use client';

import type { Editor } from '@tiptap/react';
import { useRef, useState, useTransition } from 'react';
import { RichTextEditor } from '@/components/articles/RichTextEditor';
import { Field, FormMessage } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { type ActionState, initialActionState } from '@/lib/actions/state';
import type { RichTextNode } from '@/lib/articles/types';
import { correctRecordAction, saveRecordDraftAction, submitRecordAction } from '@/lib/records/actions';
import { activityKindLabels } from '@/lib/records/labels';
import { ACTIVITY_KINDS, type ActivityKind, type RecordDetail, type RecordPhoto, type RosterPerson } from '@/lib/records/types';
import { AttendanceGrid, type Mark } from './AttendanceGrid';
import { Errors, errorId } from './FieldErrors';
import { RecordAttachments } from './RecordAttachments';
import { RecordPhotos } from './RecordPhotos';
import styles from './record-form.module.css';

type Props = {
  /** create: a new record; edit: a draft; correct: a submitted record, changed only with a reason. */
  mode: 'create' | 'edit' | 'correct';
  node: { id: number; name: string; kind: string };
  roster: RosterPerson[];
  record: RecordDetail | null;
  today: string;
  emptyMinutes: RichTextNode;
};

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
  const initialMarks = () => {
    const byPerson = new Map(record?.attendees.map((a) => [a.personId, a]) ?? []);
    return Object.fromEntries(roster.map((p) => [p.id, record ? (byPerson.get(p.id)?.attendance ?? 'none') : 'present'])) as Record<number, Mark>;
  };
  const [marks, setMarks] = useState<Record<number, Mark>>(initialMarks);
  const errors = state.fieldErrors ?? {};
  const conflict = state.data?.conflict === 'version';
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
      {kind === 'party_lecture' &&
        (record?.speakerLecturer ? (
          <p className={formStyles.field}>
            <input type="hidden" name="speakerLecturerId" value={record.speakerLecturer.id} />
            授课人：{record.speakerLecturer.name}（送课讲师，由送课预约确定）
          </p>
        ) : (
          select('speakerPersonId', '授课人', record?.speaker?.id, '党课的授课人，书记每年至少讲一次党课。')
        ))}

      <AttendanceGrid rows={rows} marks={marks} onMark={(id, m) => setMarks({ ...marks, [id]: m })} recorded={attendanceOf} errors={errors} />

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

      <RecordPhotos photos={photos} onChange={setPhotos} errors={errors.photoIds} />

      <RecordAttachments attachments={record?.attachments ?? []} errors={errors.newAttachment} />

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
    </form>
  );
}
