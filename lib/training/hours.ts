import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';

// Class hours of people, by the day they were earned (shared definition of issue 14):
// - a training session attended counts on its held_on;
// - a round without sessions (online courses, legacy rounds) counts its required hours on the
//   trainee's completed_on, and only when completed (never by clicks or time spent);
// - a 大讲堂 session with attendance confirmed counts its class hours on the session's day
//   (Asia/Shanghai).

/**
 * Every hour item of the people `persons` selects (a SQL subquery of person ids) between two
 * days, as rows (person_id, on_day, hours, source, round_id, title, detail).
 */
export function hourItems(persons: SQL, from: string, to: string): SQL {
  return sql`
    select tr.person_id, s.held_on as on_day, s.hours::float8 as hours, 'session'::text as source, r.id as round_id, r.name as title, s.topic as detail
    from training_sessions s
    join training_attendance a on a.session_id = s.id
    join trainees tr on tr.id = a.trainee_id
    join training_rounds r on r.id = s.round_id
    where s.held_on >= ${from}::date and s.held_on <= ${to}::date and tr.person_id in (${persons})
    union all
    select tr.person_id, tr.completed_on, r.required_hours::float8, 'completion', r.id, r.name, null
    from trainees tr
    join training_rounds r on r.id = tr.round_id
    where tr.completed and tr.completed_on >= ${from}::date and tr.completed_on <= ${to}::date and tr.person_id in (${persons})
      and not exists (select 1 from training_sessions s where s.round_id = r.id)
    union all
    select hr.person_id, (hs.starts_at at time zone 'Asia/Shanghai')::date, hs.class_hours::float8, 'hall', null, hs.theme, hs.speaker
    from hall_registrations hr
    join hall_sessions hs on hs.id = hr.session_id
    where hr.attended and hs.class_hours is not null
      and hs.starts_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
      and hs.starts_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
      and hr.person_id in (${persons})`;
}

export type HourItem = { onDay: string; hours: number; source: 'session' | 'completion' | 'hall'; roundId: number | null; title: string; detail: string | null };

type HourRow = { on_day: string; hours: number; source: HourItem['source']; round_id: number | null; title: string; detail: string | null };

/** One person's hour items in a year, in date order (the drill-down under every hours figure). Capped. */
export async function personHourItems(db: Database, personId: number, year: number, limit = 500): Promise<HourItem[]> {
  const rows = await selectRows<HourRow>(
    db,
    sql`select on_day::text as on_day, hours, source, round_id, title, detail from (${hourItems(sql`${personId}`, `${year}-01-01`, `${year}-12-31`)}) h
        order by on_day, title limit ${limit}`,
  );
  return rows.map((r) => ({ onDay: r.on_day, hours: Number(r.hours), source: r.source, roundId: r.round_id === null ? null : Number(r.round_id), title: r.title, detail: r.detail }));
}

/** One person's total hours per year, newest first (from the earliest year to `lastYear`). */
export async function personYearHours(db: Database, personId: number, lastYear: number): Promise<{ year: number; hours: number }[]> {
  const rows = await selectRows<{ year: number; hours: number }>(
    db,
    sql`select extract(year from on_day)::int as year, sum(hours)::float8 as hours
        from (${hourItems(sql`${personId}`, '1900-01-01', `${lastYear}-12-31`)}) h group by 1 order by 1 desc limit 50`,
  );
  return rows.map((r) => ({ year: Number(r.year), hours: Number(r.hours) }));
}
