#!/usr/bin/env node
// npx entry point: runs the bundled CLI, building it first on a fresh checkout.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('podscope: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
require(cli);
