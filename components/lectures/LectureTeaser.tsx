import type { ShowcaseLecture } from '@/lib/lectures/queries';
import styles from './lectures.module.css';

export function LectureTeaser({ lectures }: { lectures: ShowcaseLecture[] }) {
  if (lectures.length === 0) return null;
  return (
    <section className={styles.teaser} aria-labelledby="lecture-teaser-title">
      <h2 id="lecture-teaser-title">精品党课</h2>
      <p className={styles.lead}>百名党课讲师、百节精品党课，支持各支部按需预约“四季送课”。</p>
      <ul>
        {lectures.map((lecture) => (
          <li key={lecture.id}>
            <span className={styles.theme}>{lecture.theme}</span>
            <strong>{lecture.title}</strong>
            <span className={styles.meta}>
              主讲：{lecture.lecturerName}（{lecture.lecturerUnit}）· {lecture.durationMinutes} 分钟
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
