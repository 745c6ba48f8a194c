import { defineConfig } from 'vitest/config';

// Browser tests: a real `egov start` process and Debian's Chromium per file (test/e2e).
// Run with `npm run test:e2e`; they are not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // Starting the server may first compile the sources and build the web app.
    hookTimeout: 240_000,
    pool: 'forks',
    // One server and one browser at a time: two cores.
    fileParallelism: false,
  },
});
