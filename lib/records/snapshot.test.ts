import { describe, expect, it } from 'vitest';
import { minutesDoc } from './minutes';
import { attendanceText, diffVersions, readSnapshot, type RecordSnapshot } from './snapshot';

const doc = (...paragraphs: string[]) => JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const base: RecordSnapshot = {
  branchId: 1,
  branchName: '第一党支部',
  kind: 'committee_meeting',
  heldOn: '2026-11-08',
  startTime: '15:00',
  endTime: '16:30',
  place: '机关三楼党员活动室',
  topic: '研究月度支部工作安排',
  firstAgendaStudied: true,
  firstAgendaTopic: '学习最新重要讲话精神',
  host: { id: 1, name: '陈思远' },
  recorder: { id: 2, name: '唐雨桐' },
  speaker: null,
  minutes: doc('会议按议程进行。', '明确责任人和完成时限。'),
  attendees: [
    { personId: 1, name: '陈思远', attendance: 'present', absenceReason: null, absenceNote: null },
    { personId: 2, name: '唐雨桐', attendance: 'present', absenceReason: null, absenceNote: null },
    { personId: 3, name: '李卫平', attendance: 'absent', absenceReason: 'sick_leave', absenceNote: null },
  ],
  photos: [{ mediaId: 9, alt: '支委会现场' }],
  attachments: [{ key: 'records/1/ab/x.pdf', name: '签到表.pdf', kind: 'pdf', byteSize: 100 }],
};

describe('the diff between two versions of a record', () => {
  it('finds nothing between equal versions', () => {
    expect(diffVersions(base, structuredClone(base))).toEqual({ groups: [], changedCount: 0 });
  });

  it('shows changed fields with character marks, and attendance changes by person', () => {
    const next: RecordSnapshot = {
      ...structuredClone(base),
      place: '机关五楼会议室',
      attendees: [
        { personId: 1, name: '陈思远', attendance: 'present', absenceReason: null, absenceNote: null },
        { personId: 2, name: '唐雨桐', attendance: 'absent', absenceReason: 'other', absenceNote: '出差' },
        { personId: 3, name: '李卫平', attendance: 'absent', absenceReason: 'sick_leave', absenceNote: null },
        { personId: 4, name: '王晓楠', attendance: 'present', absenceReason: null, absenceNote: null },
      ],
    };
    const diff = diffVersions(base, next);
    expect(diff.groups.map((g) => g.title)).toEqual(['基本信息', '出勤']);
    const [fields, attendance] = diff.groups;
    expect(fields!.rows).toMatchObject([{ label: '地点', kind: 'changed', left: '机关三楼党员活动室', right: '机关五楼会议室' }]);
    expect(fields!.rows[0]!.leftSegments?.some((s) => s.changed)).toBe(true);
    expect(attendance!.rows.map((r) => [r.label, r.left, r.right])).toEqual([
      ['唐雨桐', '出席', '缺席（其他：出差）'],
      ['王晓楠', '未列入', '出席'],
    ]);
    expect(diff.changedCount).toBe(3);
  });

  it('lists photos and attachments added and removed, and minutes by paragraph', () => {
    const next: RecordSnapshot = {
      ...structuredClone(base),
      photos: [{ mediaId: 10, alt: '集体学习' }],
      attachments: [],
      minutes: doc('会议按议程进行。', '明确责任人、完成时限和督办人。'),
    };
    const diff = diffVersions(base, next);
    const media = diff.groups.find((g) => g.title === '照片与附件')!;
    expect(media.rows.map((r) => [r.kind, r.left ?? r.right])).toEqual([
      ['removed', '照片：支委会现场'],
      ['added', '照片：集体学习'],
      ['removed', '附件：签到表.pdf'],
    ]);
    const minutes = diff.groups.find((g) => g.title === '会议记录')!;
    expect(minutes.rows).toMatchObject([{ kind: 'changed', left: '明确责任人和完成时限。', right: '明确责任人、完成时限和督办人。' }]);
  });
});

describe('stored versions', () => {
  it('reads the demo seed shape: person ids and an attendance list without names', () => {
    const names = { person: (id: number) => ({ 1: '陈思远', 2: '唐雨桐' })[id] ?? '?', branch: () => '第一党支部' };
    const s = readSnapshot({ branchId: 1, kind: 'general_meeting', heldOn: '2026-03-23', hostPersonId: 1, recorderPersonId: 2, speakerPersonId: null, minutes: '<p>会议记录。</p>', attendance: [{ personId: 2, attendance: 'present', absenceReason: null, absenceNote: null }] }, names);
    expect(s.host).toEqual({ id: 1, name: '陈思远' });
    expect(s.speaker).toBeNull();
    expect(s.branchName).toBe('第一党支部');
    expect(s.attendees).toEqual([{ personId: 2, name: '唐雨桐', attendance: 'present', absenceReason: null, absenceNote: null }]);
  });

  it('reads absence as one line', () => {
    expect(attendanceText({ attendance: 'absent', absenceReason: 'official_duty', absenceNote: null })).toBe('缺席（公差）');
    expect(attendanceText(undefined)).toBe('未列入');
  });
});

describe('minutes', () => {
  it('reads the editor document and keeps it to the allow-list', () => {
    const d = minutesDoc(JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '议程', marks: [{ type: 'code' }] }] }, { type: 'script' }] }));
    expect(d.content?.[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '议程' }] });
    expect(JSON.stringify(d)).not.toMatch(/script|code/);
  });

  it('reads older HTML minutes as text, never as markup', () => {
    const d = minutesDoc('<p>会议按议程进行&amp;讨论。</p><script>alert(1)</script><p>散会。</p>');
    expect(d.content?.map((p) => p.content?.[0]?.text)).toEqual(['会议按议程进行&讨论。', '散会。']);
  });
});
