// All packages' tests as jest projects; `npm test` runs this through scripts/test.js, which turns on
// coverage: a text summary, and at least 90% of lines in core and expr (the engine and the parser).
module.exports = {
  projects: ['<rootDir>/packages/*'],
  coverageProvider: 'v8',
  // Barrels (re-exports) and op-row.ts (type declarations only) hold no code to run: V8 would count
  // their lines as never executed.
  collectCoverageFrom: [
    'packages/*/src/**/*.ts',
    '!**/*.test.ts',
    '!**/test-support/**',
    '!**/*.d.ts',
    '!packages/*/src/index.ts',
    '!packages/core/src/op-row.ts',
  ],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './packages/core/src/': { lines: 90 },
    './packages/expr/src/': { lines: 90 },
  },
};
