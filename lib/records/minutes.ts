import { cleanDoc } from '@/lib/articles/body';
import type { RichTextNode } from '@/lib/articles/types';

// Minutes are stored as the cleaned editor document (JSON text, the article body allow-list).
// Records entered before the editor existed hold plain HTML: they are read as text, tag-free,
// one paragraph per block, never rendered as markup.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

function htmlParagraphs(html: string): string[] {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The minutes as an editor document, whichever way they were stored; an empty doc for none. */
export function minutesDoc(minutes: string): RichTextNode {
  const text = minutes.trim();
  if (text.startsWith('{')) {
    try {
      return cleanDoc(JSON.parse(text));
    } catch {
      // Falls through: shown as text.
    }
  }
  const paragraphs = htmlParagraphs(text);
  return {
    type: 'doc',
    content: paragraphs.length ? paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) : [{ type: 'paragraph' }],
  };
}
