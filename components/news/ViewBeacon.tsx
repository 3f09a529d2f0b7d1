'use client';

import { useEffect } from 'react';

// Counts a reading after the cached page has loaded, so the page itself stays cacheable.
// Once per article per browser session.
export function ViewBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    const key = `viewed:${slug}`;
    try {
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, '1');
    } catch {
      // Storage may be disabled; count anyway.
    }
    fetch(`/api/articles/${slug}/views`, { method: 'POST', keepalive: true }).catch(() => {});
  }, [slug]);
  return null;
}
