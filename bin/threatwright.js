#!/usr/bin/env node
'use strict'
// The CLI is TypeScript bundled by `electron-vite build` (run by npm's postinstall) into out/main/cli.js.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write('threatwright: the CLI is not built yet; run `npm run build` (npm ci does it for you).\n')
  process.exit(1)
}
require(built)
