import { Breadcrumb } from '@/components/news/Breadcrumb';
import { MIN_RATINGS_SHOWN } from '@/lib/lectures/labels';
import type { LectureFigures, LecturerDetail, ListedLecturer } from '@/lib/lectures/queries';
import { LectureCard } from './CatalogView';
import { lecturersHref } from './hrefs';
import { LecturerCard } from './LectureView';

export function LecturersView({ year, years, lecturers }: { year: number | null; years: number[]; lecturers: ListedLecturer[] }) {
  return (
    <>
      <Breadcrumb items={[{ label: '党课讲师' }]} />
      <header className="lecture-header">
        <h1>{year ? `${year}年度百名党课讲师` : '百名党课讲师'}</h1>
        <p>从全市千人师资库中遴选发布。另见 <a href="/lectures">党课菜单</a>。</p>
      </header>
      {years.length > 1 && (
        <nav aria-label="名单年度" className="lecture-years">
          {years.map((y) =>
            y === year ? (
              <span key={y} aria-current="page">
                {y}年度
              </span>
            ) : (
              <a key={y} href={lecturersHref(y)}>
                {y}年度
              </a>
            ),
          )}
        </nav>
      )}
      {lecturers.length === 0 ? (
        <p className="lecture-empty">名单尚未发布。</p>
      ) : (
        <ul className="lecturer-list">
          {lecturers.map((l) => (
            <li key={l.id} className="lecture-card">
              <h2>
                <a href={`/lecturers/${l.id}`}>{l.name}</a>
              </h2>
              <p className="lecture-meta">
                {l.unitName}
                {l.title && ` · ${l.title}`}
              </p>
              {l.specialties.length > 0 && <p className="lecture-meta">擅长：{l.specialties.join('、')}</p>}
              <p className="lecture-meta">{l.lectureCount} 节党课</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function LecturerView({ lecturer, figures }: { lecturer: LecturerDetail; figures: LectureFigures }) {
  return (
    <>
      <Breadcrumb items={[{ label: '党课讲师', href: '/lecturers' }, { label: lecturer.name }]} />
      <LecturerCard lecturer={lecturer} link={false} page />
      <dl className="lecture-figures">
        <div>
          <dt>四季送课</dt>
          <dd>{figures.delivered} 场</dd>
        </div>
        <div>
          <dt>平均评分</dt>
          <dd>{figures.averageRating === null ? `评价满 ${MIN_RATINGS_SHOWN} 条后显示` : `${figures.averageRating.toFixed(1)} 分（${figures.ratings} 条评价）`}</dd>
        </div>
      </dl>
      <section aria-labelledby="lecturer-lectures">
        <h2 id="lecturer-lectures">主讲党课</h2>
        {lecturer.lectures.length === 0 ? (
          <p className="lecture-empty">暂无公开的党课。</p>
        ) : (
          <ul className="lecture-list">
            {lecturer.lectures.map((lecture) => (
              <LectureCard key={lecture.id} lecture={lecture} headingLevel={3} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
