import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { articles } from '../db/schema/articles';
import { columns } from '../db/schema/columns';
import { seededRandom } from '../tasks/seed/random';
import { blocksToDoc } from '../tasks/seed/rich-text';
import type { SeedBlock } from '../tasks/seed/types';
import { renderRichText, richTextToPlain } from '../lib/news/rich-text';
import { articleSearchColumns } from '../lib/news/search-index';
import * as words from './phrases';

const BATCH = 500;
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2025, 11, 31, 12);

type Theme = typeof words.businessEnvironment | undefined;

/** One synthetic article's fields, before it becomes a row. */
function generate(index: number, random: ReturnType<typeof seededRandom>) {
  const roll = random.next();
  // ~5% 营商环境, ~8% 党课, ~4% AI / 2025年度; the rest uses the general vocabulary only.
  const theme: Theme =
    roll < 0.05 ? words.businessEnvironment : roll < 0.13 ? words.partyLecture : roll < 0.17 ? words.aiAndAnnual : undefined;
  const unit = random.pick(words.units);
  const branch = random.pick(words.branches);
  // Half the themed articles carry the theme in the title, the other half only in the body.
  const themeInTitle = theme !== undefined && random.next() < 0.5;
  const title = themeInTitle ? `${unit}${branch}${random.pick(theme.titles)}` : `${unit}${branch}${random.pick(words.actions)}${random.pick(words.events)}`;
  const publishedAt = new Date(FROM + Math.floor(random.next() * (TO - FROM)));
  const date = `${publishedAt.getUTCMonth() + 1}月${publishedAt.getUTCDate()}日`;

  const paragraphs: string[] = [];
  const count = random.int(3, 6);
  for (let p = 0; p < count; p++) {
    const parts: string[] = p === 0 ? [`${date}，${unit}${branch}${random.pick(words.actions)}${random.pick(words.events)}。`] : [];
    for (let s = random.int(2, 4); s > 0; s--) parts.push(random.pick(words.sentences));
    paragraphs.push(parts.join(''));
  }
  if (theme) {
    const at = random.int(0, paragraphs.length - 1);
    paragraphs[at] += random.pick(theme.sentences);
  }
  const body: SeedBlock[] = paragraphs.map((p) => ({ p }));
  return {
    slug: `bench-${String(index).padStart(6, '0')}`,
    kicker: random.next() < 0.3 ? random.pick(words.kickers) : undefined,
    title,
    byline: `记者 ${random.pick(words.reporters)}`,
    source: '江州市委市级机关工委',
    summary: `${paragraphs[0]!.slice(0, 78)}…`,
    publishedAt,
    body,
  };
}

/**
 * Inserts `count` published articles, built like tasks/seed/demo-news.ts builds the demo,
 * numbered from `from` (to add to a corpus already there).
 */
export async function insertCorpus(db: Database, count: number, onProgress?: (done: number) => void, { from = 0 } = {}): Promise<void> {
  const columnIds = (await db.select({ id: columns.id }).from(columns)).map((c) => c.id);
  if (columnIds.length === 0) throw new Error('No columns in the database: was it seeded?');
  // Fixed seed: every run benchmarks the same corpus.
  const random = seededRandom(20_250_101 + from);
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) {
      const { body, publishedAt, ...fields } = generate(from + i, random);
      const bodyJson = blocksToDoc(body);
      rows.push({
        ...fields,
        columnId: random.pick(columnIds),
        bodyJson,
        bodyHtml: renderRichText(bodyJson),
        status: 'published' as const,
        publishAt: publishedAt,
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
        ...articleSearchColumns({ ...fields, bodyText: richTextToPlain(bodyJson) }),
      });
    }
    await db.insert(articles).values(rows);
    onProgress?.(Math.min(start + BATCH, count));
  }
  // Fresh statistics, so the planner sees 20k rows rather than the demo's few dozen.
  await db.execute(sql`analyze`);
}
