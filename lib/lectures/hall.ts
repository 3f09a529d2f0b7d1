import 'server-only';
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema/articles';
import { hallSessions, type HallSeries } from '@/db/schema/lectures';
import { publiclyVisible } from '@/lib/news/visibility';

// Public reads of the 大讲堂 sessions.

export type HallSessionItem = {
  id: number;
  series: HallSeries;
  startsAt: Date;
  theme: string;
  speaker: string;
  place: string;
  capacity: number | null;
  article: { slug: string; title: string } | null;
};

/** The 大讲堂 page: upcoming sessions soonest first, past ones newest first (the latest `pastLimit`). */
export async function listHallSessions({ now = new Date(), pastLimit = 30 }: { now?: Date; pastLimit?: number } = {}): Promise<{ upcoming: HallSessionItem[]; past: HallSessionItem[] }> {
  const db = await getDb();
  const fields = {
    id: hallSessions.id,
    series: hallSessions.series,
    startsAt: hallSessions.startsAt,
    theme: hallSessions.theme,
    speaker: hallSessions.speaker,
    place: hallSessions.place,
    capacity: hallSessions.capacity,
    articleSlug: articles.slug,
    articleTitle: articles.title,
  };
  // Only a publicly visible article is linked.
  const joined = () => db.select(fields).from(hallSessions).leftJoin(articles, and(eq(articles.id, hallSessions.articleId), publiclyVisible));
  const [upcoming, past] = await Promise.all([
    joined().where(gte(hallSessions.startsAt, now)).orderBy(asc(hallSessions.startsAt), asc(hallSessions.id)),
    joined().where(lt(hallSessions.startsAt, now)).orderBy(desc(hallSessions.startsAt), desc(hallSessions.id)).limit(pastLimit),
  ]);
  const shape = ({ articleSlug, articleTitle, ...rest }: (typeof upcoming)[number]): HallSessionItem => ({
    ...rest,
    article: articleSlug && articleTitle ? { slug: articleSlug, title: articleTitle } : null,
  });
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}
