import { formatDate } from '@/lib/format';

/** A Beijing-time date as text and as the machine-readable value: one short string, twice. */
export function DateOnly({ value }: { value: Date | string | null | undefined }) {
  const text = formatDate(value);
  return text ? <time dateTime={text}>{text}</time> : null;
}
