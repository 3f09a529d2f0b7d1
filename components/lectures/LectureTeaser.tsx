import type { ShowcaseLecture } from '@/lib/lectures/queries';

export function LectureTeaser({ lectures }: { lectures: ShowcaseLecture[] }) {
  if (lectures.length === 0) return null;
  return (
    <section className="lecture-teaser" aria-labelledby="lecture-teaser-title">
      <h2 id="lecture-teaser-title">精品党课</h2>
      <p className="lecture-lead">百名党课讲师、百节精品党课，支持各支部按需预约“四季送课”。</p>
      <ul>
        {lectures.map((lecture) => (
          <li key={lecture.id}>
            <span className="lecture-theme">{lecture.theme}</span>
            <strong>{lecture.title}</strong>
            <span className="lecture-meta">
              主讲：{lecture.lecturerName}（{lecture.lecturerUnit}）· {lecture.durationMinutes} 分钟
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
