import './setup/request-mocks';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lectureShowcases, lecturers, lectures } from '@/db/schema/lectures';
import { GET as lecturesRoute } from '@/app/(public)/lectures/[[...path]]/route';
import { GET as findRoute } from '@/app/(public)/lectures/find/route';
import { GET as lecturersRoute } from '@/app/(public)/lecturers/[[...path]]/route';
import { GET as homeRoute } from '@/app/(public)/[[...edition]]/route';
import { NextRequest } from 'next/server';
import {
  catalogFilterOptions,
  findPublicLecture,
  findPublicLecturer,
  lectureFigures,
  listCatalog,
  listListedLecturers,
  listShowcaseLectures,
} from '@/lib/lectures/queries';
import { listHallSessions } from '@/lib/lectures/hall';
import { withDemoDatabase } from './setup/demo-database';

// The public lecture pages on the demo catalog: only published lectures of active lecturers,
// averages only from five ratings, filters and the CJK search, and never a contact detail.

const db = withDemoDatabase();

const FOUNDING = '伟大建党精神的历史渊源与时代价值';
const IRON_ARMY = '铁军精神在江州：新四军抗战往事';
const DRAFT = '党内法规学习要点';

async function lectureId(title: string) {
  const [row] = await db.db.select({ id: lectures.id }).from(lectures).where(eq(lectures.title, title));
  return row!.id;
}
async function lecturerId(name: string) {
  const [row] = await db.db.select({ id: lecturers.id }).from(lecturers).where(eq(lecturers.name, name));
  return row!.id;
}
const all = (filters: Parameters<typeof listCatalog>[0], today = '2026-12-02') => listCatalog(filters, { pageSize: 100, today }).then((p) => p.items);
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
const params = (path?: string[]) => ({ params: Promise.resolve({ path }) });

describe('public lecture queries', () => {
  it('show published lectures only, and none of an inactive lecturer', async () => {
    const draft = await lectureId(DRAFT);
    const catalog = await all({});
    expect(catalog.length).toBeGreaterThan(10);
    expect(titles(catalog)).not.toContain(DRAFT);
    expect(await findPublicLecture(draft)).toBeNull();

    await db.db.update(lectures).set({ published: true }).where(eq(lectures.id, draft));
    expect(titles(await all({}))).toContain(DRAFT);
    expect(await findPublicLecture(draft)).not.toBeNull();
    await db.db.update(lectures).set({ published: false }).where(eq(lectures.id, draft));

    const shao = await lecturerId('邵建业');
    await db.db.update(lecturers).set({ inPool: false }).where(eq(lecturers.id, shao));
    expect((await all({})).some((l) => l.lecturerId === shao)).toBe(false);
    expect(await findPublicLecturer(shao)).toBeNull();
    expect((await catalogFilterOptions()).lecturers.some((l) => l.id === shao)).toBe(false);
    await db.db.update(lecturers).set({ inPool: true }).where(eq(lecturers.id, shao));
    expect(await findPublicLecturer(shao)).not.toBeNull();
  });

  it('show the average rating only from five ratings on', async () => {
    expect(await lectureFigures(await lectureId(FOUNDING))).toEqual({ delivered: 5, ratings: 5, averageRating: 4.6 });
    expect(await lectureFigures(await lectureId(IRON_ARMY))).toEqual({ delivered: 3, ratings: 3, averageRating: null });
    const detail = await findPublicLecture(await lectureId(FOUNDING));
    expect(detail?.figures.averageRating).toBe(4.6);
    expect(detail?.outline.length).toBeGreaterThan(2);
  });

  it('filter by theme, format, lecturer and a year’s showcase list', async () => {
    const integrity = await all({ theme: 'integrity' });
    expect(integrity.length).toBeGreaterThan(0);
    expect(integrity.every((l) => l.theme === 'integrity')).toBe(true);
    expect((await all({ format: 'on_site' })).every((l) => l.format === 'on_site')).toBe(true);
    const song = await lecturerId('宋晓薇');
    expect(titles(await all({ lecturerId: song }))).toEqual(titles([{ title: IRON_ARMY }, { title: '重走东乡抗战路' }]));

    const showcased = await db.db
      .select({ title: lectures.title })
      .from(lectureShowcases)
      .innerJoin(lectures, eq(lectures.id, lectureShowcases.lectureId))
      .where(eq(lectureShowcases.year, 2026));
    expect(titles(await all({ year: 2026 }))).toEqual(titles(showcased));
    expect(titles(await all({ year: 2026, theme: 'integrity' }))).toEqual(['清风江州：廉洁文化情景党课']);
  });

  it('search titles, synopses, outlines and lecturer names as Chinese text', async () => {
    expect(titles(await all({ q: '营商环境' }))).toEqual(titles([{ title: '机关党员如何当好营商环境“服务员”' }, { title: '走进园区听企业说' }]));
    expect(titles(await all({ q: '邵建业' }))).toEqual(titles([{ title: '锲而不舍纠治“四风”' }, { title: '清风江州：廉洁文化情景党课' }]));
    // An outline line only.
    expect(titles(await all({ q: '入党志愿书' }))).toContain('档案里的初心');
    // A lone character is matched as a substring.
    expect(titles(await all({ q: '廉' }))).toContain('清风江州：廉洁文化情景党课');
    expect(await all({ q: '量子计算' })).toEqual([]);
    expect(titles(await all({ q: '党内法规' }))).not.toContain(DRAFT);
  });

  it('mark what can be booked in the season open on a day', async () => {
    const open = (await all({}, '2026-12-02')).filter((l) => l.bookable);
    expect(open).toHaveLength(10);
    expect((await all({}, '2027-02-01')).some((l) => l.bookable)).toBe(false);
  });

  it('list a year’s lecturers and the newest showcase list', async () => {
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    expect(names(await listListedLecturers(2025))).toContain('贺俊达');
    expect(names(await listListedLecturers(2026))).not.toContain('贺俊达');
    expect(names(await listListedLecturers(2026))).toContain('柯雨晴');
    const teaser = await listShowcaseLectures({ limit: 10 });
    expect(teaser.year).toBe(2026);
    expect(titles(teaser.lectures)).toEqual(titles([{ title: "档案里的初心" }, { title: "清风江州：廉洁文化情景党课" }, { title: IRON_ARMY }, { title: "走进园区听企业说" }]));
  });

  it('split the hall into upcoming and past, linking visible articles', async () => {
    const { upcoming, past } = await listHallSessions({ now: new Date('2026-12-01T00:00:00Z') });
    expect(upcoming.map((s) => s.theme)).toEqual(['学思践悟党的创新理论', '档案里的初心', '把理论讲到群众心坎上']);
    expect(past[0]!.theme).toBe('党内法规与机关日常工作');
    expect(past.find((s) => s.series === 'monday' && s.article)?.article?.slug).toBe('2025-05-monday-lecture-founding-spirit');
  });
});

describe('public lecture pages', () => {
  async function page(response: Response | Promise<Response>, status = 200) {
    const r = await response;
    expect(r.status).toBe(status);
    const html = await r.text();
    expect(html).not.toContain('/_next/');
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    // Contact details are internal.
    expect(html).not.toMatch(/0513-8012|@jz-organs/);
    return html;
  }

  it('render the catalog, a lecture, the lecturers, a lecturer and the hall', async () => {
    const catalog = await page(lecturesRoute(new Request('http://localhost/lectures'), params()));
    expect(catalog).toContain('<h1>党课菜单</h1>');
    expect(catalog).not.toContain(DRAFT);
    const filtered = await page(findRoute(new NextRequest('http://localhost/lectures/find?theme=integrity')));
    expect(filtered).toContain('清风江州：廉洁文化情景党课');
    expect(filtered).not.toContain(IRON_ARMY);
    expect(filtered).toContain('<option value="integrity" selected="">廉洁文化</option>');

    const id = await lectureId(FOUNDING);
    const lecture = await page(lecturesRoute(new Request('http://localhost/'), params([String(id)])));
    expect(lecture).toContain(`<h1>${FOUNDING}</h1>`);
    expect(lecture).toContain('4.6 分（5 条评价）');
    expect(lecture).toContain('如何预约');
    const iron = await page(lecturesRoute(new Request('http://localhost/'), params([String(await lectureId(IRON_ARMY))])));
    expect(iron).toContain('评价满 5 条后显示');

    await page(lecturesRoute(new Request('http://localhost/'), params([String(await lectureId(DRAFT))])), 404);
    await page(lecturesRoute(new Request('http://localhost/'), params(['abc'])), 404);

    const list = await page(lecturersRoute(new Request('http://localhost/'), params()));
    expect(list).toContain('2026年度百名党课讲师');
    const list2025 = await page(lecturersRoute(new Request('http://localhost/'), params(['year', '2025'])));
    expect(list2025).toContain('贺俊达');
    await page(lecturersRoute(new Request('http://localhost/'), params(['year', '2019'])), 404);
    const lecturer = await page(lecturersRoute(new Request('http://localhost/'), params([String(await lecturerId('陆文渊'))])));
    expect(lecturer).toContain('<h1 id=');
    expect(lecturer).toContain(FOUNDING);

    const hall = await page(lecturesRoute(new Request('http://localhost/'), params(['hall'])));
    expect(hall).toContain('周一大讲堂');
    expect(hall).toContain('/articles/2025-05-monday-lecture-founding-spirit');
  });

  it('link the home teaser into the catalog, a lecture and its lecturer', async () => {
    const home = await page(homeRoute(new Request('http://localhost/'), { params: Promise.resolve({}) }));
    expect(home).toContain('href="/lectures?year=2026"');
    expect(home).toMatch(/href="\/lectures\/\d+"/);
    expect(home).toMatch(/href="\/lecturers\/\d+"/);
  });

  it('never select a contact detail for a public read', async () => {
    const ids = (await db.db.select({ id: lecturers.id }).from(lecturers).where(inArray(lecturers.name, ['陆文渊']))).map((r) => r.id);
    const lecturer = await findPublicLecturer(ids[0]!);
    expect(lecturer).not.toHaveProperty('phone');
    expect(lecturer).not.toHaveProperty('email');
  });
});
