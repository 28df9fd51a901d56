import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../../model/diagnostics'
import type { TemplateReadOutcome } from '../../../src-shared/ipc-contract'
import { CommandRejectedError } from '../../../src-main/handlers/errors'
import { corpusFiles } from '../../corpus'
import { makeHandlers } from './handler-fakes'

/**
 * `template:read` (Threats ▸ Apply Template with a .tb7): the renderer sends the file's bytes, main reads
 * them with the template registry. Requests go through `dispatch`, as they arrive over IPC and HTTP.
 */
function request(path: string, fileName = basename(path)): { fileName: string; base64: string } {
  return { fileName, base64: readFileSync(path).toString('base64') }
}

async function readTemplate(payload: unknown): Promise<TemplateReadOutcome> {
  return (await makeHandlers().handlers.dispatch('template:read', payload)) as TemplateReadOutcome
}

/** The Manifest's attributes, taken from the raw text: `<Manifest name="…" id="…" version="…" …/>`. */
function manifestOf(text: string): { name: string; id: string; version: string } {
  const manifest = /<Manifest\b[^>]*>/.exec(text)?.[0] ?? ''
  const attribute = (key: string): string => new RegExp(`\\s${key}="([^"]*)"`).exec(manifest)?.[1] ?? `(no ${key})`
  return { name: attribute('name'), id: attribute('id'), version: attribute('version') }
}

describe('template:read', () => {
  it.each(corpusFiles('tb7', ['.tb7']).map((path) => [basename(path), path]))('reads the corpus template %s', async (_, path) => {
    const outcome = await readTemplate(request(path))
    if (outcome.kind !== 'read') throw new Error(outcome.diagnostics.map(formatDiagnostic).join('\n'))
    const text = readFileSync(path, 'utf8')
    expect(outcome.template.ref).toEqual(manifestOf(text))
    // Counted on the raw text: XmlSerializer writes `<ElementType>` only for type records.
    expect(outcome.template.elementTypes).toHaveLength(text.match(/<ElementType>/g)?.length ?? -1)
    expect(outcome.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    // The answer crosses IPC and HTTP as JSON: plain data only.
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome)
    // The text Apply Template stores: the file as read, a byte-order mark (one corpus file has one) dropped.
    expect(outcome.source).toEqual({ fileName: basename(path), text: text.replace(/^\uFEFF/, '') })
  })

  it('refuses a model file, saying what it is and naming it', async () => {
    const outcome = await readTemplate(request(join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')))
    expect(outcome.kind).toBe('failed')
    if (outcome.kind !== 'failed') return
    expect(outcome.fileName).toBe('web-shop.twm')
    expect(outcome.diagnostics.map(formatDiagnostic)).toEqual([
      'web-shop.twm: error: web-shop.twm is a Threatwright model, not a template; expected a Microsoft Threat Modeling Tool template (.tb7)'
    ])
  })

  it('refuses a file that is no format at all, and an empty one', async () => {
    const notes = await readTemplate({ fileName: 'notes.tb7', base64: Buffer.from('just some notes\n').toString('base64') })
    expect(notes.kind === 'failed' && notes.diagnostics.map(formatDiagnostic)).toEqual([
      'notes.tb7: error: notes.tb7 is not a template Threatwright can read; expected a Microsoft Threat Modeling Tool template (.tb7)'
    ])
    const empty = await readTemplate({ fileName: 'empty.tb7', base64: '' })
    expect(empty.kind === 'failed' && empty.diagnostics.map(formatDiagnostic)).toEqual(['empty.tb7: error: the file is empty'])
  })

  it('reports a damaged template with the file and the place it breaks', async () => {
    const path = corpusFiles('tb7', ['.tb7']).find((each) => basename(each).startsWith('azure-cloud-services-1.0.0.33'))
    if (path === undefined) throw new Error('azure-cloud-services-1.0.0.33.tb7 is missing from the corpus')
    const truncated = readFileSync(path).subarray(0, 50_000)
    const outcome = await readTemplate({ fileName: 'damaged.tb7', base64: truncated.toString('base64') })
    expect(outcome.kind).toBe('failed')
    if (outcome.kind !== 'failed') return
    expect(outcome.diagnostics.length).toBeGreaterThan(0)
    for (const entry of outcome.diagnostics) {
      expect(entry.severity).toBe('error')
      expect(entry.location.file).toBe('damaged.tb7')
    }
    // Cut off inside the XML: the message says where, by line.
    expect(formatDiagnostic(outcome.diagnostics[0]!)).toMatch(/^damaged\.tb7, line \d+, column \d+: error: /)
  })

  it('keeps only the last segment of the name the renderer sent', async () => {
    const outcome = await readTemplate({ fileName: '../../etc/notes.tb7', base64: Buffer.from('x').toString('base64') })
    expect(outcome).toMatchObject({ kind: 'failed', fileName: 'notes.tb7' })
  })

  it('rejects malformed payloads before reading anything', async () => {
    await expect(readTemplate(null)).rejects.toThrow(CommandRejectedError)
    await expect(readTemplate({ fileName: 'a.tb7' })).rejects.toThrow(/'base64' must be a string/)
    await expect(readTemplate({ fileName: 'a.tb7', base64: 'not base64!' })).rejects.toThrow(/not base64 text/)
    await expect(readTemplate({ fileName: '', base64: '' })).rejects.toThrow(/'fileName' must not be empty/)
    await expect(readTemplate({ fileName: 'a.tb7', base64: '', path: '/etc/passwd' })).rejects.toThrow(/unexpected field/)
  })
})
