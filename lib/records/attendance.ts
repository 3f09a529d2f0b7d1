import { ABSENCE_REASONS, type AbsenceReason, type AttendanceEntry } from './types';

// The attendance grid as the form sends it: for each person of the node's roster
// `attendance_<id>` (present, absent, or none: not expected at this meeting),
// `absenceReason_<id>` and `absenceNote_<id>`. Errors are keyed by the same field names, so
// each shows beside its row.

export const attendanceField = (personId: number) => `attendance_${personId}`;
export const reasonField = (personId: number) => `absenceReason_${personId}`;
export const noteField = (personId: number) => `absenceNote_${personId}`;

const ATTENDANCE_KEY = /^attendance_([1-9]\d{0,8})$/;
export const NOTE_MAX = 200;

export type GridParse = { entries: AttendanceEntry[]; errors: Record<string, string> };

/** Reads the grid out of the submitted values; rows marked none (or missing) are left out. */
export function parseAttendanceGrid(values: Record<string, unknown>): GridParse {
  const entries: AttendanceEntry[] = [];
  const errors: Record<string, string> = {};
  const text = (key: string) => {
    const v = values[key];
    return typeof v === 'string' ? v.trim() : '';
  };
  for (const key of Object.keys(values).sort()) {
    const match = ATTENDANCE_KEY.exec(key);
    if (!match) continue;
    const personId = Number(match[1]);
    const attendance = text(key);
    if (attendance === 'present') {
      entries.push({ personId, attendance: 'present', absenceReason: null, absenceNote: null });
    } else if (attendance === 'absent') {
      const reason = text(reasonField(personId));
      const note = text(noteField(personId)) || null;
      if (!(ABSENCE_REASONS as readonly string[]).includes(reason)) {
        errors[reasonField(personId)] = '请选择缺席原因（公差、病假、事假或其他）。';
      } else if (reason === 'other' && !note) {
        errors[noteField(personId)] = '缺席原因为“其他”时，请填写具体说明。';
      } else if (note && note.length > NOTE_MAX) {
        errors[noteField(personId)] = `缺席说明不能超过 ${NOTE_MAX} 个字符。`;
      }
      entries.push({ personId, attendance: 'absent', absenceReason: (reason || null) as AbsenceReason | null, absenceNote: note });
    } else if (attendance !== '' && attendance !== 'none') {
      errors[key] = '出勤情况无法识别，请重新选择。';
    }
  }
  entries.sort((a, b) => a.personId - b.personId);
  return { entries, errors };
}

/** Present and expected (present + absent) counts. */
export function attendanceCounts(entries: Pick<AttendanceEntry, 'attendance'>[]): { present: number; expected: number } {
  const present = entries.filter((e) => e.attendance === 'present').length;
  return { present, expected: entries.length };
}

/** The attendance rate in whole percent, or null when nobody was expected. */
export function attendanceRate(present: number, expected: number): number | null {
  if (expected <= 0) return null;
  return Math.round((present / expected) * 1000) / 10;
}

/** "92.3%（12/13）", or "—" when nobody was expected. */
export function attendanceLabel(present: number, expected: number): string {
  const rate = attendanceRate(present, expected);
  return rate === null ? '—' : `${rate}%（${present}/${expected}）`;
}
