import 'server-only';
import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema/articles';
import { branches } from '@/db/schema/branches';
import { hallRegistrations, hallSessions, type HallSeries } from '@/db/schema/lectures';
import { people } from '@/db/schema/people';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { inBranchIds } from '@/lib/branches/visible';
import { cursorFields, keyset, type KeysetPage, keysetPage, timestampKey } from '@/lib/pagination/keyset';
import { nodeMembers } from '@/lib/records/roster';
import { scopeIds } from '@/lib/records/scope';
import { REGISTRATION_LIST_CAP } from './schemas';

// Admin reads of the 大讲堂: the sessions with how many registered, one session with its
// registrations (a secretary sees only their own subtree's), a node's members to register.

export const HALL_PAGE_SIZE = 20;
/** The registrations listed on one page, which the attendance form also confirms at most. */
export { REGISTRATION_LIST_CAP };

export type HallAdminItem = {
  id: number;
  series: HallSeries;
  startsAt: Date;
  theme: string;
  speaker: string;
  place: string;
  capacity: number | null;
  classHours: number | null;
  registered: number;
  attended: number;
};

const upcomingOrder = keyset({ sort: timestampKey(hallSessions.startsAt), id: hallSessions.id, direction: 'asc' });
const pastOrder = keyset({ sort: timestampKey(hallSessions.startsAt), id: hallSessions.id, direction: 'desc' });

/** Registrations a branch-scoped actor may see: of people now in their subtree. */
function registrationScope(actor: Actor) {
  const scope = scopeIds(actor, 'hall.read');
  return scope === null ? undefined : inArray(hallRegistrations.personId, sql`(select ${people.id} from ${people} where ${inBranchIds(people.branchId, scope)})`);
}

/** Upcoming sessions soonest first, or past ones newest first, a page at a time. */
export async function listHallSessionsForAdmin(actor: Actor, { when, cursor, now = new Date() }: { when: 'upcoming' | 'past'; cursor?: string | string[]; now?: Date }): Promise<KeysetPage<HallAdminItem>> {
  authorize(actor, 'hall.read');
  const db = await getDb();
  const order = when === 'upcoming' ? upcomingOrder : pastOrder;
  const page = await keysetPage({
    keyset: order,
    cursor,
    pageSize: HALL_PAGE_SIZE,
    rows: (q) =>
      db
        .select({
          id: hallSessions.id,
          series: hallSessions.series,
          startsAt: hallSessions.startsAt,
          theme: hallSessions.theme,
          speaker: hallSessions.speaker,
          place: hallSessions.place,
          capacity: hallSessions.capacity,
          classHours: hallSessions.classHours,
          ...cursorFields(order),
        })
        .from(hallSessions)
        .where(and(when === 'upcoming' ? gte(hallSessions.startsAt, now) : lt(hallSessions.startsAt, now), q.where))
        .orderBy(...q.orderBy)
        .limit(q.limit),
  });
  const counts = await registrationCounts(actor, page.items.map((s) => s.id));
  return { ...page, items: page.items.map((s) => ({ ...s, ...(counts.get(s.id) ?? { registered: 0, attended: 0 }) })) };
}

/** Registered and attended per session, within the actor's scope. */
async function registrationCounts(actor: Actor, sessionIds: number[]): Promise<Map<number, { registered: number; attended: number }>> {
  if (sessionIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ sessionId: hallRegistrations.sessionId, registered: count(), attended: sql<number>`count(*) filter (where ${hallRegistrations.attended})`.mapWith(Number) })
    .from(hallRegistrations)
    .where(and(inArray(hallRegistrations.sessionId, sessionIds), registrationScope(actor)))
    .groupBy(hallRegistrations.sessionId);
  return new Map(rows.map((r) => [r.sessionId, { registered: r.registered, attended: r.attended }]));
}

export type HallSessionDetail = HallAdminItem & {
  version: number;
  articleId: number | null;
  article: { title: string; slug: string } | null;
  /** Registered in the whole hall (capacity is the hall's, whoever registered). */
  totalRegistered: number;
};

export async function findHallSessionForAdmin(actor: Actor, id: number): Promise<HallSessionDetail | null> {
  authorize(actor, 'hall.read');
  const db = await getDb();
  const [row] = await db
    .select({ session: hallSessions, articleTitle: articles.title, articleSlug: articles.slug })
    .from(hallSessions)
    .leftJoin(articles, eq(articles.id, hallSessions.articleId))
    .where(eq(hallSessions.id, id));
  if (!row) return null;
  const [counts, [total]] = await Promise.all([registrationCounts(actor, [id]), db.select({ n: count() }).from(hallRegistrations).where(eq(hallRegistrations.sessionId, id))]);
  const s = row.session;
  return {
    id: s.id,
    series: s.series,
    startsAt: s.startsAt,
    theme: s.theme,
    speaker: s.speaker,
    place: s.place,
    capacity: s.capacity,
    classHours: s.classHours,
    version: s.version,
    articleId: s.articleId,
    article: row.articleTitle && row.articleSlug ? { title: row.articleTitle, slug: row.articleSlug } : null,
    ...(counts.get(id) ?? { registered: 0, attended: 0 }),
    totalRegistered: total?.n ?? 0,
  };
}

export type HallRegistrationRow = { id: number; personId: number; name: string; branchName: string; attended: boolean | null };

/** A session's registrations the actor may see, by unit then name; at most REGISTRATION_LIST_CAP. */
export async function listHallRegistrations(actor: Actor, sessionId: number): Promise<HallRegistrationRow[]> {
  authorize(actor, 'hall.read');
  const db = await getDb();
  return db
    .select({ id: hallRegistrations.id, personId: people.id, name: people.name, branchName: branches.name, attended: hallRegistrations.attended })
    .from(hallRegistrations)
    .innerJoin(people, eq(people.id, hallRegistrations.personId))
    .innerJoin(branches, eq(branches.id, people.branchId))
    .where(and(eq(hallRegistrations.sessionId, sessionId), registrationScope(actor)))
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(people.name), asc(people.id))
    .limit(REGISTRATION_LIST_CAP);
}

export type RegistrationChoice = { id: number; name: string; committee: string | null; registered: boolean };

/** A node's members with whether each is registered: the registration form's rows. */
export async function registrationChoices(actor: Actor, sessionId: number, nodeId: number, onDay: string): Promise<RegistrationChoice[]> {
  authorize(actor, 'hall.register', { branchId: nodeId });
  const db = await getDb();
  const members = await nodeMembers(db, nodeId, onDay);
  if (members.length === 0) return [];
  const rows = await db
    .select({ personId: hallRegistrations.personId })
    .from(hallRegistrations)
    .where(and(eq(hallRegistrations.sessionId, sessionId), inArray(hallRegistrations.personId, members.map((m) => m.id))));
  const registered = new Set(rows.map((r) => r.personId));
  return members.map((m) => ({ id: m.id, name: m.name, committee: m.committee, registered: registered.has(m.id) }));
}

export const canRegister = (actor: Actor) => can(actor, 'hall.register');
