import formStyles from '@/components/forms/forms.module.css';
import type { RecordDetail } from '@/lib/records/types';
import { Errors } from './FieldErrors';
import styles from './record-form.module.css';

/** The record's attachments (each can be ticked for removal) and the upload of new ones, sent with the form. */
export function RecordAttachments({ attachments, errors }: { attachments: RecordDetail['attachments']; errors?: string[] }) {
  return (
    <div className={formStyles.field}>
      <span className={styles.label} id="attachments-label">
        附件
      </span>
      {attachments.length > 0 && (
        <ul className={styles.attachments} aria-labelledby="attachments-label">
          {attachments.map((a) => (
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
        aria-describedby={errors ? 'field-newAttachment-hint field-newAttachment-error' : 'field-newAttachment-hint'}
        aria-invalid={errors ? true : undefined}
      />
      <p id="field-newAttachment-hint" className={formStyles.hint}>
        签到表、会议材料等：PDF、Word（.docx）或 Excel（.xlsx），按文件内容识别。保存时上传，一次最多 5 个。
      </p>
      <Errors name="newAttachment" errors={errors} />
    </div>
  );
}
