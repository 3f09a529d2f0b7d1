import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // Next's guard against client imports; outside Next it would throw on import.
      'server-only': path.join(root, 'test/server-only-stub.ts'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['{lib,db,tasks,config,components,app,scripts,bench}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.int.test.ts'],
          setupFiles: ['test/setup-integration.ts'],
          environment: 'node',
          // Each file opens its own database; PGlite is memory-hungry, so keep files few at once.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
