import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'sdk/test/**/*.test.ts'],
    pool: 'forks',
    // Starts DynamoDB Local once when DYNAMODB_ENGINE=dynamodb-local; nothing otherwise.
    // A scratch directory the run's test files share (one `npm run synth` for all).
    globalSetup: ['test/support/globalDynamo.ts', 'test/support/globalRun.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
