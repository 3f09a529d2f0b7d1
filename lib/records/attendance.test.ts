import { describe, expect, it } from 'vitest';
import { attendanceCounts, attendanceLabel, attendanceRate, parseAttendanceGrid } from './attendance';

describe('the attendance grid', () => {
  it('reads present and absent rows, leaving out the people not expected', () => {
    const { entries, errors } = parseAttendanceGrid({
      attendance_3: 'present',
      attendance_1: 'absent',
      absenceReason_1: 'sick_leave',
      attendance_2: 'none',
      attendance_4: 'absent',
      absenceReason_4: 'other',
      absenceNote_4: ' 参加上级集中培训 ',
      unrelated: 'x',
    });
    expect(errors).toEqual({});
    expect(entries).toEqual([
      { personId: 1, attendance: 'absent', absenceReason: 'sick_leave', absenceNote: null },
      { personId: 3, attendance: 'present', absenceReason: null, absenceNote: null },
      { personId: 4, attendance: 'absent', absenceReason: 'other', absenceNote: '参加上级集中培训' },
    ]);
  });

  it('refuses an absence without a reason, and 其他 without a note, beside the row', () => {
    const { errors } = parseAttendanceGrid({ attendance_7: 'absent', attendance_8: 'absent', absenceReason_8: 'other', absenceNote_8: '  ' });
    expect(errors).toEqual({
      absenceReason_7: '请选择缺席原因（公差、病假、事假或其他）。',
      absenceNote_8: '缺席原因为“其他”时，请填写具体说明。',
    });
  });

  it('refuses a reason that is not one of the four and a mark it does not know', () => {
    const { errors } = parseAttendanceGrid({ attendance_5: 'absent', absenceReason_5: 'holiday', attendance_6: 'late' });
    expect(Object.keys(errors).sort()).toEqual(['absenceReason_5', 'attendance_6']);
  });

  it('ignores keys that only look like grid rows', () => {
    expect(parseAttendanceGrid({ attendance_0: 'present', attendance_01: 'present', 'attendance_1x': 'present' }).entries).toEqual([]);
  });
});

describe('the attendance rate', () => {
  it('is present over expected, in percent with one decimal', () => {
    expect(attendanceRate(12, 13)).toBe(92.3);
    expect(attendanceRate(5, 5)).toBe(100);
    expect(attendanceRate(0, 4)).toBe(0);
  });

  it('is undefined when nobody was expected', () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceLabel(0, 0)).toBe('—');
  });

  it('counts the expected from present and absent rows', () => {
    expect(attendanceCounts([{ attendance: 'present' }, { attendance: 'absent' }, { attendance: 'present' }])).toEqual({ present: 2, expected: 3 });
    expect(attendanceLabel(2, 3)).toBe('66.7%（2/3）');
  });
});
