// Preloaded with `node -r` by the start-up test: on exit, writes the files the process required
// (the keys of require.cache) to the path in CHAINRULE_MODULES_FILE.
const fs = require('fs');

process.on('exit', () => {
  fs.writeFileSync(process.env.CHAINRULE_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
