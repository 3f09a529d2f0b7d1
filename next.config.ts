import path from 'node:path';
import type { NextConfig } from 'next';
import { requestBodyLimitMb } from './lib/media/limits';
import { hstsHeader, publicCsp, securityHeaders } from './lib/security/headers';

// Uploads (media, attachments) come as server-action bodies through the proxy on /admin. Both
// limits sit above the larger upload limit, with room for the form and a slightly larger file,
// so the limit users meet is the app's own message ("图片不能超过 10 MB").
const uploadBodyLimit = `${requestBodyLimitMb}mb` as const;

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module; bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Cached public pages: in each process's memory, and revalidations reach every instance on one
  // PostgreSQL database through LISTEN/NOTIFY (docs/scale-out.md). Next imports the file at run
  // time from an absolute path; the app runs from its checkout.
  cacheHandler: path.resolve(process.cwd(), 'lib/cache/shared-cache-handler.mjs'),
  experimental: {
    // Cached pages live in the process's memory, not in .next/: a restart, a new database or a
    // second instance never serves pages rendered from other data.
    isrFlushToDisk: false,
    // forbidden() renders the 403 page when a signed-in user lacks a permission.
    authInterrupts: true,
    serverActions: { bodySizeLimit: uploadBodyLimit },
    // The proxy buffers request bodies up to this size; a larger one reaches the action cut short.
    proxyClientMaxBodySize: uploadBodyLimit,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [hstsHeader] },
      // App Router pages (admin, sign-in) get a nonce policy from proxy.ts instead.
      { source: '/((?!admin|login|logout|api/auth).*)', headers: [{ key: 'Content-Security-Policy', value: publicCsp() }] },
    ];
  },
  async rewrites() {
    return {
      // Public pages are cached on first request (ISR) and never prerendered at build time, when
      // no database exists. That needs a dynamic segment, so `?page=N` column pages are served by
      // an internal route that has one (the home page is an optional catch-all).
      beforeFiles: [
        {
          source: '/columns/:slug',
          has: [{ type: 'query', key: 'page', value: '(?<page>[0-9]{1,6})' }],
          destination: '/columns/:slug/page/:page',
        },
        // The unfiltered catalog is cached; any filter, search or page is rendered per request.
        ...['q', 'theme', 'format', 'lecturer', 'year', 'page'].map((key) => ({
          source: '/lectures',
          has: [{ type: 'query' as const, key }],
          destination: '/lectures/find',
        })),
        {
          source: '/lecturers',
          has: [{ type: 'query', key: 'year', value: '(?<year>[0-9]{4})' }],
          destination: '/lecturers/year/:year',
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
