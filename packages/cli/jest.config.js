// The shared preset, plus a global setup that builds the `chainrule` executable the tests run.
const preset = require('../../jest.preset')(__dirname);

module.exports = { ...preset, globalSetup: '<rootDir>/test-support/global-setup.js' };
