import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The public pages' one stylesheet: the global rules and each public component's plain CSS file,
// concatenated in this order. Route handlers link no CSS for you, so the document links this file
// by a content-hashed address that browsers may cache for good. The files are read from the
// source tree (the app runs from its checkout: `npm start`, the e2e suite and the bench).
const files = [
  'app/globals.css',
  'components/site/site.css',
  'components/site/prose.css',
  'components/news/column.css',
  'components/news/news.css',
  'components/news/article.css',
  'components/news/pagination.css',
  'components/news/search.css',
  'components/media/attachment-list.css',
  'components/lectures/lecture-teaser.css',
  'components/lectures/lectures.css',
];

let loaded: { text: string; href: string } | undefined;

export function publicStylesheet(): { text: string; href: string } {
  if (!loaded) {
    const source = files.map((file) => fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), file), 'utf8')).join('\n');
    // Comments and runs of white space cost bytes on every first visit; nothing else is touched.
    const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    loaded = { text, href: `/site.css?v=${hash}` };
  }
  return loaded;
}
