import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { ActivityKind } from '@/db/schema/activities';
import { subtractMonths } from '@/lib/calendar/days';
import type { AbsenceReason } from '@/lib/records/types';
import type { PersonAttendance } from './types';

// A person's organizational life as the record book shows it: the meetings whose attendance list
// names them, by the day held (never by entry), drafts left out. Read only inside the audited
// person page (getPersonDetail), after its permission check.

/** How many recent meetings the person page lists. */
export const RECENT_MEETINGS = 10;

type MeetingRow = { record_id: number; held_on: string; kind: ActivityKind; topic: string; branch_name: string; attendance: 'present' | 'absent'; absence_reason: AbsenceReason | null; absence_note: string | null };

export async function personAttendance(db: Database, personId: number, today: string): Promise<PersonAttendance> {
  const since = subtractMonths(today, 12);
  // Both reads start from the person's attendance rows (activity_attendees_person_idx): a few
  // hundred at most over the years, sorted in memory.
  const [recent, [totals]] = await Promise.all([
    selectRows<MeetingRow>(
      db,
      sql`select r.id as record_id, r.held_on::text as held_on, r.kind, r.topic, b.name as branch_name, a.attendance, a.absence_reason, a.absence_note
          from activity_attendees a join activity_records r on r.id = a.record_id join branches b on b.id = r.branch_id
          where a.person_id = ${personId} and r.status <> 'draft'
          order by r.held_on desc, r.id desc limit ${RECENT_MEETINGS}`,
    ),
    selectRows<{ present: number; absent: number; last_present_on: string | null }>(
      db,
      sql`select count(*) filter (where a.attendance = 'present' and r.held_on > ${since}::date)::int as present,
            count(*) filter (where a.attendance = 'absent' and r.held_on > ${since}::date)::int as absent,
            max(r.held_on) filter (where a.attendance = 'present')::text as last_present_on
          from activity_attendees a join activity_records r on r.id = a.record_id
          where a.person_id = ${personId} and r.status <> 'draft' and r.held_on <= ${today}::date`,
    ),
  ]);
  return {
    since,
    present: Number(totals?.present ?? 0),
    absent: Number(totals?.absent ?? 0),
    lastPresentOn: totals?.last_present_on ?? null,
    recent: recent.map((r) => ({
      recordId: Number(r.record_id),
      heldOn: String(r.held_on),
      kind: r.kind,
      topic: r.topic,
      branchName: r.branch_name,
      attendance: r.attendance,
      absenceReason: r.absence_reason,
      absenceNote: r.absence_note,
    })),
  };
}
