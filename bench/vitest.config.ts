import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The bench's own unit tests (bench/ is outside the app's unit project):
// `npx vitest run --config bench/vitest.config.ts`.
const root = path.join(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: { include: ['bench/**/*.test.ts'], environment: 'node' },
});
