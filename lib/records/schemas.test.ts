import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { todayInBeijing } from '@/lib/calendar/days';
import { correctRecordSchema, saveDraftSchema, submitRecordSchema } from './schemas';

const minutes = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '会议按议程进行。' }] }] });

const complete = {
  branchId: '5',
  kind: 'committee_meeting',
  heldOn: '2026-11-08',
  startTime: '15:00',
  endTime: '16:30',
  place: '机关三楼党员活动室',
  topic: '研究月度支部工作安排',
  firstAgendaStudied: 'on',
  firstAgendaTopic: '学习最新重要讲话精神',
  hostPersonId: '11',
  recorderPersonId: '12',
  minutesJson: minutes,
  attendance_11: 'present',
  attendance_12: 'present',
  attendance_13: 'absent',
  absenceReason_13: 'official_duty',
  photoIds: '4,7',
};

const errorsOf = (schema: z.ZodType, values: Record<string, unknown>): Record<string, string[] | undefined> => {
  const parsed = schema.safeParse(values);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('the record form', () => {
  it('reads a complete submission', () => {
    const input = submitRecordSchema.parse(complete);
    expect(input).toMatchObject({ id: null, branchId: 5, kind: 'committee_meeting', startTime: '15:00', hostPersonId: 11, speakerPersonId: null, photoMediaIds: [4, 7], reason: null });
    expect(input.attendees).toHaveLength(3);
    expect(JSON.parse(input.minutes)).toMatchObject({ type: 'doc' });
  });

  it('lets a draft be incomplete', () => {
    expect(saveDraftSchema.safeParse({ branchId: '5', kind: 'other', heldOn: '2026-11-08' }).success).toBe(true);
  });

  it('names everything a submission still lacks, beside each field', () => {
    const errors = errorsOf(submitRecordSchema, { branchId: '5', kind: 'party_lecture', heldOn: '2026-11-08', firstAgendaStudied: 'on' });
    expect(Object.keys(errors).sort()).toEqual(['attendance', 'firstAgendaTopic', 'hostPersonId', 'minutesJson', 'place', 'recorderPersonId', 'speakerPersonId', 'topic']);
  });

  it('refuses a held-on day in the future or not on the calendar', () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(errorsOf(saveDraftSchema, { ...complete, heldOn: tomorrow }).heldOn?.[0]).toContain(`不能晚于今天（${todayInBeijing()}）`);
    expect(errorsOf(saveDraftSchema, { ...complete, heldOn: '2026-02-30' }).heldOn).toBeDefined();
    expect(errorsOf(saveDraftSchema, { ...complete, heldOn: '' }).heldOn).toEqual(['请填写活动日期。']);
  });

  it('refuses an end before the start', () => {
    expect(errorsOf(saveDraftSchema, { ...complete, endTime: '14:00' }).endTime).toEqual(['结束时间须晚于开始时间。']);
  });

  it('refuses an absence without a reason, even in a draft', () => {
    const { absenceReason_13: _, ...values } = complete;
    expect(errorsOf(saveDraftSchema, values)).toEqual({ absenceReason_13: ['请选择缺席原因（公差、病假、事假或其他）。'] });
  });

  it('asks a correction for its reason and its version', () => {
    expect(Object.keys(errorsOf(correctRecordSchema, complete)).sort()).toEqual(['form', 'reason']);
    const input = correctRecordSchema.parse({ ...complete, id: '9', version: '3', reason: '补登缺席原因' });
    expect(input).toMatchObject({ id: 9, version: 3, reason: '补登缺席原因' });
  });

  it('drops the speaker unless the record is a 党课, and drops 第一议题 content when not studied', () => {
    const input = submitRecordSchema.parse({ ...complete, speakerPersonId: '11', firstAgendaStudied: '' });
    expect(input.speakerPersonId).toBeNull();
    expect(input.firstAgendaTopic).toBeNull();
  });

  it('keeps only real uploads and the attachments marked for removal', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'a.pdf');
    const empty = new File([], '');
    const input = saveDraftSchema.parse({ ...complete, newAttachment_0: file, newAttachment_1: empty, removeAttachment_8: 'on', removeAttachment_9: '' });
    expect(input.newAttachments).toEqual([file]);
    expect(input.removeAttachmentIds).toEqual([8]);
  });
});
