'use client';

import { useState } from 'react';
import { limitMessage, tooLarge } from '@/lib/media/format';

/**
 * Refuses a too-large file before it is sent (the server checks anyway): `check` for the file
 * input's onChange, `onSubmit` for its form, and the message to show beside the input.
 */
export function useFileSizeCheck(what: '图片' | '附件', maxBytes: number | undefined) {
  const [sizeError, setSizeError] = useState<string | null>(null);
  const check = (file: File | undefined) => {
    const message = maxBytes && tooLarge(file, maxBytes) ? limitMessage(what, maxBytes) : null;
    setSizeError(message);
    return !message;
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement | null;
    if (!check(input?.files?.[0])) {
      event.preventDefault();
      input?.focus();
    }
  };
  return { sizeError, check, onSubmit };
}
