// All packages' tests as jest projects; `npm test` runs this through scripts/test.js.
module.exports = {
  projects: ['<rootDir>/packages/*'],
};
