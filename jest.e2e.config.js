/** End-to-end suite (npm run test:e2e): real API servers, engines and PostgreSQL; see scripts/e2e/test.sh. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  rootDir: '.',
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 900000,
  globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.ts',
  testSequencer: '<rootDir>/test/e2e/harness/sequencer.js',
  bail: false,
};
