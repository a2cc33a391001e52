import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Property tests run many cases; give them room on a 2-core machine without hiding hangs.
    testTimeout: 30_000,
  },
});
