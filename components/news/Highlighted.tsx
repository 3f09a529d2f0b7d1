import { highlight } from '@/lib/search/highlight';

/** Text with the reader's search terms in <mark>, rendered as React text (never HTML). */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
