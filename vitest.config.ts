import { defineConfig } from 'vitest/config';

// One run for every package, test/ and examples/. The `development` condition
// resolves sibling workspace packages to their TypeScript sources, so tests
// never need a build first.
export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report is what .ci/run counts its summary line from.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
