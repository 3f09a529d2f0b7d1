import type { ShowcaseLecture } from '@/lib/lectures/queries';
import { themeLabels } from '@/lib/lectures/labels';

export function LectureTeaser({ year, lectures }: { year: number | null; lectures: ShowcaseLecture[] }) {
  if (lectures.length === 0 || year === null) return null;
  return (
    <section className="lecture-teaser" aria-labelledby="lecture-teaser-title">
      <div className="lecture-teaser-head">
        <h2 id="lecture-teaser-title">{year}年度精品党课</h2>
        <a href={`/lectures?year=${year}`}>全部精品党课</a>
      </div>
      <p className="lecture-lead">
        百名党课讲师、百节精品党课，支持各支部按需预约“四季送课”。<a href="/lecturers">党课讲师名单</a> · <a href="/lectures/hall">大讲堂</a>
      </p>
      <ul>
        {lectures.map((lecture) => (
          <li key={lecture.id}>
            <span className="lecture-theme">{themeLabels[lecture.theme]}</span>
            <a className="lecture-title" href={`/lectures/${lecture.id}`}>
              {lecture.title}
            </a>
            <span className="lecture-meta">
              主讲：<a href={`/lecturers/${lecture.lecturerId}`}>{lecture.lecturerName}</a>（{lecture.lecturerUnit}）· {lecture.durationMinutes} 分钟
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
