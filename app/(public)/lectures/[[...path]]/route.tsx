import { HallView } from '@/components/lectures/HallView';
import { LectureView } from '@/components/lectures/LectureView';
import { parseId } from '@/lib/ids';
import { listHallSessions } from '@/lib/lectures/hall';
import { findPublicLecture } from '@/lib/lectures/queries';
import { notFoundPage, orErrorPage, publicPage } from '../../respond';
import { catalogPage } from '../catalog-page';

// /lectures (the unfiltered catalog), /lectures/hall and /lectures/<id>, cached on first
// request (ISR). An optional catch-all renders nothing at build time, when no database exists.
// Filtered catalog addresses (`?theme=` …) are rewritten to ../find, rendered per request.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path } = await params;
  if (path === undefined) return catalogPage({}, 1);
  const address = `/lectures/${path.map(encodeURIComponent).join('/')}`;
  if (path.length !== 1) return orErrorPage(address, notFoundPage);
  if (path[0] === 'hall') {
    return orErrorPage(address, async () => {
      const sessions = await listHallSessions();
      return publicPage(
        { title: '机关大讲堂', description: '市级机关大讲堂与周一大讲堂的近期讲座和往期回顾。', canonical: '/lectures/hall', openGraph: { type: 'website', title: '机关大讲堂' } },
        <HallView {...sessions} />,
      );
    });
  }
  const id = parseId(path[0]);
  return orErrorPage(address, async () => {
    const lecture = id === null ? null : await findPublicLecture(id);
    if (!lecture) return notFoundPage();
    return publicPage(
      {
        title: lecture.title,
        description: lecture.summary || null,
        canonical: `/lectures/${lecture.id}`,
        openGraph: { type: 'article', title: lecture.title, description: lecture.summary || null },
      },
      <LectureView lecture={lecture} />,
    );
  });
}
