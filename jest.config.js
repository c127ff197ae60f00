// Test tiers by suffix: *.spec.ts are pure units, *.int.spec.ts run against real adapters,
// test/*.e2e-spec.ts drive the running app over HTTP.
const moduleNameMapper = {
  '^@registry/(domain|event-store|projections|tlog)$': '<rootDir>/libs/$1/src',
  '^@registry/(domain|event-store|projections|tlog)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const setupFiles = ['<rootDir>/test/support/typescript-in-children.ts'];
const common = { rootDir: __dirname, testEnvironment: 'node', moduleNameMapper, transform, setupFiles };

module.exports = {
  // Starting a registry takes 2-5 s when the machine is shared and loaded: jest's 5 s default then fails tests
  // that start two (a restart) on time alone. Slowness is measured in benchmarks, never by timeouts in tests.
  testTimeout: 20_000,
  // Jest's default leaves one core idle (cores - 1: a single worker on the 2-core CI machines). The e2e suites wait
  // on child processes, fsync and timers far more than they compute, so a worker per core cuts the wall time.
  maxWorkers: '100%',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,eventstore,bench,scripts}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,eventstore,bench,scripts}/**/*.int.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
    {
      // The same end-to-end files again, on EventStoreDB through the protocol test server and the real client.
      ...common,
      displayName: 'e2e-eventstoredb',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: [...setupFiles, '<rootDir>/test/support/use-eventstoredb.ts'],
    },
    {
      // Real headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) on the running app; skipped,
      // saying so and how to install Chromium, when it is missing.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
