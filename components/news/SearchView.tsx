import { DateOnly } from './DateOnly';
import type { ColumnSummary } from '@/lib/news/queries';
import type { SearchResults } from '@/lib/news/search';
import { Highlighted } from './Highlighted';
import { Pagination } from './Pagination';

export function searchHref({ q, column, page }: { q: string; column?: string; page?: number }) {
  const params = new URLSearchParams({ q });
  if (column) params.set('column', column);
  if (page && page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

export function SearchView({ q, column, columns, results }: { q: string; column?: string; columns: ColumnSummary[]; results: SearchResults | null }) {
  return (
    <>
      <h1 className="search-title">站内搜索</h1>
      <form action="/search" method="get" role="search" className="search-form">
        <div className="search-field">
          <label htmlFor="search-q">关键词</label>
          <input id="search-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder="如：营商环境、党课" />
        </div>
        <div className="search-field">
          <label htmlFor="search-column">栏目</label>
          <select id="search-column" name="column" defaultValue={column ?? ''}>
            <option value="">全部栏目</option>
            {columns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          搜索
        </button>
      </form>
      {results === null ? (
        <p className="search-hint">请输入关键词，支持标题、摘要和正文检索。</p>
      ) : (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title" className="search-count" aria-live="polite">
            {results.total === 0
              ? `没有找到与“${q}”相关的结果`
              : `找到 ${results.total}${results.totalCapped ? ' 条以上' : ' 条'}与“${q}”相关的结果`}
          </h2>
          {results.total === 0 && <p className="search-hint">请尝试更换关键词，或选择“全部栏目”。</p>}
          <ol className="search-results">
            {results.items.map((hit) => (
              <li key={hit.slug}>
                <h3>
                  <a href={`/articles/${hit.slug}`}>
                    <Highlighted text={hit.title} terms={results.terms} />
                  </a>
                </h3>
                <p>
                  <Highlighted text={hit.snippet} terms={results.terms} />
                </p>
                <p className="search-meta">
                  <a href={`/columns/${hit.columnSlug}`}>{hit.columnName}</a>
                  <DateOnly value={hit.publishedAt} />
                </p>
              </li>
            ))}
          </ol>
          <Pagination plain page={results.page} pageCount={results.pageCount} href={(p) => searchHref({ q, column, page: p })} />
        </section>
      )}
    </>
  );
}
