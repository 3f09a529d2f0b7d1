import { Breadcrumb } from '@/components/news/Breadcrumb';
import { Pagination } from '@/components/news/Pagination';
import { formatLabels, formatOptions, themeLabels, themeOptions } from '@/lib/lectures/labels';
import type { CatalogFilterOptions, CatalogFilters, CatalogItem } from '@/lib/lectures/queries';
import type { Page } from '@/lib/pagination/offset';
import { catalogHref } from './hrefs';

export function LectureCard({ lecture, headingLevel = 2 }: { lecture: CatalogItem; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="lecture-card">
      <p className="lecture-tags">
        <span className="lecture-tag">{themeLabels[lecture.theme]}</span>
        <span className="lecture-tag">{formatLabels[lecture.format]}</span>
        {lecture.showcase && <span className="lecture-tag lecture-tag-gold">精品党课</span>}
        {lecture.bookable && <span className="lecture-tag lecture-tag-open">本季可预约</span>}
      </p>
      <Heading>
        <a href={`/lectures/${lecture.id}`}>{lecture.title}</a>
      </Heading>
      <p className="lecture-meta">
        主讲：<a href={`/lecturers/${lecture.lecturerId}`}>{lecture.lecturerName}</a>（{lecture.lecturerUnit}）· {lecture.durationMinutes} 分钟
      </p>
      {lecture.summary && <p className="lecture-summary">{lecture.summary}</p>}
    </li>
  );
}

export function CatalogView({ filters, options, list }: { filters: CatalogFilters; options: CatalogFilterOptions; list: Page<CatalogItem> }) {
  const filtered = Boolean(filters.q || filters.theme || filters.format || filters.lecturerId || filters.year);
  return (
    <>
      <Breadcrumb items={[{ label: '党课菜单' }]} />
      <header className="lecture-header">
        <h1>党课菜单</h1>
        <p>
          千人师资库中遴选的精品党课，各党支部可在“四季送课”开放期间预约。另见 <a href="/lecturers">党课讲师名单</a>、<a href="/lectures/hall">大讲堂</a>。
        </p>
      </header>
      <form action="/lectures" method="get" role="search" className="lecture-filters" aria-label="筛选党课">
        <div className="lecture-field lecture-field-wide">
          <label htmlFor="lecture-q">关键词</label>
          <input id="lecture-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} />
        </div>
        <div className="lecture-field">
          <label htmlFor="lecture-theme">主题</label>
          <select id="lecture-theme" name="theme" defaultValue={filters.theme ?? ''}>
            <option value="">全部主题</option>
            {themeOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="lecture-field">
          <label htmlFor="lecture-format">形式</label>
          <select id="lecture-format" name="format" defaultValue={filters.format ?? ''}>
            <option value="">全部形式</option>
            {formatOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="lecture-field">
          <label htmlFor="lecture-lecturer">讲师</label>
          <select id="lecture-lecturer" name="lecturer" defaultValue={filters.lecturerId ? String(filters.lecturerId) : ''}>
            <option value="">全部讲师</option>
            {options.lecturers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="lecture-field">
          <label htmlFor="lecture-year">精品党课名单</label>
          <select id="lecture-year" name="year" defaultValue={filters.year ? String(filters.year) : ''}>
            <option value="">不限</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}年度
              </option>
            ))}
          </select>
        </div>
        <div className="lecture-actions">
          <button type="submit" className="button">
            筛选
          </button>
          {filtered && <a href="/lectures">清除条件</a>}
        </div>
      </form>
      <h2 className="lecture-count" id="lecture-results">
        {filtered ? '符合条件的党课' : '全部党课'} {list.total} 节{list.pageCount > 1 && `，第 ${list.page} / ${list.pageCount} 页`}
      </h2>
      {list.items.length === 0 ? (
        <p className="lecture-empty">没有符合条件的党课，请更换条件再试。</p>
      ) : (
        <ul className="lecture-list" aria-labelledby="lecture-results">
          {list.items.map((lecture) => (
            <LectureCard key={lecture.id} lecture={lecture} headingLevel={3} />
          ))}
        </ul>
      )}
      <Pagination plain page={list.page} pageCount={list.pageCount} href={(p) => catalogHref(filters, p)} />
    </>
  );
}
