import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../db/open';
import { users } from '../db/schema/accounts';
import { branches } from '../db/schema/branches';
import { people } from '../db/schema/people';
import { hashPassword } from '../lib/auth/password';
import * as words from './org-names';
import { type PlannedNode, planOrganization } from './org-plan';
import { sentences } from './phrases';
import { insertTraining } from './org-training';

// The organization half of the city at full size, on the bench's own PostgreSQL database: the
// tree (73 units, 693 grass-roots nodes), ~20,000 people with committee terms, and five years
// of submitted records with attendance. Everything large is generated set-based in SQL
// (insert … select … generate_series) on one connection; nothing is inserted row by row.

export type OrgCorpusOptions = { units: number; grassRoots: number; people: number; records: number; years: number };

export type OrgAccount = { username: string; password: string };

/** What the page bench needs to know about the loaded corpus. */
export type OrgFixtures = {
  admin: OrgAccount;
  secretary: OrgAccount & { branchId: number; branchName: string };
  /** The unit with the most records: the heaviest unit-level page. */
  unitId: number;
  unitName: string;
  /** The person of that unit with the most attendance rows. */
  personId: number;
  /** A person of the secretary's branch, for the secretary's person page. */
  secretaryPersonId: number;
};

export type OrgCorpus = {
  phases: { name: string; seconds: number }[];
  seconds: number;
  counts: Record<string, number>;
  fixtures: OrgFixtures;
};

// Attendance: every member for the meetings of the whole node; the committee for its meeting;
// a handful of participants for volunteering and other activities. One row per member for every
// record would be ~30M rows; this keeps the grid exact where compliance and the six-month
// warning read it, and the table loadable (~7M rows) on a shared two-core machine.
const WHOLE_NODE_KINDS = ['general_meeting', 'group_meeting', 'party_lecture', 'themed_party_day', 'organizational_life_meeting', 'democratic_review'];
const PARTICIPANTS_PER_ACTIVITY = 6;
const LATE_SHARE = 0.05;
const ABSENT_SHARE = 0.07;
// Members drifting away: absent from everything in the last seven months (the six-month warning).
const DRIFTING_MODULUS = 97;
const RECORD_BATCH = 200_000;

// SQL literals of our own constants (never of outside input).
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (list: readonly string[]) => `array[${list.map(lit).join(',')}]::text[]`;
const pick = (list: readonly string[], r: string) => `(${textArray(list)})[1 + floor(${r} * ${list.length})::int]`;

async function scalar<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const rows = (await db.execute(query)) as unknown as Record<string, T>[];
  return Object.values(rows[0]!)[0]!;
}

const run = (db: Database, text: string) => db.execute(sql.raw(text));

export async function insertOrgCorpus(
  url: string,
  options: OrgCorpusOptions,
  log: (line: string) => void = () => {},
): Promise<OrgCorpus> {
  // One connection (temporary tables live in it), no statement timeout: the bulk statements
  // run for minutes.
  const handle = await openDatabase({ kind: 'postgres', url, poolMax: 1, statementTimeoutMs: 0 });
  const db = handle.db;
  const phases: OrgCorpus['phases'] = [];
  const started = performance.now();
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const since = performance.now();
    const result = await fn();
    const seconds = (performance.now() - since) / 1000;
    phases.push({ name, seconds });
    log(`  org corpus: ${name} (${seconds.toFixed(1)} s)`);
    return result;
  };
  try {
    await run(db, `set synchronous_commit = off`);
    await run(db, `set work_mem = '64MB'`);
    await run(db, `set maintenance_work_mem = '256MB'`);
    // Same random() sequence every run, so every run benchmarks the same corpus.
    await run(db, `select setseed(0.2018)`);
    const today = await scalar<string>(db, sql`select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as today`);

    const { nodes, root } = await phase('tree', () => insertTree(db, options, today));
    const accounts = await phase('people, committees, transfers, accounts', () => insertPeople(db, nodes, today));
    // The bulk rows skip the triggers: the records' lock of migration 0007 (it admits attendance
    // of a submitted record only beside a version row written in the same transaction) and the
    // foreign-key triggers, whose per-row lock on each referenced row dominates a bulk load.
    // The bench owns this database and loads history submitted long ago; every reference is
    // made by a join on existing rows, and `orphans` below proves none dangles.
    // Skipping every trigger takes a superuser (as the bench's local server grants); otherwise
    // only the lock trigger is switched off, as the table's owner may, and the load is slower.
    const replica = await run(db, `set session_replication_role = replica`).then(
      () => true,
      () => false,
    );
    if (!replica) {
      log('  org corpus: not a superuser: foreign keys are checked row by row during the load');
      await run(db, `alter table activity_attendees disable trigger activity_attendees_lock`);
    }
    try {
      await phase('records', () => insertRecords(db, options, today, accounts));
      await phase('versions', () => insertVersions(db));
      await phase('attendance', () => insertAttendance(db, today));
      await phase('training', () => insertTraining(db, today));
    } finally {
      if (replica) await run(db, `set session_replication_role = origin`);
      else await run(db, `alter table activity_attendees enable trigger activity_attendees_lock`);
    }
    // The monthly counts compliance reads are kept by triggers the bulk load skipped: count once.
    await phase('monthly counts', () => run(db, `select activity_month_counts_rebuild('0001-01-01')`));
    await phase('vacuum analyze', async () => {
      for (const table of ['branches', 'people', 'committee_positions', 'person_transfers', 'activity_records', 'activity_record_versions', 'activity_attendees', 'activity_month_counts', 'training_rounds', 'training_sessions', 'trainees', 'training_attendance']) {
        await run(db, `vacuum (analyze) ${table}`);
      }
    });
    const counts = await phase('count', () => countRows(db, root));
    verify(counts, options);
    const fixtures = await phase('fixtures', () => findFixtures(db, accounts));
    return { phases, seconds: (performance.now() - started) / 1000, counts, fixtures };
  } finally {
    await handle.close();
  }
}

async function insertTree(db: Database, options: OrgCorpusOptions, today: string) {
  const [root] = await db.select({ id: branches.id, code: branches.code }).from(branches).where(and(eq(branches.kind, 'work_committee'), isNull(branches.parentId))).limit(1);
  if (!root) throw new Error('No work committee in the database: was the demo seeded?');
  const existing = await db.select({ kind: branches.kind, unitName: branches.unitName }).from(branches);
  const existingPeople = await scalar<number>(db, sql`select count(*)::int from people`);
  const nodes = planOrganization({
    units: options.units,
    grassRoots: options.grassRoots,
    existingUnits: existing.filter((b) => b.kind === 'unit_organization').length,
    existingGrassRoots: existing.filter((b) => b.kind === 'general_branch' || b.kind === 'branch' || b.kind === 'party_group').length,
    people: options.people - existingPeople,
    takenUnitNames: new Set(existing.map((b) => b.unitName)),
    rootCode: root.code,
    today,
  });
  // Parents first: units, general branches, branches, groups.
  const ids = new Map<string, number>([[root.code, root.id]]);
  for (const kind of ['unit_organization', 'general_branch', 'branch', 'party_group'] as const) {
    const level = nodes.filter((n) => n.kind === kind);
    if (level.length === 0) continue;
    const rows = await db
      .insert(branches)
      .values(
        level.map((n, i) => ({
          parentId: ids.get(n.parentCode)!,
          kind: n.kind,
          name: n.name,
          unitName: n.unitName,
          code: n.code,
          contactPhone: `0599-86${String(200_000 + i).slice(-6)}`,
          establishedOn: n.establishedOn,
          sortOrder: i,
        })),
      )
      .returning({ id: branches.id, code: branches.code });
    for (const row of rows) ids.set(row.code, row.id);
  }
  // Bench codes are BU01, BU01-B3, BU01-B3-P1 …: the unit is the code's first part.
  const withIds = nodes.map((n) => ({ ...n, id: ids.get(n.code)!, parentId: ids.get(n.parentCode)!, rosterId: ids.get(n.rosterCode)!, unitId: ids.get(n.code.split('-')[0]!)! }));
  await run(
    db,
    `create temporary table bench_nodes (id int primary key, parent_id int not null, kind text not null, members int not null, gap real not null,
       seats int not null, term_start date, term_years int not null, roster_id int not null, established_on date not null, unit_id int not null)`,
  );
  const json = JSON.stringify(
    withIds.map((n) => ({
      id: n.id,
      parent_id: n.parentId,
      kind: n.kind,
      members: n.members,
      gap: n.gapRate,
      seats: n.seats,
      term_start: n.termStart,
      term_years: n.termYears,
      roster_id: n.rosterId,
      established_on: n.establishedOn,
      unit_id: n.unitId,
    })),
  );
  await db.execute(sql`insert into bench_nodes
    select * from jsonb_to_recordset(${json}::jsonb) as x(id int, parent_id int, kind text, members int, gap real, seats int, term_start date, term_years int, roster_id int, established_on date, unit_id int)`);
  return { nodes: withIds, root };
}

type Accounts = { admin: OrgAccount & { id: number }; secretary: OrgAccount & { id: number; branchId: number; branchName: string } };

async function insertPeople(db: Database, nodes: (PlannedNode & { id: number })[], today: string): Promise<Accounts> {
  const randoms = Array.from({ length: 12 }, (_, i) => `random() as r${i}`).join(', ');
  await run(
    db,
    `insert into people (branch_id, name, gender, birth_date, phone, job_title, status, status_since, joined_party_on)
     select node_id,
       ${pick(words.surnames, 'r0')} || ${pick(words.givenChars, 'r1')} || case when r2 < 0.7 then ${pick(words.givenChars, 'r3')} else '' end,
       case when r4 < 0.46 then 'female' else 'male' end,
       birth,
       '1' || ${pick(['3', '5', '7', '8', '9'], 'r5')} || lpad(floor(r6 * 1e9)::bigint::text, 9, '0'),
       ${pick(words.jobTitles, 'r7')},
       status,
       case status
         when 'full_member' then least(joined + 365, date '${today}')
         when 'probationary' then joined
         else date '${today}' - (30 + floor(r9 * 700)::int) end,
       case when status in ('full_member', 'probationary') then joined end
     from (
       select s.*,
         case when r8 < 0.86 then 'full_member' when r8 < 0.91 then 'probationary' when r8 < 0.94 then 'development_target'
              when r8 < 0.97 then 'activist' else 'applicant' end as status,
         case when r8 < 0.86 then least(greatest(birth + 7300, date '1985-01-01' + floor(r10 * 14000)::int), date '${today}' - 400)
              else date '${today}' - (20 + floor(r11 * 340)::int) end as joined
       from (
         select n.id as node_id, g.i, date '1964-01-01' + floor(random() * 13000)::int as birth, ${randoms}
         from bench_nodes n cross join generate_series(1, n.members) as g(i)
         where n.members > 0
         offset 0
       ) s
     ) p
     order by node_id, i`,
  );

  // Committee seats from the roster node's full members, in id order; the previous term ran
  // the term length before the current one.
  await run(
    db,
    `insert into committee_positions (branch_id, person_id, position, starts_on, ends_on)
     with roster as (
       select p.id as person_id, p.branch_id, row_number() over (partition by p.branch_id order by p.id) as rn
       from people p join bench_nodes n on n.id = p.branch_id
       where p.status = 'full_member'
     ),
     seats(position, seat) as (values ('secretary', 1), ('deputy_secretary', 2), ('organization_member', 3), ('propaganda_member', 4), ('discipline_member', 5)),
     holders as (
       select n.id as node_id, s.position, r.person_id, n.term_start, n.term_years
       from bench_nodes n
       join seats s on s.seat <= n.seats
       join roster r on r.branch_id = n.roster_id and r.rn = s.seat
       where n.term_start is not null
     )
     select node_id, person_id, position, term_start, (term_start + make_interval(years => term_years))::date from holders
     union all
     select node_id, person_id, position, (term_start - make_interval(years => term_years))::date, term_start from holders
     order by 1, 4`,
  );

  // 组织关系转接: one person in 50 came from another branch, some time in the last four years.
  await run(
    db,
    `insert into person_transfers (person_id, from_branch_id, to_branch_id, transferred_on, reason)
     with branches_in_order as (select id, row_number() over (order by id) - 1 as idx, count(*) over () as total from bench_nodes where kind = 'branch')
     select p.id, f.id, p.branch_id, date '${today}' - (p.id % 1460), '工作调动'
     from people p
     join bench_nodes n on n.id = p.branch_id and n.kind = 'branch'
     join branches_in_order t on t.id = p.branch_id
     join branches_in_order f on f.idx = (t.idx + 1 + p.id % 7) % t.total
     where p.id % 50 = 0 and p.status = 'full_member'`,
  );

  // Two accounts of the bench's own, with passwords made for this run: the measured sessions
  // never depend on the demo's passwords or on its accounts' login history.
  const biggestBranch = nodes
    .filter((n) => n.kind === 'branch')
    .map((n) => ({ n, size: n.members + nodes.filter((g) => g.parentCode === n.code).reduce((a, g) => a + g.members, 0) }))
    .sort((a, b) => b.size - a.size)[0]!.n;
  const admin = { username: 'bench-admin', password: randomBytes(18).toString('base64url') };
  const secretary = { username: 'bench-secretary', password: randomBytes(18).toString('base64url') };
  const rows = await db
    .insert(users)
    .values([
      { username: admin.username, displayName: '工委办公室（基准测试）', role: 'admin', passwordHash: await hashPassword(admin.password) },
      {
        username: secretary.username,
        displayName: '支部书记（基准测试）',
        role: 'branch_secretary',
        branchId: biggestBranch.id,
        passwordHash: await hashPassword(secretary.password),
      },
    ])
    .returning({ id: users.id, username: users.username });
  const idOf = (username: string) => rows.find((row) => row.username === username)!.id;
  // The secretary's account is the person holding the branch's 书记 seat.
  await db.execute(sql`update people set user_id = ${idOf(secretary.username)}
    where id = (select person_id from committee_positions where branch_id = ${biggestBranch.id} and position = 'secretary' order by starts_on desc limit 1)`);
  return {
    admin: { ...admin, id: idOf(admin.username) },
    secretary: { ...secretary, id: idOf(secretary.username), branchId: biggestBranch.id, branchName: biggestBranch.name },
  };
}

async function insertRecords(db: Database, options: OrgCorpusOptions, today: string, accounts: Accounts) {
  // Who runs a node's meetings: its first full (or probationary) members, the branch secretary
  // first, as the committee seats were filled in the same order.
  await run(
    db,
    `create temporary table bench_members as
     select m.node_id, m.person_id, row_number() over (partition by m.node_id order by m.full_first, m.person_id) as rn,
            count(*) over (partition by m.node_id) as size
     from (
       select n.id as node_id, p.id as person_id, p.status <> 'full_member' as full_first
       from bench_nodes n join people p on p.branch_id = n.id
       where n.kind in ('branch', 'party_group') and p.status in ('full_member', 'probationary')
       union all
       select n.id, p.id, p.status <> 'full_member'
       from bench_nodes n join bench_nodes g on g.parent_id = n.id and g.kind = 'party_group' join people p on p.branch_id = g.id
       where n.kind = 'branch' and p.status in ('full_member', 'probationary')
     ) m`,
  );
  await run(db, `create index on bench_members (node_id, rn)`);
  await run(
    db,
    `create temporary table bench_staff as
     select node_id, max(person_id) filter (where rn = 1) as host, coalesce(max(person_id) filter (where rn = 3), max(person_id) filter (where rn = 2), max(person_id) filter (where rn = 1)) as recorder
     from bench_members group by node_id`,
  );
  await run(db, `alter table bench_staff add primary key (node_id)`);

  // The minimum frequencies of the 2018 rules, each skipped at the node's gap rate, on a random
  // day of the month (quarter: a month of it; year: November or December).
  await run(db, `create temporary table bench_slots (branch_id int not null, kind text not null, held_on date not null)`);
  const firstMonth = `(date_trunc('month', date '${today}') - interval '${options.years * 12 - 1} months')::date`;
  await run(
    db,
    `insert into bench_slots
     select n.id, p.kind, d.held_on
     from bench_nodes n
     join (values ('committee_meeting', 'month', 'branch'), ('themed_party_day', 'month', 'branch'), ('general_meeting', 'quarter', 'branch'),
                  ('party_lecture', 'quarter', 'branch'), ('organizational_life_meeting', 'year', 'branch'), ('democratic_review', 'year', 'branch'),
                  ('group_meeting', 'month', 'party_group')) as p(kind, per, node_kind) on p.node_kind = n.kind
     cross join generate_series(${firstMonth}, date '${today}', interval '1 month') as m(month)
     cross join lateral (
       select (m.month + floor(random() * extract(day from m.month + interval '1 month' - interval '1 day'))::int * interval '1 day')::date as held_on,
              random() as skip
       offset 0
     ) d
     where (p.per = 'month'
            or (p.per = 'quarter' and (extract(month from m.month)::int + n.id + length(p.kind)) % 3 = 0)
            or (p.per = 'year' and extract(month from m.month)::int = 11 + n.id % 2))
       and d.skip >= n.gap and d.held_on < date '${today}' and d.held_on >= n.established_on`,
  );
  const required = await scalar<number>(db, sql`select count(*)::int from bench_slots`);
  // The rest of the records, up to the target: volunteering and other activities of branches.
  const filler = Math.max(0, options.records - required);
  await run(
    db,
    `insert into bench_slots
     with targets as (select id, row_number() over (order by id) - 1 as idx, count(*) over () as total from bench_nodes where kind = 'branch')
     select t.id, case when random() < 0.45 then 'volunteer_service' else 'other' end,
            ${firstMonth} + floor(random() * (date '${today}' - ${firstMonth}))::int
     from generate_series(0, ${filler - 1}) as g(i)
     join targets t on t.idx = g.i % t.total`,
  );

  // Records in the order they happened, a year at a time: ids grow with held_on, as they do
  // when branches enter their records over the years.
  const topic = `case s.kind ${Object.entries(words.topics)
    .map(([kind, list]) => `when ${lit(kind)} then ${pick(list, 'r1')}`)
    .join(' ')} end`;
  const minutes = `'<p>' || ${pick(sentences, 'r2')} || ${pick(sentences, 'r3')} || '</p><p>' || ${pick(sentences, 'r4')} || ${pick(sentences, 'r5')} || '</p>'`;
  const { admin, secretary } = accounts;
  const years = (await db.execute(sql`select distinct extract(year from held_on)::int as year from bench_slots order by 1`)) as unknown as { year: number }[];
  for (const { year } of years) {
    await run(
      db,
      `insert into activity_records (branch_id, kind, held_on, start_time, end_time, place, topic, first_agenda_studied, first_agenda_topic,
         host_person_id, recorder_person_id, speaker_person_id, minutes, status, revision, submitted_at, submitted_on, submitted_by,
         reviewed_at, reviewed_by, created_by, created_at, updated_at)
       select branch_id, kind, held_on, start_time, start_time + make_interval(mins => 60 + 30 * floor(r6 * 3)::int), place, topic,
         first_agenda, case when first_agenda then ${pick(words.firstAgendaTopics, 'r7')} end,
         host, recorder, case when kind = 'party_lecture' then host end, minutes,
         case when reviewed then 'reviewed' else 'submitted' end, 1,
         submitted_at, submitted_on, submitter,
         case when reviewed then submitted_at + make_interval(days => 3 + floor(r8 * 20)::int) end,
         case when reviewed then ${admin.id} end,
         submitter, submitted_at - interval '2 hours', case when reviewed then submitted_at + make_interval(days => 3 + floor(r8 * 20)::int) else submitted_at end
       from (
         select x.*, least((submitted_on + time '08:30' + make_interval(mins => floor(r9 * 540)::int)) at time zone 'Asia/Shanghai', now()) as submitted_at,
                submitted_on < date '${today}' - 60 and r10 < 0.4 as reviewed
         from (
           select s.branch_id, s.kind, s.held_on, st.host, st.recorder,
             time '08:30' + make_interval(mins => 30 * floor(r0 * 15)::int) as start_time,
             ${pick(words.places, 'r11')} as place, ${topic} as topic, ${minutes} as minutes,
             s.kind not in ('volunteer_service', 'other') and r12 < 0.9 as first_agenda,
             least(s.held_on + case when r13 < ${LATE_SHARE} then 35 + floor(r14 * 56)::int else floor(r14 * 6)::int end, date '${today}') as submitted_on,
             case when s.branch_id = ${secretary.branchId} then ${secretary.id} else ${admin.id} end as submitter,
             r0, r6, r7, r8, r9, r10
           from (
             select s.*, ${Array.from({ length: 15 }, (_, i) => `random() as r${i}`).join(', ')}
             from bench_slots s
             where s.held_on >= date '${year}-01-01' and s.held_on < date '${year + 1}-01-01'
             offset 0
           ) s
           join bench_staff st on st.node_id = s.branch_id
         ) x
       ) y
       order by held_on, branch_id`,
    );
  }
}

async function insertVersions(db: Database) {
  // Revision 1 of each record: the content as submitted, as the submit command snapshots it.
  const range = (await db.execute(sql`select min(id)::int as lo, max(id)::int as hi from activity_records where branch_id in (select id from bench_nodes)`)) as unknown as { lo: number; hi: number }[];
  const { lo, hi } = range[0]!;
  for (let from = lo; from <= hi; from += RECORD_BATCH) {
    await run(
      db,
      `insert into activity_record_versions (record_id, revision, content, created_by, created_at)
       select id, 1, jsonb_build_object('branchId', branch_id, 'kind', kind, 'heldOn', held_on, 'startTime', start_time, 'endTime', end_time,
         'place', place, 'topic', topic, 'firstAgendaStudied', first_agenda_studied, 'firstAgendaTopic', first_agenda_topic,
         'hostPersonId', host_person_id, 'recorderPersonId', recorder_person_id, 'speakerPersonId', speaker_person_id, 'minutes', minutes),
         submitted_by, submitted_at
       from activity_records
       where id >= ${from} and id < ${from + RECORD_BATCH} and branch_id in (select id from bench_nodes)`,
    );
  }
}

async function insertAttendance(db: Database, today: string) {
  const range = (await db.execute(sql`select min(id)::int as lo, max(id)::int as hi from activity_records where branch_id in (select id from bench_nodes)`)) as unknown as { lo: number; hi: number }[];
  const { lo, hi } = range[0]!;
  // The committee of a branch: the holders of its current seats.
  await run(
    db,
    `create temporary table bench_committee as
     select distinct c.branch_id as node_id, c.person_id
     from committee_positions c join bench_nodes n on n.id = c.branch_id
     where n.kind = 'branch' and c.starts_on <= date '${today}' and c.ends_on > date '${today}'`,
  );
  const drifting = `(m.person_id % ${DRIFTING_MODULUS} = 0 and r.held_on >= date '${today}' - interval '7 months')`;
  for (let from = lo; from <= hi; from += RECORD_BATCH) {
      const batch = `r.id >= ${from} and r.id < ${from + RECORD_BATCH}`;
      await run(
        db,
        `insert into activity_attendees (record_id, person_id, attendance, absence_reason, absence_note)
         select record_id, person_id, case when absent then 'absent' else 'present' end,
           case when absent then case when y < 0.5 then 'official_duty' when y < 0.7 then 'sick_leave' when y < 0.95 then 'personal_leave' else 'other' end end,
           case when absent and y >= 0.95 then ${pick(words.absenceNotes, 'z')} end
         from (
           select record_id, person_id, random() as y, random() as z, random() < ${ABSENT_SHARE} or drifting as absent
           from (
             select r.id as record_id, m.person_id, ${drifting} as drifting
             from activity_records r join bench_members m on m.node_id = r.branch_id
             where ${batch} and r.kind in (${WHOLE_NODE_KINDS.map(lit).join(', ')})
             union all
             select r.id, m.person_id, ${drifting}
             from activity_records r join bench_committee m on m.node_id = r.branch_id
             where ${batch} and r.kind = 'committee_meeting'
             union all
             select r.id, m.person_id, ${drifting}
             from activity_records r join bench_members m on m.node_id = r.branch_id
               and (m.rn + r.id) % greatest(1, m.size / ${PARTICIPANTS_PER_ACTIVITY}) = 0
             where ${batch} and r.kind in ('volunteer_service', 'other')
           ) a
           offset 0
         ) b
         order by record_id, person_id`,
    );
  }
}

/**
 * A database an earlier run loaded and kept (BENCH_KEEP_DATABASE=1): migrated by the caller,
 * the bench accounts get new passwords for this run; nothing is loaded again.
 */
export async function reuseOrgCorpus(url: string): Promise<OrgCorpus> {
  const handle = await openDatabase({ kind: 'postgres', url, poolMax: 1, statementTimeoutMs: 0 });
  const started = performance.now();
  try {
    const db = handle.db;
    const found = await db.select({ id: users.id, username: users.username, branchId: users.branchId }).from(users).where(inArray(users.username, ['bench-admin', 'bench-secretary']));
    const admin = found.find((u) => u.username === 'bench-admin');
    const secretary = found.find((u) => u.username === 'bench-secretary');
    if (!admin || !secretary?.branchId) throw new Error('this database holds no org corpus of the bench (no bench-admin and bench-secretary accounts)');
    const passwords = { admin: randomBytes(18).toString('base64url'), secretary: randomBytes(18).toString('base64url') };
    await db.update(users).set({ passwordHash: await hashPassword(passwords.admin), active: true }).where(eq(users.id, admin.id));
    await db.update(users).set({ passwordHash: await hashPassword(passwords.secretary), active: true }).where(eq(users.id, secretary.id));
    const [branch] = await db.select({ name: branches.name }).from(branches).where(eq(branches.id, secretary.branchId));
    const [root] = await db.select({ id: branches.id }).from(branches).where(and(eq(branches.kind, 'work_committee'), isNull(branches.parentId)));
    const accounts: Accounts = {
      admin: { id: admin.id, username: admin.username, password: passwords.admin },
      secretary: { id: secretary.id, username: secretary.username, password: passwords.secretary, branchId: secretary.branchId, branchName: branch!.name },
    };
    const counts = await countRows(db, root!);
    const fixtures = await findFixtures(db, accounts);
    const seconds = (performance.now() - started) / 1000;
    return { phases: [{ name: 'reused a kept database', seconds }], seconds, counts, fixtures };
  } finally {
    await handle.close();
  }
}

async function countRows(db: Database, root: { id: number }): Promise<Record<string, number>> {
  const rows = (await db.execute(sql`
    select
      (select count(*) from branches where kind = 'unit_organization' and parent_id = ${root.id})::int as units,
      (select count(*) from branches where kind in ('general_branch', 'branch', 'party_group'))::int as grass_roots,
      (select count(*) from branches where kind = 'general_branch')::int as general_branches,
      (select count(*) from branches where kind = 'branch')::int as branches,
      (select count(*) from branches where kind = 'party_group')::int as party_groups,
      (select count(*) from people)::int as people,
      (select count(*) from people where status = 'full_member')::int as full_members,
      (select count(*) from people where status = 'probationary')::int as probationary_members,
      (select count(*) from people where status in ('applicant', 'activist', 'development_target'))::int as applicants_to_targets,
      (select count(*) from committee_positions)::int as committee_positions,
      (select count(*) from person_transfers)::int as person_transfers,
      (select count(*) from activity_records)::int as records,
      (select count(*) from activity_records where status = 'draft')::int as draft_records,
      (select count(*) from activity_records where submitted_on - held_on > 30)::int as late_records,
      (select count(*) from activity_records where held_on >= date '2025-01-01' and held_on < date '2026-01-01')::int as records_2025,
      (select count(*) from activity_record_versions)::int as record_versions,
      (select count(*) from activity_attendees)::int as attendance_rows,
      (select count(*) from activity_attendees where attendance = 'absent')::int as absences,
      (select count(*) from training_rounds)::int as training_rounds,
      (select count(*) from trainees)::int as trainees,
      (select count(*) from training_attendance)::int as training_attendance,
      -- References the triggers did not check during the load (none expected).
      ((select count(*) from activity_attendees a where not exists (select 1 from activity_records r where r.id = a.record_id))
       + (select count(*) from activity_attendees a where not exists (select 1 from people p where p.id = a.person_id))
       + (select count(*) from activity_record_versions v where not exists (select 1 from activity_records r where r.id = v.record_id))
       + (select count(*) from activity_records r where not exists (select 1 from branches b where b.id = r.branch_id))
       + (select count(*) from activity_records r where not exists (select 1 from people p where p.id = r.host_person_id))
       + (select count(*) from activity_records r where not exists (select 1 from people p where p.id = r.recorder_person_id))
       + (select count(*) from training_attendance a where not exists (select 1 from trainees t where t.id = a.trainee_id)))::int as orphans
  `)) as unknown as Record<string, number>[];
  return rows[0]!;
}

function verify(counts: Record<string, number>, options: OrgCorpusOptions) {
  const problems: string[] = [];
  if (counts.units !== options.units) problems.push(`${counts.units} units, expected ${options.units}`);
  if (counts.grass_roots !== options.grassRoots) problems.push(`${counts.grass_roots} grass-roots nodes, expected ${options.grassRoots}`);
  if (counts.people !== options.people) problems.push(`${counts.people} people, expected ${options.people}`);
  // Gaps and the current month's missing days take a few percent off the target.
  if (counts.records! < options.records * 0.95 || counts.records! > options.records * 1.05) problems.push(`${counts.records} records, expected ~${options.records}`);
  if (counts.orphans !== 0) problems.push(`${counts.orphans} rows reference nothing`);
  if (problems.length > 0) throw new Error(`the org corpus is not what was asked for: ${problems.join('; ')}`);
}

// Read from the tables alone (not the load's temporary ones), so a kept database yields them too.
async function findFixtures(db: Database, accounts: Accounts): Promise<OrgFixtures> {
  // A bench node's unit is the first part of its code (BU07-B3-P1 → BU07).
  const [unit] = (await db.execute(sql`
    select u.id, u.name, count(*)::int as records
    from activity_records r join branches b on b.id = r.branch_id join branches u on u.code = split_part(b.code, '-', 1)
    where b.code like 'BU%'
    group by u.id, u.name order by records desc, u.id limit 1`)) as unknown as { id: number; name: string }[];
  if (!unit) throw new Error('no unit with records');
  const [person] = (await db.execute(sql`
    select a.person_id as id, count(*)::int as rows
    from activity_attendees a
    where a.person_id in (
      select p.id from people p join branches b on b.id = p.branch_id
      where b.code like (select code from branches where id = ${unit.id}) || '-%'
    )
    group by a.person_id order by rows desc, a.person_id limit 1`)) as unknown as { id: number }[];
  const [member] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.branchId, accounts.secretary.branchId), inArray(people.status, ['full_member'])))
    .orderBy(people.id)
    .limit(1);
  if (!person || !member) throw new Error('no person with attendance found');
  return {
    admin: { username: accounts.admin.username, password: accounts.admin.password },
    secretary: {
      username: accounts.secretary.username,
      password: accounts.secretary.password,
      branchId: accounts.secretary.branchId,
      branchName: accounts.secretary.branchName,
    },
    unitId: unit.id,
    unitName: unit.name,
    personId: person.id,
    secretaryPersonId: member.id,
  };
}
