import { Breadcrumb } from '@/components/news/Breadcrumb';
import { formatDateTime } from '@/lib/format';
import { hallSeriesLabels } from '@/lib/lectures/labels';
import type { HallSessionItem } from '@/lib/lectures/hall';

function SessionList({ sessions, empty }: { sessions: HallSessionItem[]; empty: string }) {
  if (sessions.length === 0) return <p className="lecture-empty">{empty}</p>;
  return (
    <ul className="hall-list">
      {sessions.map((s) => (
        <li key={s.id} className="lecture-card">
          <p className="lecture-tags">
            <span className="lecture-tag">{hallSeriesLabels[s.series]}</span>
          </p>
          <h3>{s.theme}</h3>
          <dl className="hall-facts">
            <div>
              <dt>时间</dt>
              <dd>{formatDateTime(s.startsAt)}</dd>
            </div>
            <div>
              <dt>主讲</dt>
              <dd>{s.speaker}</dd>
            </div>
            <div>
              <dt>地点</dt>
              <dd>{s.place}</dd>
            </div>
          </dl>
          {s.article && (
            <p>
              报道：<a href={`/articles/${s.article.slug}`}>{s.article.title}</a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function HallView({ upcoming, past }: { upcoming: HallSessionItem[]; past: HallSessionItem[] }) {
  return (
    <>
      <Breadcrumb items={[{ label: '党课菜单', href: '/lectures' }, { label: '大讲堂' }]} />
      <header className="lecture-header">
        <h1>机关大讲堂</h1>
        <p>每月一期机关大讲堂和“周一大讲堂”系列讲座，围绕建党精神、新四军历史、作风建设等主题开讲。</p>
      </header>
      <section aria-labelledby="hall-upcoming">
        <h2 id="hall-upcoming">近期讲座</h2>
        <SessionList sessions={upcoming} empty="近期暂无安排，敬请关注。" />
      </section>
      <section aria-labelledby="hall-past">
        <h2 id="hall-past">往期回顾</h2>
        <SessionList sessions={past} empty="暂无往期讲座。" />
      </section>
    </>
  );
}
