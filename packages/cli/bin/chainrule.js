#!/usr/bin/env node
// The `chainrule` executable as npm links it: a committed launcher, so the link exists right after
// `npm ci` in the repository; it runs the built command line (dist/bin.js).
const path = require('path');
const fs = require('fs');

const built = path.join(__dirname, '..', 'dist', 'bin.js');
if (!fs.existsSync(built)) {
  console.error(
    'chainrule: the command line is not built yet. Run `npm run build` at the repository root, then try again.',
  );
  process.exit(2);
}
require(built);
