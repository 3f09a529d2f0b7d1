import type { RichTextNode } from '@/db/schema/articles';

const HEADING_LEVELS = ['一', '二', '三', '四', '五', '六'];
// Loose inline nodes outside a paragraph are gathered into one block; an image stands alone.
const INLINE_TYPES = new Set(['text', 'hardBreak']);

function attr(node: RichTextNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

// The src is shown too: swapping the picture but keeping its wording is still a change.
function imageText(node: RichTextNode): string {
  const words = [attr(node, 'alt'), attr(node, 'caption')].filter(Boolean).join('｜') || '无说明';
  const src = attr(node, 'src');
  return `[图片：${words}]${src ? `（${src}）` : ''}`;
}

function linkOf(node: RichTextNode): string | null {
  const mark = node.marks?.find((m) => m.type === 'link');
  const href = mark?.attrs?.href;
  return typeof href === 'string' && href ? href : null;
}

/** Inline content as text; a link reads "text（href）" once per run, even across bold/italic splits. */
export function inlineText(nodes: RichTextNode[] = []): string {
  let out = '';
  let run = '';
  let href: string | null = null;
  const flush = () => {
    out += href ? `${run}（${href}）` : run;
    run = '';
  };
  for (const node of nodes) {
    const nodeHref = node.type === 'text' ? linkOf(node) : null;
    if (nodeHref !== href) {
      flush();
      href = nodeHref;
    }
    if (node.type === 'text') run += node.text ?? '';
    else if (node.type === 'hardBreak') run += '\n';
    else if (node.type === 'image') run += imageText(node);
    else run += inlineText(node.content);
  }
  flush();
  return out;
}

function cellText(cell: RichTextNode): string {
  return blocksOf(cell.content ?? [], '').join(' ');
}

function listItems(list: RichTextNode, prefix: string, ordered: boolean): string[] {
  const start = Number(list.attrs?.start ?? 1);
  const first = Number.isFinite(start) ? start : 1;
  return (list.content ?? []).flatMap((item, i) => {
    const marker = ordered ? `${first + i}. ` : '• ';
    // The first block carries the marker; the item's later blocks and nested lists are indented under it.
    return blocksOf(item.content ?? [], '').map((text, j) => (j === 0 ? `${prefix}${marker}${text}` : `${prefix}  ${text}`));
  });
}

function blocksOf(nodes: RichTextNode[], prefix: string): string[] {
  const blocks: string[] = [];
  let inline: RichTextNode[] = [];
  const flushInline = () => {
    const text = inlineText(inline);
    if (text.trim()) blocks.push(prefix + text);
    inline = [];
  };
  for (const node of nodes) {
    if (INLINE_TYPES.has(node.type)) {
      inline.push(node);
      continue;
    }
    flushInline();
    blocks.push(...blockOf(node, prefix));
  }
  flushInline();
  return blocks;
}

function blockOf(node: RichTextNode, prefix: string): string[] {
  switch (node.type) {
    case 'paragraph': {
      const text = inlineText(node.content);
      // Empty paragraphs are spacing, not content a reviewer needs to see.
      return text.trim() ? [prefix + text] : [];
    }
    case 'heading': {
      const level = HEADING_LEVELS[Number(node.attrs?.level ?? 1) - 1] ?? '';
      return [`${prefix}【${level}级标题】${inlineText(node.content)}`];
    }
    case 'bulletList':
      return listItems(node, prefix, false);
    case 'orderedList':
      return listItems(node, prefix, true);
    case 'blockquote':
      return blocksOf(node.content ?? [], `${prefix}> `);
    case 'image':
      return [prefix + imageText(node)];
    case 'table':
      return (node.content ?? []).map((row) => prefix + (row.content ?? []).map(cellText).join(' | '));
    case 'horizontalRule':
      return [`${prefix}【分隔线】`];
    default:
      // Unknown containers (doc, listItem, future node types) still show their text.
      return blocksOf(node.content ?? [], prefix);
  }
}

/** The body as readable text blocks: one per paragraph, heading, list item, quoted paragraph, image or table row. */
export function bodyToBlocks(doc: RichTextNode | null | undefined): string[] {
  return doc ? blockOf(doc, '') : [];
}
