import { DateOnly } from './DateOnly';
import { AttachmentList } from '@/components/media/AttachmentList';
import { formatDateTime } from '@/lib/format';
import type { PublicArticle } from '@/lib/news/article-queries';
import type { ArticleListItem } from '@/lib/news/queries';
import { safeUrl } from '@/lib/news/rich-text';
import './article.css';
import { Breadcrumb } from './Breadcrumb';

type Adjacent = { slug: string; title: string } | null;

export function ArticleView({
  article,
  adjacent,
  related,
}: {
  article: PublicArticle;
  adjacent: { previous: Adjacent; next: Adjacent };
  related: ArticleListItem[];
}) {
  const video = safeUrl(article.videoUrl);
  return (
    <>
      <Breadcrumb items={[{ label: article.column.name, href: article.column.visible ? `/columns/${article.column.slug}` : undefined }, { label: '正文' }]} />
      <article className="article">
        <header className="article-header">
          {article.kicker && <p className="article-kicker">{article.kicker}</p>}
          <h1>{article.title}</h1>
          {article.subtitle && <p className="article-subtitle">{article.subtitle}</p>}
          <p className="article-meta">
            {article.byline && <span>{article.byline}</span>}
            {article.source && <span>来源：{article.source}</span>}
            <span>
              发布时间：<time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
            </span>
          </p>
        </header>
        {article.cover && (
          <figure className="article-cover">
            {/* eslint-disable-next-line @next/next/no-img-element -- media variants are already sized and re-encoded */}
            <img src={article.cover.url} alt={article.cover.alt} width={article.cover.width ?? undefined} height={article.cover.height ?? undefined} />
            {article.cover.caption && <figcaption>{article.cover.caption}</figcaption>}
          </figure>
        )}
        {video && (
          <figure className="article-video">
            <video controls preload="none" src={video} aria-label={`${article.title}（视频）`}>
              <a href={video}>下载视频</a>
            </video>
            <figcaption>视频内容的文字稿见下方正文。</figcaption>
          </figure>
        )}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        <AttachmentList items={article.attachments} />
        <aside className="article-qr" aria-label="手机扫码阅读">
          {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG served by this site */}
          <img src={`/articles/${article.slug}/qr.svg`} alt="本文网址二维码" width={96} height={96} loading="lazy" />
          <p>手机扫码阅读本文</p>
        </aside>
      </article>
      <nav aria-label="上下篇" className="article-adjacent no-print">
        <p>
          上一篇：{adjacent.previous ? <a href={`/articles/${adjacent.previous.slug}`}>{adjacent.previous.title}</a> : <span>没有了</span>}
        </p>
        <p>
          下一篇：{adjacent.next ? <a href={`/articles/${adjacent.next.slug}`}>{adjacent.next.title}</a> : <span>没有了</span>}
        </p>
      </nav>
      {related.length > 0 && (
        <section aria-labelledby="related-title" className="article-related no-print">
          <h2 id="related-title">相关文章</h2>
          <ul>
            {related.map((item) => (
              <li key={item.id}>
                <a href={`/articles/${item.slug}`}>{item.title}</a>
                <DateOnly value={item.publishedAt} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
