/** An id from a URL segment, or null for anything that is not a plain positive integer. */
export function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
