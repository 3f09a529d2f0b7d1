// Chinese full-text search without extensions: overlapping CJK bigrams in a tsvector that is
// built here, position by position, and matched with phrase queries. Shared by writes (the
// stored vector) and reads (the query), so both always agree. Run `npm run search:reindex` when this
// file changes.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;

/** A run of text that should match as a phrase: its tokens in order. */
export type Phrase = string[];

function runTokens(run: string): string[] {
  if (!CJK.test(run[0] ?? '')) return [run.toLowerCase()];
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const bigrams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return bigrams;
}

/** Splits text into phrases: CJK runs as bigram chains, other words as single tokens. */
export function phrases(text: string): Phrase[] {
  return Array.from(text.normalize('NFKC').matchAll(RUN), (m) => runTokens(m[0]));
}

export type WeightedText = { text: string; weight: 'A' | 'B' | 'C' | 'D' };

const MAX_POSITION = 16383;

function quoteLexeme(token: string) {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Builds a tsvector literal (`'党建':1A,9B …`). Phrases are separated by a gap of one
 * position so a phrase query cannot match across punctuation; fields by a larger gap.
 */
export function toTsvectorLiteral(fields: WeightedText[]): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const field of fields) {
    for (const phrase of phrases(field.text)) {
      for (const token of phrase) {
        if (position > MAX_POSITION) break;
        const list = positions.get(token) ?? [];
        // tsvector keeps at most 256 positions per lexeme.
        if (list.length < 256) list.push(`${position}${field.weight}`);
        positions.set(token, list);
        position++;
      }
      position++;
    }
    position += 10;
  }
  return Array.from(positions, ([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

export type SearchQuery =
  | { kind: 'empty' }
  | {
      kind: 'search';
      /** Phrase query over the stored vectors, or null when every term needs a substring match. */
      tsquery: string | null;
      /** Terms holding a lone Chinese character, which bigrams cannot find: matched as substrings. */
      substrings: string[];
      /** What to highlight in results. */
      terms: string[];
    };

function phraseQuery(phrase: Phrase): string {
  const chain = phrase.map(quoteLexeme).join(' <-> ');
  return phrase.length > 1 ? `(${chain})` : chain;
}

const isLoneCjk = (phrase: Phrase) => phrase.length === 1 && Array.from(phrase[0]!).length === 1 && CJK.test(phrase[0]!);

/**
 * Turns what a reader typed into search conditions. Every word must match: a Chinese run as a
 * phrase of its bigrams, a Latin word or number as itself (readers seldom type spaces, so
 * "AI读书" asks for both words, not for them side by side). A space-separated term holding a
 * lone Chinese character (党, 2025年) is matched as a substring instead, since single
 * characters are not indexed on their own.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input.normalize('NFKC').trim().slice(0, 100);
  const phraseQueries: string[] = [];
  const substrings: string[] = [];
  const terms: string[] = [];
  for (const term of text.split(/\s+/).slice(0, 8)) {
    const found = phrases(term);
    if (found.length === 0) continue;
    if (found.some(isLoneCjk)) {
      // Keep the term as typed between its first and last letter, punctuation included.
      const core = term.slice(term.search(/[\p{L}\p{N}]/u)).replace(/[^\p{L}\p{N}]+$/u, '');
      substrings.push(core);
      terms.push(core);
    } else {
      phraseQueries.push(...found.map(phraseQuery));
      terms.push(...Array.from(term.matchAll(RUN), (m) => m[0]));
    }
  }
  if (phraseQueries.length === 0 && substrings.length === 0) return { kind: 'empty' };
  return { kind: 'search', tsquery: phraseQueries.length ? phraseQueries.join(' & ') : null, substrings, terms };
}
