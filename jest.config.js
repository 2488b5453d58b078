// Three projects: unit specs next to the code (no I/O), integration suites against a real PostgreSQL
// and a real mediasoup worker, and end-to-end suites through the real HTTP server and Chromium.
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/media/src/**/*.spec.ts', '<rootDir>/shared/**/*.spec.ts'],
    },
    // The browser code's logic (pure modules: call state, reports, lists), with the client's compiler settings.
    {
      ...common,
      displayName: 'client',
      testMatch: ['<rootDir>/client/src/**/*.spec.ts'],
      moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/client/tsconfig.spec.json' }] },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/security-violations.setup.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60_000,
};
