/**
 * The fuzzing invariant, shared by the vitest files (fixed seed, modest counts) and `npm run fuzz`
 * (scripts/fuzz.ts, any count): for every mutated file, readModelFile (and for .tb7 the template reader)
 * answers with a model or with error diagnostics — no exception, no "reader failed" catch-all, under 2 s
 * for files under 5 MB — a returned model passes model/validate.ts, and no prototype was polluted.
 */
import fc from 'fast-check'
import { readModelFile, templateFormats } from '../../../importers/registry'
import type { Diagnostic } from '../../../model/diagnostics'
import { validateModel } from '../../../model/validate'
import { fuzzCase, mutatedBytes, type FuzzCase, type FuzzTarget } from './fuzz-targets'

export const MAX_MILLISECONDS = 2000
export const TIMED_SIZE_LIMIT = 5 * 1024 * 1024

export interface FuzzStats {
  cases: number
  maxMilliseconds: number
  slowestCase: string
  models: number
  failures: number
}

export class FuzzFinding extends Error {
  constructor(
    message: string,
    readonly bytes: Uint8Array
  ) {
    super(message)
    this.name = 'FuzzFinding'
  }
}

function pollutedPrototypes(): string[] {
  const probes: [string, object][] = [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['String.prototype', String.prototype]
  ]
  return probes.filter(([, prototype]) => Object.hasOwn(prototype, 'polluted')).map(([name]) => name)
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((entry) => entry.severity === 'error')
}

function checkAnswer(
  what: string,
  hasResult: boolean,
  diagnostics: readonly Diagnostic[],
  bytes: Uint8Array
): void {
  const crashed = diagnostics.find((entry) => entry.code === 'format.reader-failed')
  if (crashed !== undefined) throw new FuzzFinding(`${what}: the reader threw: ${crashed.message}`, bytes)
  if (!hasResult && errorsOf(diagnostics).length === 0) throw new FuzzFinding(`${what}: no result and no error diagnostic`, bytes)
}

/** Runs one case; throws a FuzzFinding when the invariant breaks. Returns the read time in ms. */
export function checkCase(target: FuzzTarget, entry: FuzzCase, stats: FuzzStats): void {
  const { seed, bytes } = mutatedBytes(target, entry)
  const fileName = `fuzzed-${seed.name}`
  const started = performance.now()
  let result
  try {
    result = readModelFile({ bytes, fileName, readSibling: seed.readSibling })
  } catch (error) {
    throw new FuzzFinding(`readModelFile threw: ${String(error)}`, bytes)
  }
  let milliseconds = performance.now() - started
  checkAnswer(`readModelFile(${seed.name})`, result.model !== null, result.diagnostics, bytes)
  if (result.model !== null) {
    stats.models++
    const validation = validateModel(result.model)
    if (validation.model === null) {
      const first = errorsOf(validation.diagnostics)[0]
      throw new FuzzFinding(`${result.formatId ?? '?'} reader returned an invalid model: ${first?.code ?? ''} ${first?.message ?? ''}`, bytes)
    }
  }
  if (target.template) {
    const text = new TextDecoder().decode(bytes)
    const format = templateFormats.find((candidate) => candidate.detect(text))
    if (format !== undefined) {
      const templateStarted = performance.now()
      let template
      try {
        template = format.read({ bytes, fileName })
      } catch (error) {
        throw new FuzzFinding(`${format.id} template reader threw: ${String(error)}`, bytes)
      }
      milliseconds = Math.max(milliseconds, performance.now() - templateStarted)
      checkAnswer(`${format.id} template reader`, template.template !== null, template.diagnostics, bytes)
    }
  }
  const polluted = pollutedPrototypes()
  if (polluted.length > 0) {
    for (const prototype of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
      delete (prototype as Record<string, unknown>)['polluted']
    }
    throw new FuzzFinding(`prototype polluted: ${polluted.join(', ')}`, bytes)
  }
  if (bytes.length < TIMED_SIZE_LIMIT && milliseconds > MAX_MILLISECONDS) {
    // A garbage collection or a busy neighbour process can stall one read; a slow reader is slow every time.
    for (let retry = 0; retry < 2 && milliseconds > MAX_MILLISECONDS; retry++) {
      const again = performance.now()
      readModelFile({ bytes, fileName, readSibling: seed.readSibling })
      milliseconds = Math.min(milliseconds, performance.now() - again)
    }
  }
  stats.cases++
  if (milliseconds > stats.maxMilliseconds) {
    stats.maxMilliseconds = milliseconds
    stats.slowestCase = `${seed.name} (${bytes.length} bytes)`
  }
  if (bytes.length < TIMED_SIZE_LIMIT && milliseconds > MAX_MILLISECONDS) {
    throw new FuzzFinding(`read took ${milliseconds.toFixed(0)} ms (limit ${MAX_MILLISECONDS})`, bytes)
  }
}

export function emptyStats(): FuzzStats {
  return { cases: 0, maxMilliseconds: 0, slowestCase: '', models: 0, failures: 0 }
}

export function readerProperty(target: FuzzTarget, stats: FuzzStats): fc.IProperty<[FuzzCase]> {
  return fc.property(fuzzCase(target), (entry) => checkCase(target, entry, stats))
}
