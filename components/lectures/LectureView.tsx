import { Breadcrumb } from '@/components/news/Breadcrumb';
import { formatDate } from '@/lib/format';
import { formatLabels, MIN_RATINGS_SHOWN, themeLabels } from '@/lib/lectures/labels';
import type { LectureDetail, PublicLecturer } from '@/lib/lectures/queries';

export function LecturerCard({ lecturer, link = true, page = false }: { lecturer: PublicLecturer; link?: boolean; page?: boolean }) {
  const Heading = page ? 'h1' : 'h2';
  return (
    <section className="lecturer-card" aria-labelledby={`lecturer-${lecturer.id}`}>
      <Heading id={`lecturer-${lecturer.id}`}>{link ? <a href={`/lecturers/${lecturer.id}`}>{lecturer.name}</a> : lecturer.name}</Heading>
      <p className="lecture-meta">
        {lecturer.unitName}
        {lecturer.title && ` · ${lecturer.title}`}
      </p>
      {lecturer.listedYears.length > 0 && <p className="lecture-meta">入选{lecturer.listedYears.map((y) => `${y}年度`).join('、')}百名党课讲师</p>}
      {lecturer.specialties.length > 0 && (
        <p className="lecture-tags">
          {lecturer.specialties.map((s) => (
            <span key={s} className="lecture-tag">
              {s}
            </span>
          ))}
        </p>
      )}
      {lecturer.bio && <p>{lecturer.bio}</p>}
    </section>
  );
}

export function LectureView({ lecture }: { lecture: LectureDetail }) {
  const { figures } = lecture;
  return (
    <>
      <Breadcrumb items={[{ label: '党课菜单', href: '/lectures' }, { label: lecture.title }]} />
      <article className="lecture-detail">
        <header className="lecture-header">
          <p className="lecture-tags">
            <a className="lecture-tag" href={`/lectures?theme=${lecture.theme}`}>
              {themeLabels[lecture.theme]}
            </a>
            <span className="lecture-tag">{formatLabels[lecture.format]}</span>
            {lecture.showcaseYears.map((y) => (
              <a key={y} className="lecture-tag lecture-tag-gold" href={`/lectures?year=${y}`}>
                {y}年度精品党课
              </a>
            ))}
          </p>
          <h1>{lecture.title}</h1>
          <p className="lecture-meta">
            主讲：<a href={`/lecturers/${lecture.lecturerId}`}>{lecture.lecturerName}</a> · 时长 {lecture.durationMinutes} 分钟
          </p>
        </header>
        <dl className="lecture-figures">
          <div>
            <dt>已送课</dt>
            <dd>{figures.delivered} 场</dd>
          </div>
          <div>
            <dt>平均评分</dt>
            <dd>{figures.averageRating === null ? `评价满 ${MIN_RATINGS_SHOWN} 条后显示` : `${figures.averageRating.toFixed(1)} 分（${figures.ratings} 条评价）`}</dd>
          </div>
        </dl>
        <section aria-labelledby="lecture-synopsis">
          <h2 id="lecture-synopsis">课程简介</h2>
          <p>{lecture.summary || '暂无简介。'}</p>
        </section>
        {lecture.outline.length > 0 && (
          <section aria-labelledby="lecture-outline">
            <h2 id="lecture-outline">课程提纲</h2>
            <ol className="lecture-outline">
              {lecture.outline.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ol>
          </section>
        )}
        <section aria-labelledby="lecture-booking" className="lecture-booking">
          <h2 id="lecture-booking">如何预约</h2>
          {lecture.openSeasons.length > 0 ? (
            <p>
              本课已列入{lecture.openSeasons.map((s) => `“${s.name}”（${formatDate(s.bookingClosesOn)}截止预约）`).join('、')}。党支部书记或组织委员登录门户后台，在“四季送课”中选择本课，填写意向日期、地点和预计人数提交预约，由市委市级机关工委统一安排。
            </p>
          ) : (
            <p>本课当前不在开放预约的送课季中。各季送课开放后，党支部书记或组织委员可登录门户后台，在“四季送课”中预约。</p>
          )}
          <p>
            <a href="/login">登录门户后台</a>
          </p>
        </section>
      </article>
      <LecturerCard lecturer={lecture.lecturer} />
    </>
  );
}
