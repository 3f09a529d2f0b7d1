import 'server-only';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { committeePositions, people } from '@/db/schema/people';
import { branchSubtree } from '@/lib/branches/queries';
import type { RosterPerson } from './types';

// Who may appear on a node's record: the members (probationary and full) of the node and of the
// nodes below it (a branch's members who sit on its party groups attend its general meeting), the
// grid's rows and the people the host, recorder and speaker are chosen from. Applicants and
// activists are on the roster page, not in the attendance grid.

export const MEMBER_STATUSES = ['probationary', 'full_member'] as const;

const positionLabels: Record<string, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization_member: '组织委员',
  propaganda_member: '宣传委员',
  discipline_member: '纪检委员',
  committee_member: '委员',
};

/** The node's members by name, each with the committee position held on `onDay`, if any. */
export async function nodeMembers(db: Database, branchId: number, onDay: string): Promise<RosterPerson[]> {
  const subtree = await branchSubtree(db, branchId);
  if (subtree.length === 0) return [];
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      status: people.status,
      position: sql<string | null>`(select cp.position from ${committeePositions} cp
        where cp.person_id = ${people.id} and cp.starts_on <= ${onDay}
          and cp.ends_on >= ${onDay} and (cp.ended_on is null or cp.ended_on >= ${onDay})
        order by cp.starts_on desc limit 1)`,
    })
    .from(people)
    .where(and(inArray(people.branchId, subtree), inArray(people.status, [...MEMBER_STATUSES])))
    .orderBy(asc(people.name), asc(people.id));
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, committee: r.position ? (positionLabels[r.position] ?? null) : null }));
}

/** Names of people by id (any branch): a record's past attendees may since have moved. */
export async function peopleNames(db: Database, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

