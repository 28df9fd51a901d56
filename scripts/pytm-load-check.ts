/**
 * Does pytm itself accept the loader JSON we write? Converts every corpus model we can read (tm7,
 * Threagile, pytm) to pytm loader JSON and has pytm load, check and resolve each one:
 *
 *   PYTM_SRC=/path/to/pytm npx tsx scripts/pytm-load-check.ts
 *
 * PYTM_SRC is a pytm source folder (a checkout of github.com/OWASP/pytm at the version to check); python3
 * must be able to import it. Exit 0 when every file loads, 1 otherwise. Results: importers/pytm/CONTEXT.md.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { writeModel } from '../importers/registry'
import { readableCorpusModels } from '../tests/readable-corpus-models'

const source = process.env.PYTM_SRC
if (source === undefined || source === '') {
  process.stderr.write('usage: PYTM_SRC=<pytm source folder> npx tsx scripts/pytm-load-check.ts\n')
  process.exit(1)
}

const folder = mkdtempSync(join(tmpdir(), 'pytm-load-check-'))
try {
  // The same corpus models the cross-format tests use (tests/readable-corpus-models.ts).
  let written = 0
  readableCorpusModels().forEach(({ name, model }, index) => {
    writeFileSync(join(folder, `${String(index).padStart(3, '0')}-${basename(name)}.json`), writeModel(model, 'pytm').bytes)
    written++
  })
  const script = [
    'import sys, os, io, contextlib',
    'sys.path.insert(0, sys.argv[1])',
    'from pytm import TM, load',
    'failed = 0',
    'for name in sorted(os.listdir(sys.argv[2])):',
    '    TM.reset()',
    '    try:',
    '        with open(os.path.join(sys.argv[2], name)) as handle, contextlib.redirect_stdout(io.StringIO()):',
    '            tm = load(handle)',
    '            tm.check()',
    '            tm.resolve()',
    '    except Exception as error:',
    '        failed += 1',
    "        print(f'{name}: {type(error).__name__}: {error}')",
    'sys.exit(1 if failed else 0)'
  ].join('\n')
  const result = spawnSync('python3', ['-c', script, source, folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  process.stdout.write(result.stdout)
  process.stdout.write(`${written} corpus models written as pytm loader JSON; ${result.status === 0 ? 'pytm loaded, checked and resolved every one' : 'pytm refused the ones above'}\n`)
  process.exitCode = result.status === 0 ? 0 : 1
} finally {
  rmSync(folder, { recursive: true, force: true })
}
