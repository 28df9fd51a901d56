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
  // SARIF, not CSV: the CSV's code samples are not reliably quoted, SARIF is JSON.
  const sarif = join(staging, 'findings.sarif')
  const run = spawnSync(
    process.execPath,
    [toolCli, '-i', staging, '-x', NETWORK_CHECKS.join(','), '-e', electronVersion, '-r', '-o', sarif],
    { encoding: 'utf8', timeout: 120_000 }
  )
  if (run.status !== 0) fail(`electronegativity exited with ${run.status ?? run.signal}:\n${run.stderr}${run.stdout}`)
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs?.[0]?.results
  if (!Array.isArray(results)) fail(`electronegativity wrote no SARIF results:\n${run.stdout}`)
  report(results.map(toFinding))
} finally {
  rmSync(staging, { recursive: true, force: true })
}

function toFinding(result) {
  const location = result.locations?.[0]?.physicalLocation
  return {
    check: String(result.ruleId),
    severity: String(result.level ?? ''),
    file: String(location?.artifactLocation?.uri ?? '').replaceAll('\\', '/'),
    location: `${location?.region?.startLine ?? '?'}:${location?.region?.startColumn ?? '?'}`,
    description: String(result.message?.text ?? '')
  }
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

function fail(message) {
  console.error(`electron security check failed:\n${message}`)
  process.exit(1)
}
