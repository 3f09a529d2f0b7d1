import type { RichTextNode } from '@/db/schema/articles';
import { safeUrl } from '@/lib/news/rich-text';

// The server's own idea of a valid article body. Whatever the browser sends is rebuilt from
// this allow-list: unknown nodes keep their text, unknown marks and attributes are dropped,
// links and images keep only safe URLs, and the result always fits the editor's schema, so a
// crafted request can neither inject markup nor store a document the editor cannot open.

export const BODY_LIMITS = { jsonChars: 600_000, depth: 24, nodes: 20_000 } as const;

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'image', 'table', 'horizontalRule']);

export class BodyError extends Error {}

type Budget = { nodes: number };

function text(node: RichTextNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  return (Array.isArray(node.content) ? node.content : []).map(text).join('');
}

function cleanMarks(marks: unknown): RichTextNode['marks'] {
  if (!Array.isArray(marks)) return undefined;
  const kept: NonNullable<RichTextNode['marks']> = [];
  for (const mark of marks as { type?: unknown; attrs?: Record<string, unknown> }[]) {
    if (mark?.type === 'bold' || mark?.type === 'italic') {
      if (!kept.some((m) => m.type === mark.type)) kept.push({ type: mark.type });
    } else if (mark?.type === 'link') {
      const href = safeUrl(mark.attrs?.href);
      if (href && !kept.some((m) => m.type === 'link')) kept.push({ type: 'link', attrs: { href } });
    }
  }
  return kept.length ? kept : undefined;
}

function inlineContent(nodes: unknown, budget: Budget, depth: number): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const raw of asNodes(nodes, budget, depth)) {
    if (raw.type === 'text') {
      // Control characters other than tab have no place in prose and confuse XML feeds.
      const value = typeof raw.text === 'string' ? raw.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') : '';
      if (!value) continue;
      const marks = cleanMarks(raw.marks);
      out.push(marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
    } else if (raw.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else {
      // A block where text belongs (e.g. a pasted list inside a heading): keep its words.
      const value = text(raw);
      if (value) out.push({ type: 'text', text: value });
    }
  }
  return out;
}

function asNodes(nodes: unknown, budget: Budget, depth: number): RichTextNode[] {
  if (depth > BODY_LIMITS.depth) throw new BodyError('正文嵌套层级过深。');
  if (!Array.isArray(nodes)) return [];
  budget.nodes += nodes.length;
  if (budget.nodes > BODY_LIMITS.nodes) throw new BodyError('正文内容过多，请拆分为多篇文章。');
  return nodes.filter((n): n is RichTextNode => typeof n === 'object' && n !== null && typeof (n as RichTextNode).type === 'string');
}

const paragraphOf = (content: RichTextNode[]): RichTextNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });

function blockContent(nodes: unknown, budget: Budget, depth: number): RichTextNode[] {
  const out: RichTextNode[] = [];
  let loose: RichTextNode[] = [];
  const flush = () => {
    if (loose.length) out.push(paragraphOf(inlineContent(loose, budget, depth + 1)));
    loose = [];
  };
  for (const raw of asNodes(nodes, budget, depth)) {
    const block = cleanBlock(raw, budget, depth + 1);
    if (block) {
      flush();
      out.push(block);
    } else loose.push(raw);
  }
  flush();
  return out;
}

function listItems(nodes: unknown, budget: Budget, depth: number): RichTextNode[] {
  return asNodes(nodes, budget, depth).map((item) => {
    const content = blockContent(item.type === 'listItem' ? item.content : [item], budget, depth + 1);
    // The editor's list item starts with a paragraph.
    if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
    return { type: 'listItem', content };
  });
}

function tableRows(nodes: unknown, budget: Budget, depth: number): RichTextNode[] {
  return asNodes(nodes, budget, depth)
    .filter((row) => row.type === 'tableRow')
    .map((row) => ({
      type: 'tableRow',
      content: asNodes(row.content, budget, depth + 1)
        .filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader')
        .map((cell) => {
          const content = blockContent(cell.content, budget, depth + 2);
          return { type: cell.type, content: content.length ? content : [{ type: 'paragraph' }] };
        }),
    }))
    .filter((row) => row.content.length > 0);
}

/** The cleaned block, or null when `raw` is not a block (inline content is wrapped by the caller). */
function cleanBlock(raw: RichTextNode, budget: Budget, depth: number): RichTextNode | null {
  switch (raw.type) {
    case 'paragraph':
      return paragraphOf(inlineContent(raw.content, budget, depth));
    case 'heading': {
      const level = Math.min(Math.max(Math.trunc(Number(raw.attrs?.level)) || 2, 2), 4);
      const content = inlineContent(raw.content, budget, depth);
      return content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } };
    }
    case 'bulletList':
    case 'orderedList': {
      const content = listItems(raw.content, budget, depth);
      if (!content.length) return null;
      const start = Math.trunc(Number(raw.attrs?.start));
      return raw.type === 'orderedList' && start > 1 && start < 10_000 ? { type: raw.type, attrs: { start }, content } : { type: raw.type, content };
    }
    case 'blockquote': {
      const content = blockContent(raw.content, budget, depth);
      return { type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] };
    }
    case 'image': {
      const src = safeUrl(raw.attrs?.src);
      if (!src) return { type: 'paragraph' };
      const attrs: Record<string, unknown> = { src, alt: limited(raw.attrs?.alt, 200) ?? '' };
      const caption = limited(raw.attrs?.caption, 300);
      if (caption) attrs.caption = caption;
      const mediaId = Number(raw.attrs?.mediaId);
      if (Number.isSafeInteger(mediaId) && mediaId > 0) attrs.mediaId = mediaId;
      return { type: 'image', attrs };
    }
    case 'table': {
      const content = tableRows(raw.content, budget, depth);
      return content.length ? { type: 'table', content } : null;
    }
    case 'horizontalRule':
      return { type: 'horizontalRule' };
    default:
      // Unknown containers (e.g. a pasted <div>) are unwrapped when they hold blocks.
      if (Array.isArray(raw.content) && raw.content.some((c) => BLOCK_TYPES.has((c as RichTextNode)?.type))) {
        const inner = blockContent(raw.content, budget, depth);
        return inner.length === 1 ? inner[0]! : { type: 'blockquote', content: inner.length ? inner : [{ type: 'paragraph' }] };
      }
      return null;
  }
}

function limited(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

export function emptyDoc(): RichTextNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Parses and cleans the body a form sent. Throws BodyError with a message for the user. */
export function parseBody(json: string): RichTextNode {
  if (json.length > BODY_LIMITS.jsonChars) throw new BodyError('正文过长，请拆分为多篇文章。');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BodyError('正文格式无法识别，请刷新页面后重试。');
  }
  return cleanDoc(value);
}

export function cleanDoc(value: unknown): RichTextNode {
  if (typeof value !== 'object' || value === null || (value as RichTextNode).type !== 'doc') throw new BodyError('正文格式无法识别，请刷新页面后重试。');
  const content = blockContent((value as RichTextNode).content, { nodes: 0 }, 0);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** True when the body has no words, images or tables: nothing a reader would see. */
export function isBlankDoc(doc: RichTextNode): boolean {
  const visible = (node: RichTextNode): boolean =>
    node.type === 'image' || node.type === 'table' || (node.type === 'text' && !!node.text?.trim()) || (node.content ?? []).some(visible);
  return !visible(doc);
}
