import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';

// City-size training (issue 14) for the coverage bench: for last year and this one, a rotation
// round per quarter (three 8-hour sessions) in which a quarter of the bench's committee members
// (by person id) are enrolled and attend, 97% of them completing; and one online course a year
// completed by every committee member (hours by completion). Rows are set directly (the caller
// runs with triggers off), so attended_hours is written with the attendance it sums.

const run = (db: Database, text: string) => db.execute(sql.raw(text));

export async function insertTraining(db: Database, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  await run(
    db,
    `create temporary table bench_rounds as
     with made as (
       insert into training_rounds (name, kind, audience, starts_on, ends_on, required_hours, organizer, place)
       select format('%s年第%s季度基层党组织书记和委员轮训班', y, q), 'rotation', 'committee_members', make_date(y, q * 3 - 2, 10), make_date(y, q * 3 - 2, 12), 24, '市委市级机关工委组织部', '市委党校'
       from generate_series(${year - 1}, ${year}) y cross join generate_series(1, 4) q
       where make_date(y, q * 3 - 2, 12) <= date '${today}'
       returning id, starts_on
     ) select id, starts_on, (extract(month from starts_on)::int - 1) / 3 as quarter from made`,
  );
  await run(
    db,
    `insert into training_sessions (round_id, held_on, hours, topic, teacher)
     select r.id, r.starts_on + d, 8, format('专题课程 %s', d + 1), '市委党校' from bench_rounds r cross join generate_series(0, 2) d`,
  );
  // Enrolment: committee members in post on the round's first day, a quarter of them per round.
  await run(
    db,
    `insert into trainees (round_id, person_id, branch_id, enrolled_on, attended_hours, completed, completed_on, certificate_no)
     select distinct on (r.id, c.person_id) r.id, c.person_id, c.branch_id, r.starts_on - 10,
       case when c.person_id % 37 = 0 then 8 else 24 end,
       c.person_id % 37 <> 0, case when c.person_id % 37 <> 0 then r.starts_on + 2 end,
       case when c.person_id % 37 <> 0 then format('BENCH-%s-%s', r.id, c.person_id) end
     from bench_rounds r
     join committee_positions c on c.starts_on <= r.starts_on and coalesce(c.ended_on, c.ends_on) >= r.starts_on and c.person_id % 4 = r.quarter
     join bench_nodes n on n.id = c.branch_id
     order by r.id, c.person_id, c.starts_on desc`,
  );
  await run(
    db,
    `insert into training_attendance (session_id, trainee_id)
     select s.id, t.id from trainees t join bench_rounds r on r.id = t.round_id join training_sessions s on s.round_id = r.id
     where t.completed or s.held_on = r.starts_on`,
  );
  // One online course a year: no sessions, 16 hours credited on completion.
  await run(
    db,
    `with made as (
       insert into training_rounds (name, kind, audience, starts_on, ends_on, required_hours, organizer)
       select format('%s年党员干部网络专题班', y), 'online', 'committee_members', make_date(y, 3, 1), make_date(y, 11, 30), 16, '市委市级机关工委组织部'
       from generate_series(${year - 1}, ${year}) y
       returning id, starts_on
     )
     insert into trainees (round_id, person_id, branch_id, enrolled_on, completed, completed_on, certificate_no)
     select distinct on (m.id, c.person_id) m.id, c.person_id, c.branch_id, m.starts_on, true, m.starts_on + 150, format('BENCH-ONL-%s-%s', m.id, c.person_id)
     from made m join committee_positions c on c.starts_on <= m.starts_on + 150 and coalesce(c.ended_on, c.ends_on) >= m.starts_on
     join bench_nodes n on n.id = c.branch_id
     where m.starts_on + 150 <= date '${today}'
     order by m.id, c.person_id, c.starts_on desc`,
  );
}
