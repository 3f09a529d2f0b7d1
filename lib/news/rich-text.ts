import type { RichTextNode } from '@/db/schema/articles';

// Renders the stored rich-text JSON to HTML through an allow-list. Unknown nodes and marks are
// dropped (their text kept), every string is escaped, and links/images only accept safe URLs,
// so the public page never carries user-supplied markup.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Relative paths, http(s) and mailto only; anything else (javascript:, data:) is refused. */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const url = raw.trim();
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  tableRow: 'tr',
};

function renderText(node: RichTextNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'link') {
      const href = safeUrl(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    }
  }
  return html;
}

/** What the library knows of a body image: its size and responsive files, by media id. */
export type ImageFacts = Map<number, { width: number | null; height: number | null; srcSet?: string }>;

// Readers' screens: the body column is at most ~760 px wide.
const BODY_IMAGE_SIZES = '(max-width: 800px) 100vw, 760px';

function renderNode(node: RichTextNode, images: ImageFacts): string {
  const inner = () => (node.content ?? []).map((child) => renderNode(child, images)).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'heading': {
      // h1 is the article title; body headings start at h2.
      const level = Math.min(Math.max(Number(node.attrs?.level) || 2, 2), 4);
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'image': {
      const src = safeUrl(node.attrs?.src);
      if (!src) return '';
      const alt = escapeHtml(String(node.attrs?.alt ?? ''));
      const caption = node.attrs?.caption ? `<figcaption>${escapeHtml(String(node.attrs.caption))}</figcaption>` : '';
      const facts = images.get(Number(node.attrs?.mediaId));
      // Width and height reserve the space (no jump while loading); srcset lets phones take a small file.
      const size = facts?.width && facts.height ? ` width="${facts.width}" height="${facts.height}"` : '';
      const srcset = facts?.srcSet ? ` srcset="${escapeHtml(facts.srcSet)}" sizes="${BODY_IMAGE_SIZES}"` : '';
      return `<figure><img src="${escapeHtml(src)}"${srcset}${size} alt="${alt}" loading="lazy">${caption}</figure>`;
    }
    case 'table':
      return `<div class="table-wrap"><table><tbody>${inner()}</tbody></table></div>`;
    case 'tableCell':
      return `<td>${inner()}</td>`;
    case 'tableHeader':
      return `<th scope="col">${inner()}</th>`;
    default: {
      const tag = BLOCKS[node.type];
      return tag ? `<${tag}>${inner()}</${tag}>` : inner();
    }
  }
}

export function renderRichText(doc: RichTextNode, images: ImageFacts = new Map()): string {
  return renderNode(doc, images);
}

const CONTAINERS = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow']);

/** The document's text, blocks separated by newlines: for search vectors and summaries. */
export function richTextToPlain(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  const parts = (node.content ?? []).map(richTextToPlain);
  return CONTAINERS.has(node.type) ? parts.join('\n') : parts.join('');
}
