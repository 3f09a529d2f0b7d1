// Snippets and highlighting for search results, as plain segments the page renders as React
// text (never as HTML), so a highlighted query cannot inject markup.

export type Segment = { text: string; match: boolean };

export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(terms: string[]) {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return cleaned.length ? new RegExp(cleaned.map(escapeRegExp).join('|'), 'giu') : null;
}

/** Splits text into matched and unmatched segments, case-insensitively. */
export function highlight(text: string, terms: string[]): Segment[] {
  const pattern = termPattern(terms);
  if (!pattern) return text ? [{ text, match: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** A window of about `length` characters around the first match, with ellipses where cut. */
export function excerpt(text: string, terms: string[], length = 120): string {
  const chars = Array.from(text);
  if (chars.length <= length) return text;
  const pattern = termPattern(terms);
  const hit = pattern ? text.search(pattern) : -1;
  const hitChar = hit < 0 ? 0 : Array.from(text.slice(0, hit)).length;
  const start = Math.max(0, Math.min(hitChar - Math.floor(length / 3), chars.length - length));
  const end = Math.min(chars.length, start + length);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
