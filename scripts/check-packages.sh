#!/usr/bin/env bash
# Packs every package (after `npm run build`), installs the tarballs into a fresh temporary project
# and requires each one, then runs the `chainrule` bin: a broken `exports` map, `files` list or bin
# cannot land. Prints what each tarball contains.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/project"

for pkg in core nn expr viz cli; do
  (cd "$root/packages/$pkg" && npm pack --silent --pack-destination "$work/tarballs" >/dev/null)
done
echo "== tarball contents"
for t in "$work"/tarballs/*.tgz; do
  echo "$(basename "$t"): $(tar -tzf "$t" | wc -l) files, $(du -k "$t" | cut -f1) KiB"
  if tar -tzf "$t" | grep -E '\.test\.|/src/|tsconfig|test-support|\.map$' ; then echo "unexpected files in $(basename "$t")"; exit 1; fi
done

cd "$work/project"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work"/tarballs/*.tgz
node -e "
for (const name of ['core', 'nn', 'expr', 'viz', 'cli']) {
  const m = require('@chainrule/' + name);
  if (Object.keys(m).length === 0) throw new Error('@chainrule/' + name + ' exports nothing');
  console.log('require(\'@chainrule/' + name + '\'): ' + Object.keys(m).length + ' exports');
}
const { Value } = require('@chainrule/core');
const w = new Value(0.8); const C = w.mul(1.5).sub(0.5).pow(2); C.backward();
if (Math.abs(w.grad - 2.1) > 1e-12) throw new Error('dC/dw should be 2.1, got ' + w.grad);
console.log('dC/dw = ' + w.grad.toFixed(12));
"
npx --no-install chainrule grad "x^2 * y" --at x=3,y=2 --json
echo "packages install and load: ok"
