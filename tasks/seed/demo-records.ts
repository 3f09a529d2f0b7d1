import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articles } from '@/db/schema/articles';
import { hallRegistrations, hallSessions, lectureBookings, lectureSeasons, lectureShowcases, lecturerListings, lecturers, lectures, seasonOffers } from '@/db/schema/lectures';
import { lectureSearchVector } from '@/lib/lectures/search-index';
import {
  developmentAssessments,
  developmentIntroducers,
  developmentRecords,
  developmentRuleSets,
  type developmentStepKinds,
  developmentTransitions,
  type DevelopmentStage,
} from '@/db/schema/development';
import { people as peopleTable, type MemberStatus } from '@/db/schema/people';
import { seedLectures } from './content/lectures';
import { seedLecturers } from './content/lecturers';
import { seedBookings, seedHallSessions, seedSeasons } from './content/lecture-loop';
import type { SeedPerson } from './demo-org';
import { addDays } from './random';

type Person = SeedPerson;
export type SeedIds = { users: Map<string, number>; branchIds: number[]; people: Person[] };
type Ids = SeedIds;

export async function seedLectureCatalog(db: Database, { users, branchIds, people }: Ids) {
  const createdBy = users.get('admin');
  const lecturerRows = await db
    .insert(lecturers)
    .values(
      seedLecturers.map(({ listedYears: _years, ...l }, i) => ({
        ...l,
        // Demo contact details: an internal office line and mailbox, never shown publicly.
        phone: `0513-8012 ${String(3100 + i * 7).padStart(4, '0')}`,
        email: `lecturer${String(i + 1).padStart(2, '0')}@jz-organs.example.cn`,
        createdBy,
      })),
    )
    .returning({ id: lecturers.id, name: lecturers.name });
  const lecturerIds = new Map(lecturerRows.map((l) => [l.name, l.id]));
  const listings = seedLecturers.flatMap((l) => (l.listedYears ?? []).map((year) => ({ lecturerId: lecturerIds.get(l.name)!, year, createdBy })));
  if (listings.length > 0) await db.insert(lecturerListings).values(listings);

  // Created a day apart, in catalog order, so "newest first" is deterministic.
  const lectureRows = await db
    .insert(lectures)
    .values(
      seedLectures.map(({ lecturer, outline, showcaseYears: _years, published = true, ...l }, i) => {
        const lecturerId = lecturerIds.get(lecturer);
        if (!lecturerId) throw new Error(`Seed lecture "${l.title}" names unknown lecturer ${lecturer}`);
        const createdAt = new Date(Date.UTC(2025, 0, 6 + i, 2));
        return {
          ...l,
          outline: outline.join('\n'),
          published,
          lecturerId,
          createdBy,
          createdAt,
          updatedAt: createdAt,
          searchVector: lectureSearchVector({ ...l, outline: outline.join('\n'), lecturerName: lecturer }),
        };
      }),
    )
    .returning({ id: lectures.id, title: lectures.title, lecturerId: lectures.lecturerId, durationMinutes: lectures.durationMinutes, published: lectures.published });
  const lectureIds = new Map(lectureRows.map((l) => [l.title, l.id]));
  const showcases = seedLectures.flatMap((l) => (l.showcaseYears ?? []).map((year) => ({ lectureId: lectureIds.get(l.title)!, year, createdBy })));
  if (showcases.length > 0) await db.insert(lectureShowcases).values(showcases);

  const seasonRows = await db
    .insert(lectureSeasons)
    .values(seedSeasons.map((season) => ({ ...season, createdBy })))
    .returning({ id: lectureSeasons.id, name: lectureSeasons.name });
  const seasonIds = new Map(seasonRows.map((s) => [s.name, s.id]));
  const published = lectureRows.filter((l) => l.published);
  // Each season offers ten published lectures, a rotating selection.
  await db.insert(seasonOffers).values(
    seasonRows.flatMap((season, s) =>
      Array.from({ length: 10 }, (_, k) => ({ seasonId: season.id, lectureId: published[(s * 3 + k) % published.length]!.id, createdBy })),
    ),
  );

  const branchAt = (i: number) => branchIds[i % branchIds.length]!;
  const slot = (day: string, lectureId: number) => {
    const lecture = lectureRows.find((l) => l.id === lectureId)!;
    const start = new Date(`${day}T14:30:00+08:00`);
    return { scheduledStartsAt: start, scheduledEndsAt: new Date(start.getTime() + lecture.durationMinutes * 60_000), lecturerId: lecture.lecturerId };
  };
  const bookingRows = seedBookings.map((b, i) => {
    const lectureId = lectureIds.get(b.lecture)!;
    const seasonId = seasonIds.get(b.season)!;
    const scheduled = b.scheduledOn ? slot(b.scheduledOn, lectureId) : {};
    return {
      branchId: branchAt(b.branch ?? i),
      lectureId,
      seasonId,
      status: b.status,
      requestedOn: b.requestedOn,
      preferredDates: b.preferredDates,
      place: b.place,
      expectedAudience: b.expectedAudience,
      ...scheduled,
      declineReason: b.declineReason ?? null,
      cancelReason: b.cancelReason ?? null,
      cancelledAt: b.cancelReason ? new Date(`${b.cancelledOn}T10:00:00+08:00`) : null,
      deliveredOn: b.status === 'delivered' ? b.scheduledOn! : null,
      attendance: b.attendance ?? null,
      rating: b.rating ?? null,
      feedback: b.feedback ?? null,
      ratedAt: b.rating ? new Date(`${b.scheduledOn}T20:00:00+08:00`) : null,
      ratedBy: b.rating ? users.get('secretary') : null,
      createdBy: users.get('secretary'),
    };
  });
  await db.insert(lectureBookings).values(bookingRows);

  const articleRows = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(inArray(articles.slug, seedHallSessions.flatMap((h) => (h.article ? [h.article] : []))));
  const articleIds = new Map(articleRows.map((a) => [a.slug, a.id]));
  const sessionRows = await db
    .insert(hallSessions)
    .values(
      seedHallSessions.map(({ article, startsAt, ...h }) => ({
        ...h,
        startsAt: new Date(startsAt),
        articleId: article ? (articleIds.get(article) ?? null) : null,
        createdBy,
      })),
    )
    .returning({ id: hallSessions.id, startsAt: hallSessions.startsAt });
  // Roster members registered by their units: attendance confirmed for the sessions held.
  const now = Date.UTC(2026, 11, 1);
  await db.insert(hallRegistrations).values(
    sessionRows.flatMap((session, s) =>
      people
        .filter((_, p) => (p + s) % 4 === 0)
        .slice(0, 12)
        .map((person, p) => ({
          sessionId: session.id,
          personId: person.id,
          attended: session.startsAt.getTime() < now ? p % 6 !== 5 : null,
          createdBy: users.get('secretary'),
        })),
    ),
  );
}

const STAGE_STEPS: { stage: DevelopmentStage; field: 'appliedOn' | 'activistOn' | 'targetOn' | 'probationaryOn' | 'fullMemberOn' }[] = [
  { stage: 'applicant', field: 'appliedOn' },
  { stage: 'activist', field: 'activistOn' },
  { stage: 'development_target', field: 'targetOn' },
  { stage: 'probationary', field: 'probationaryOn' },
  { stage: 'full_member', field: 'fullMemberOn' },
];

type SeedStep = { step: (typeof developmentStepKinds)[number]; on: string; from: DevelopmentStage | null; to: DevelopmentStage; body: 'branch_committee' | 'general_meeting' | 'higher_committee' };

/**
 * Every stage is represented in each of the first branches, with plausible stage dates that keep
 * the 2014 rules (talk within a month, a year as activist, approval within three months …); each
 * candidate's roster status is the stage reached. The first branch's newest applicant has had no
 * talk and its probationary members are past their twelve months, so the board shows an overdue
 * first talk and overdue probationers. Returns the ids of people not yet members.
 */
export async function seedDevelopment(db: Database, { users, people, branchIds }: Ids): Promise<Set<number>> {
  const [ruleSet] = await db.select({ id: developmentRuleSets.id }).from(developmentRuleSets).limit(1);
  const members = people.filter((p) => p.position === null && branchIds.includes(p.branchId));
  // Node 20 has no Map.groupBy.
  const byBranch = new Map<number, Person[]>();
  for (const p of members) byBranch.set(p.branchId, [...(byBranch.get(p.branchId) ?? []), p]);
  const createdBy = users.get('secretary');
  const notMembers = new Set<number>();
  let offset = 0;
  for (const group of [...byBranch.values()].slice(0, 3)) {
    const candidates = group.slice(-STAGE_STEPS.length);
    const introducers = group.slice(0, 2);
    for (const [level, person] of candidates.entries()) {
      // Level 0 applied weeks ago; each further stage started about a year earlier.
      const applied = addDays('2026-10-26', -offset * 9 - level * 400);
      const talked = level === 0 && offset === 0 ? null : addDays(applied, 18);
      const dates: Partial<Record<(typeof STAGE_STEPS)[number]['field'], string>> = { appliedOn: applied };
      if (level >= 1) dates.activistOn = addDays(applied, 60);
      if (level >= 2) dates.targetOn = addDays(applied, 75 + 380);
      if (level >= 3) dates.probationaryOn = addDays(applied, 75 + 380 + 120);
      if (level >= 4) dates.fullMemberOn = addDays(applied, 75 + 380 + 120 + 370);
      const t = dates.targetOn;
      const p = dates.probationaryOn;
      const assessedOn = dates.activistOn ? addDays(dates.activistOn, 180) : null;
      // The demo secretary's development target has not had the concentrated training yet: the
      // demo's concentrated round (demo-training.ts) is there for the secretary to cite.
      const trainedOn = t && !(level === 2 && person.branchId === branchIds[0]) ? addDays(t, 45) : null;
      const approvedOn = p ? addDays(p, 40) : null;
      const row = {
        talkedOn: talked,
        politicalReviewOn: t ? addDays(t, 30) : null,
        concentratedTrainingOn: trainedOn,
        preReviewedOn: p ? addDays(p, -15) : null,
        approvedOn,
        oathOn: approvedOn ? addDays(approvedOn, 10) : null,
        conversionApprovedOn: dates.fullMemberOn ? addDays(dates.fullMemberOn, 40) : null,
      };
      const [record] = await db
        .insert(developmentRecords)
        .values({
          personId: person.id,
          branchId: person.branchId,
          stage: STAGE_STEPS[level]!.stage,
          appliedOn: applied,
          activistOn: dates.activistOn,
          targetOn: t,
          concentratedTrainingDays: trainedOn ? 3 : null,
          concentratedTrainingHours: trainedOn ? 24 : null,
          probationaryOn: p,
          fullMemberOn: dates.fullMemberOn,
          ...row,
          createdBy,
        })
        .returning({ id: developmentRecords.id });
      const at = (level_: number) => STAGE_STEPS[level_]!.stage;
      const events: SeedStep[] = [
        { step: 'apply', on: applied, from: null, to: 'applicant', body: 'branch_committee' },
        ...(talked ? [{ step: 'talk', on: talked, from: at(0), to: at(0), body: 'branch_committee' } as const] : []),
        ...(dates.activistOn ? [{ step: 'to_activist', on: dates.activistOn, from: at(0), to: at(1), body: 'branch_committee' } as const] : []),
        ...(assessedOn && (!t || assessedOn < t) ? [{ step: 'assessment', on: assessedOn, from: at(1), to: at(1), body: 'branch_committee' } as const] : []),
        ...(t ? [{ step: 'to_target', on: t, from: at(1), to: at(2), body: 'branch_committee' } as const] : []),
        ...(row.politicalReviewOn ? [{ step: 'political_review', on: row.politicalReviewOn, from: at(2), to: at(2), body: 'branch_committee' } as const] : []),
        ...(row.concentratedTrainingOn ? [{ step: 'training', on: row.concentratedTrainingOn, from: at(2), to: at(2), body: 'higher_committee' } as const] : []),
        ...(row.preReviewedOn ? [{ step: 'pre_review', on: row.preReviewedOn, from: at(2), to: at(2), body: 'higher_committee' } as const] : []),
        ...(p ? [{ step: 'to_probationary', on: p, from: at(2), to: at(3), body: 'general_meeting' } as const] : []),
        ...(row.approvedOn ? [{ step: 'approval', on: row.approvedOn, from: at(3), to: at(3), body: 'higher_committee' } as const] : []),
        ...(row.oathOn ? [{ step: 'oath', on: row.oathOn, from: at(3), to: at(3), body: 'branch_committee' } as const] : []),
        ...(dates.fullMemberOn ? [{ step: 'to_full_member', on: dates.fullMemberOn, from: at(3), to: at(4), body: 'general_meeting' } as const] : []),
        ...(row.conversionApprovedOn ? [{ step: 'conversion_approval', on: row.conversionApprovedOn, from: at(4), to: at(4), body: 'higher_committee' } as const] : []),
      ];
      const written = await db
        .insert(developmentTransitions)
        .values(events.map((e) => ({ recordId: record!.id, fromStage: e.from, toStage: e.to, step: e.step, decidedOn: e.on, decidingBody: e.body, ruleSetId: ruleSet?.id, createdBy })))
        .returning({ id: developmentTransitions.id, step: developmentTransitions.step });
      const stepId = (kind: SeedStep['step']) => written.find((w) => w.step === kind)?.id;
      if (assessedOn && (!t || assessedOn < t)) {
        await db.insert(developmentAssessments).values({ recordId: record!.id, assessedOn, result: 'qualified', note: '思想汇报按时，参加组织活动积极。', transitionId: stepId('assessment'), createdBy });
      }
      if (t) {
        await db.insert(developmentIntroducers).values(introducers.map((i) => ({ recordId: record!.id, personId: i.id, assignedOn: t, transitionId: stepId('to_target'), createdBy })));
      }
      const stage = STAGE_STEPS[level]!.stage as MemberStatus;
      const joinedPartyOn = dates.probationaryOn ?? null;
      await db
        .update(peopleTable)
        .set({ status: stage, statusSince: dates[STAGE_STEPS[level]!.field]!, joinedPartyOn })
        .where(eq(peopleTable.id, person.id));
      if (level < 3) notMembers.add(person.id);
    }
    offset++;
  }
  return notMembers;
}
