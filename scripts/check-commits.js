#!/usr/bin/env node
// Commit subjects (`npm run check:commits`): every commit after the style was adopted has a subject
// of at most 72 characters, so that `git log --oneline` can be scanned; the why and the figures go
// in the body. Older history is left as it landed. Skipped outside a git checkout or in a shallow
// clone that lacks the starting commit.
const { spawnSync } = require('child_process');

const STYLE_ADOPTED_AFTER = '5caa570';
const MAX_SUBJECT = 72;

const known = spawnSync('git', ['cat-file', '-e', `${STYLE_ADOPTED_AFTER}^{commit}`], { encoding: 'utf8' });
if (known.status !== 0) {
  console.log(`check:commits: skipped (commit ${STYLE_ADOPTED_AFTER} is not in this checkout)`);
  process.exit(0);
}
const log = spawnSync('git', ['log', '--format=%h %s', `${STYLE_ADOPTED_AFTER}..HEAD`], { encoding: 'utf8' });
const long = log.stdout
  .split('\n')
  .filter((line) => line.length > 0)
  .filter((line) => line.slice(line.indexOf(' ') + 1).length > MAX_SUBJECT);
if (long.length > 0) {
  console.error(`check:commits: ${long.length} subject(s) over ${MAX_SUBJECT} characters:\n  ${long.join('\n  ')}`);
  console.error('Shorten the subject and move the detail into the body (git rebase -i).');
  process.exit(1);
}
console.log(`check:commits: every subject since ${STYLE_ADOPTED_AFTER} is at most ${MAX_SUBJECT} characters`);
