// Shared jest settings for every package: TypeScript through ts-jest, transpile only (tsconfig.json
// sets isolatedModules), sibling packages resolved to their sources so tests run on a fresh clone
// without a build, and d3's ESM-only packages loaded through their UMD builds.
const path = require('path');

module.exports = function preset(packageDir) {
  const name = path.basename(packageDir);
  return {
    displayName: name,
    rootDir: packageDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts'],
    transform: {
      '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }],
    },
    moduleNameMapper: {
      '^@chainrule/(.*)$': path.join(__dirname, 'packages/$1/src'),
    },
    testEnvironmentOptions: { customExportConditions: ['node', 'require', 'umd'] },
  };
};
