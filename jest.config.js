// All packages' tests as jest projects; `npm test` runs this through scripts/test.js, which turns on
// coverage: a text summary, and at least 90% of lines in core and expr (the engine and the parser).
module.exports = {
  projects: ['<rootDir>/packages/*'],
  coverageProvider: 'v8',
  collectCoverageFrom: ['packages/*/src/**/*.ts', '!**/*.test.ts', '!**/test-support/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './packages/core/src/': { lines: 90 },
    './packages/expr/src/': { lines: 90 },
  },
};
