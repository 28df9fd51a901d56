/**
 * Electron security static check (Doyensec's Electronegativity) over what configures the app: the main
 * process, the preload, the shared IPC contract and the renderer's HTML (its CSP).
 *
 *   npm run lint:electron
 *
 * Every finding must be listed in lint/electron-security-reviewed.json with the reason it does not apply and
 * the test that proves it; a new finding fails, and so does a reviewed entry that no longer matches.
 * Two checks are left out because they download Electron's release list, which an air-gapped machine cannot
 * (the Electron version is pinned in package.json instead); see docs/decisions/0008-electron-security-check.md.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck']
const SCANNED = ['src-main', 'src-preload', 'src-shared', 'src-renderer/index.html', 'package.json']

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const toolPackage = require.resolve('@doyensec/electronegativity/package.json')
const toolCli = join(dirname(toolPackage), require(toolPackage).bin.electronegativity)
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron
const reviewed = JSON.parse(readFileSync(join(root, 'lint/electron-security-reviewed.json'), 'utf8')).reviewed

// The tool takes one folder, and scanning the repo root would walk node_modules: scan a copy of what matters.
const staging = mkdtempSync(join(tmpdir(), 'threatwright-electron-check-'))
try {
  for (const path of SCANNED) {
    mkdirSync(dirname(join(staging, path)), { recursive: true })
    cpSync(join(root, path), join(staging, path), { recursive: true })
  }
  const csv = join(staging, 'findings.csv')
  const run = spawnSync(
    process.execPath,
    [toolCli, '-i', staging, '-x', NETWORK_CHECKS.join(','), '-e', electronVersion, '-r', '-o', csv],
    { encoding: 'utf8', timeout: 120_000 }
  )
  if (run.status !== 0) fail(`electronegativity exited with ${run.status ?? run.signal}:\n${run.stderr}${run.stdout}`)
  const findings = parseCsv(readFileSync(csv, 'utf8')).slice(1).filter((row) => row.length > 1).map(toFinding)
  report(findings)
} finally {
  rmSync(staging, { recursive: true, force: true })
}

function toFinding([check, severity, confidence, file, location, , description]) {
  return { check, severity, confidence, file: file.replaceAll('\\', '/'), location, description }
}

function report(findings) {
  const isReviewed = (finding) => reviewed.some((entry) => entry.check === finding.check && entry.file === finding.file)
  const unreviewed = findings.filter((finding) => !isReviewed(finding))
  const stale = reviewed.filter((entry) => !findings.some((finding) => finding.check === entry.check && finding.file === entry.file))
  for (const finding of findings) {
    const mark = isReviewed(finding) ? 'reviewed' : 'NEW'
    console.log(`${mark.padEnd(8)} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.location} ${finding.description}`)
  }
  const problems = [
    ...unreviewed.map((finding) => `unreviewed ${finding.severity} finding ${finding.check} in ${finding.file}:${finding.location}`),
    ...stale.map((entry) => `reviewed entry ${entry.check} in ${entry.file} no longer matches a finding: remove it`)
  ]
  if (problems.length > 0) fail(problems.join('\n'))
  console.log(`electron security check: ${findings.length} findings, all reviewed (lint/electron-security-reviewed.json)`)
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines (the CSP sample does). */
function parseCsv(text) {
  const rows = [[]]
  let field = ''
  let quoted = false
  const endField = () => {
    rows.at(-1).push(field.trim())
    field = ''
  }
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted && char === '"' && text[index + 1] === '"') {
      field += '"'
      index++
    } else if (char === '"') quoted = !quoted
    else if (quoted) field += char
    else if (char === ',') endField()
    else if (char === '\n') {
      endField()
      rows.push([])
    } else if (char !== '\r') field += char
  }
  endField()
  return rows
}

function fail(message) {
  console.error(`electron security check failed:\n${message}`)
  process.exit(1)
}
