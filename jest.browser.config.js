/** Browser suite (npm run test:browser): the HTML report in headless Chromium, installed by scripts/browser/chromium.sh. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  rootDir: '.',
  testMatch: ['**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 120000,
};
