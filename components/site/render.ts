import 'server-only';
import { createRequire } from 'node:module';
import type { ReactElement } from 'react';

// Public pages are plain HTML rendered by route handlers: no React runtime and no hydration
// payload reach the reader (docs/public-pages.md). `next build` refuses a static import of
// react-dom/server under app/, so the renderer is loaded at run time, outside the bundle. It
// renders with its own copy of React: components must be pure (no hooks, no context, no
// next/link), which is all a reading page needs.
type DomServer = { renderToStaticMarkup(element: ReactElement): string };
let domServer: DomServer | undefined;

export function renderHtml(element: ReactElement): string {
  domServer ??= createRequire(import.meta.url)('react-dom/server') as DomServer;
  return `<!DOCTYPE html>${domServer.renderToStaticMarkup(element)}`;
}

export function htmlResponse(element: ReactElement, { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(renderHtml(element), { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}
