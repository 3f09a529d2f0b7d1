import { env } from '@/lib/env';
import { site } from '@/lib/site';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { publicStylesheet } from './stylesheet';

/** What a public page says about itself to browsers, crawlers and link previews. */
export type PageMeta = {
  /** The page's own title; the site name is appended unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description?: string | null;
  /** Site-relative address of the page's canonical form. */
  canonical?: string;
  robots?: string;
  feed?: string;
  openGraph?: {
    type: 'website' | 'article';
    title: string;
    description?: string | null;
    image?: { url: string; alt: string } | null;
    publishedTime?: Date;
    modifiedTime?: Date;
    section?: string;
  };
};

const absolute = (href: string) => new URL(href, env.SITE_URL).toString();

function Head({ meta }: { meta: PageMeta }) {
  const og = meta.openGraph;
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{meta.absoluteTitle ? meta.title : `${meta.title} - ${site.name}`}</title>
      <meta name="description" content={meta.description ?? site.description} />
      {meta.robots && <meta name="robots" content={meta.robots} />}
      {meta.canonical && <link rel="canonical" href={absolute(meta.canonical)} />}
      {meta.feed && <link rel="alternate" type="application/rss+xml" href={absolute(meta.feed)} />}
      {og && (
        <>
          <meta property="og:title" content={og.title} />
          {og.description && <meta property="og:description" content={og.description} />}
          {meta.canonical && <meta property="og:url" content={absolute(meta.canonical)} />}
          <meta property="og:site_name" content={site.name} />
          <meta property="og:locale" content="zh_CN" />
          {og.image && <meta property="og:image" content={absolute(og.image.url)} />}
          {og.image && <meta property="og:image:alt" content={og.image.alt} />}
          <meta property="og:type" content={og.type} />
          {og.publishedTime && <meta property="article:published_time" content={og.publishedTime.toISOString()} />}
          {og.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime.toISOString()} />}
          {og.section && <meta property="article:section" content={og.section} />}
        </>
      )}
      <meta name="theme-color" content="#b3121b" />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      <link rel="stylesheet" href={publicStylesheet().href} />
    </head>
  );
}

/**
 * The whole document of a public page: head, the site header (with the column navigation, or
 * the short one of pages that read no data), main and footer. `tail` goes last in the body
 * (the reading counter's external script).
 */
export function PublicDocument({
  meta,
  columns,
  children,
  tail,
}: {
  meta: PageMeta;
  columns: { slug: string; name: string }[] | null;
  children: React.ReactNode;
  tail?: React.ReactNode;
}) {
  return (
    <html lang="zh-CN">
      <Head meta={meta} />
      <body>
        <SiteHeader columns={columns} />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
        {tail}
      </body>
    </html>
  );
}
