import 'server-only';
import { eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { branches } from '@/db/schema/branches';
import { people } from '@/db/schema/people';
import { trainees, trainingAttendance } from '@/db/schema/training';
import { matchSheet, type MatchReport } from './import-match';
import type { SheetRow } from './schemas';

// What a sheet is matched against: the round's trainees with the names of every node on their
// branch's path (so 单位 may name the unit or the branch), who is already marked present at the
// session, and the roster's names and numbers (to tell "not enrolled" from "unknown").

async function branchPaths(db: Database): Promise<(id: number) => string[]> {
  const rows = await db.select({ id: branches.id, parentId: branches.parentId, name: branches.name }).from(branches);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id) => {
    const names: string[] = [];
    for (let node = byId.get(id), depth = 0; node && depth < 32; node = node.parentId === null ? undefined : byId.get(node.parentId), depth++) names.unshift(node.name);
    return names;
  };
}

export async function matchSheetForSession(db: Database, session: { id: number; roundId: number }, rows: readonly SheetRow[]): Promise<MatchReport> {
  const names = [...new Set(rows.map((r) => r.name).filter(Boolean))];
  const ids = [...new Set(rows.map((r) => r.personId).filter((id): id is number => id !== null))];
  const [pathOf, enrolled, present, rosterRows] = await Promise.all([
    branchPaths(db),
    db
      .select({ traineeId: trainees.id, personId: trainees.personId, name: people.name, branchId: trainees.branchId })
      .from(trainees)
      .innerJoin(people, eq(people.id, trainees.personId))
      .where(eq(trainees.roundId, session.roundId)),
    db.select({ traineeId: trainingAttendance.traineeId }).from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id)),
    names.length || ids.length
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(or(names.length ? inArray(people.name, names) : undefined, ids.length ? inArray(people.id, ids) : undefined))
      : Promise.resolve([]),
  ]);
  const rosterNames = new Set(rosterRows.map((p) => p.name));
  const rosterIds = new Set(rosterRows.map((p) => p.id));
  return matchSheet(rows, {
    trainees: enrolled.map((t) => ({ traineeId: t.traineeId, personId: t.personId, name: t.name, branchNames: pathOf(t.branchId) })),
    present: new Set(present.map((p) => p.traineeId)),
    inRoster: (row) => (row.personId !== null ? rosterIds.has(row.personId) : rosterNames.has(row.name)),
  });
}
