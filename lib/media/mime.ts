// The Content-Type of a stored image from its key's extension, which the upload chose from
// the checked content. Anything else is not served as media.
const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export function mediaMime(key: string): string | null {
  const ext = /\.([a-z]+)$/.exec(key)?.[1];
  return (ext && IMAGE_TYPES[ext]) || null;
}
