import { LecturersView, LecturerView } from '@/components/lectures/LecturersView';
import { lecturersHref } from '@/components/lectures/hrefs';
import { parseId } from '@/lib/ids';
import { lecturerFigures } from '@/lib/lectures/lecturer-figures';
import { findPublicLecturer, lecturerListYears, listListedLecturers } from '@/lib/lectures/queries';
import { notFoundPage, orErrorPage, publicPage } from '../../respond';

// /lecturers (the newest year's list), /lecturers/year/<year> (the target of `?year=`, see
// next.config.ts) and /lecturers/<id>; cached on first request (ISR). No contact details.
export const revalidate = 60;
export const generateStaticParams = () => [];

function listPage(year: number | undefined) {
  return orErrorPage(lecturersHref(year), async () => {
    const years = await lecturerListYears();
    const shown = year ?? years[0] ?? null;
    if (year !== undefined && !years.includes(year)) return notFoundPage();
    const lecturers = shown === null ? [] : await listListedLecturers(shown);
    const title = shown ? `${shown}年度百名党课讲师` : '百名党课讲师';
    return publicPage(
      { title, description: '市级机关百名党课讲师名单，从千人师资库中遴选发布。', canonical: lecturersHref(year), openGraph: { type: 'website', title } },
      <LecturersView year={shown} years={years} lecturers={lecturers} />,
    );
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path } = await params;
  if (path === undefined) return listPage(undefined);
  const address = `/lecturers/${path.map(encodeURIComponent).join('/')}`;
  if (path.length === 2 && path[0] === 'year' && /^\d{4}$/.test(path[1]!)) return listPage(Number(path[1]));
  const id = path.length === 1 ? parseId(path[0]) : null;
  if (id === null) return orErrorPage(address, notFoundPage);
  return orErrorPage(address, async () => {
    const lecturer = await findPublicLecturer(id);
    if (!lecturer) return notFoundPage();
    const figures = await lecturerFigures(lecturer.id);
    return publicPage(
      { title: `${lecturer.name}：党课讲师`, description: lecturer.bio || null, canonical: `/lecturers/${lecturer.id}`, openGraph: { type: 'website', title: lecturer.name } },
      <LecturerView lecturer={lecturer} figures={figures} />,
    );
  });
}
