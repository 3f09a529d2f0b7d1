import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { lecturers, lectures, type LectureTheme } from '@/db/schema/lectures';
import { toTsvectorLiteral } from '@/lib/search/tokenize';
import { themeLabels } from './labels';

export type SearchableLecture = { title: string; theme: LectureTheme; lecturerName: string; summary: string; outline: string };

/** `lectures.search_vector`: title (A), theme and lecturer (B), synopsis and outline (C), as CJK bigrams. */
export function lectureSearchVector(lecture: SearchableLecture): SQL {
  const literal = toTsvectorLiteral([
    { text: lecture.title, weight: 'A' },
    { text: `${themeLabels[lecture.theme]}\n${lecture.lecturerName}`, weight: 'B' },
    { text: `${lecture.summary}\n${lecture.outline}`, weight: 'C' },
  ]);
  return sql`${literal}::tsvector`;
}

/** Recomputes lecture vectors (all, or those still empty after the migration); returns how many. */
export async function rebuildLectureSearchVectors(db: Database, { onlyMissing = false, batchSize = 200 } = {}): Promise<number> {
  let lastId = 0;
  let done = 0;
  const missing = onlyMissing ? sql`${lectures.searchVector} = ''::tsvector` : undefined;
  for (;;) {
    const batch = await db
      .select({ id: lectures.id, title: lectures.title, theme: lectures.theme, summary: lectures.summary, outline: lectures.outline, lecturerName: lecturers.name })
      .from(lectures)
      .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
      .where(and(gt(lectures.id, lastId), missing))
      .orderBy(asc(lectures.id))
      .limit(batchSize);
    if (batch.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of batch) await tx.update(lectures).set({ searchVector: lectureSearchVector(row) }).where(eq(lectures.id, row.id));
    });
    lastId = batch.at(-1)!.id;
    done += batch.length;
  }
}
