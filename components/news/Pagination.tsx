import Link from 'next/link';
import './pagination.css';

/** Page numbers around the current one, with the first and last always reachable. */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | 'gap')[] {
  const pages = new Set([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? (['gap', p] as const) : [p]));
}

/**
 * Page links. Admin lists navigate with next/link; public pages, rendered without the client
 * runtime, pass `plain` for ordinary links.
 */
export function Pagination({ page, pageCount, href, plain = false, label = '分页' }: { page: number; pageCount: number; href: (page: number) => string; plain?: boolean; label?: string }) {
  if (pageCount <= 1) return null;
  const Anchor: React.ElementType = plain ? 'a' : Link;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? <Anchor href={href(page - 1)} rel="prev">上一页</Anchor> : <span aria-disabled="true">上一页</span>}
      <ol>
        {pageWindow(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <Anchor href={href(p)} aria-label={`第 ${p} 页`}>
                  {p}
                </Anchor>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? <Anchor href={href(page + 1)} rel="next">下一页</Anchor> : <span aria-disabled="true">下一页</span>}
    </nav>
  );
}
