import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'],
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. when destructuring it away).
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Public pages are plain HTML rendered by route handlers, with no client router
    // (docs/public-pages.md): ordinary links and a document <head> are what they need.
    files: ['app/(public)/**', 'components/site/**', 'components/news/**', 'components/lectures/*.tsx', 'components/media/AttachmentList.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off', '@next/next/no-head-element': 'off' },
  },
  {
    // Configuration is parsed once in config/env.ts (lib/env.ts re-exports it); everything else
    // imports it from there.
    files: ['app/**', 'components/**', 'lib/**', 'db/**', 'tasks/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from config/env.ts (or @/lib/env).' }],
    },
  },
  {
    // Routes and components reach data through the named queries and commands in lib/.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes and components call lib/ (named queries and commands), never Drizzle.' },
            { group: ['@/db', '@/db/*', '**/db', '**/db/*'], message: 'Routes and components call lib/, never db/. Types: lib/<domain>/types.ts.' },
            { group: ['@/tasks', '@/tasks/*', '**/tasks/*'], message: 'tasks/ (seed, CLIs, boot) sits above lib/ and is not imported by the app.' },
          ],
        },
      ],
    },
  },
  {
    // The layers point down only: app → components → lib → db → config. db/ opens, migrates and
    // owns the schema; whatever needs domain code (seed, CLIs, boot-time reindex) is in tasks/.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib', '@/lib/*', '**/lib', '**/lib/*'], message: 'db/ imports nothing from lib/: move code that needs the domain to tasks/.' },
            { group: ['@/tasks', '@/tasks/*', '**/tasks/*'], message: 'db/ imports nothing from tasks/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**', 'config/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/tasks', '@/tasks/*', '**/tasks/*'], message: 'tasks/ sits above lib/: lib/ never imports it.' }] }],
    },
  },
];

export default config;
