import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runInfo } from '../../../cli/commands/info'
import { capturingContext, samplePath, temporaryFolderPerTest } from './cli-test-io'

const folder = temporaryFolderPerTest()

describe('threatwright info', () => {
  it('prints the title, format, counts, states and diagrams of the sample', async () => {
    const context = capturingContext()
    expect(await runInfo([samplePath], context)).toBe(0)
    expect(context.err()).toBe('')
    const text = context.out()
    expect(text).toContain(`File:     ${samplePath}\n`)
    expect(text).toContain('Title:    Web shop (sample)\n')
    expect(text).toContain('Format:   Threatwright model (native)\n')
    expect(text).toContain('Diagrams 1, elements 5, flows 7, boundaries 3, data assets 3\n')
    expect(text).toContain('Threats 8 (definitions 6), assumptions 2, notes 1\n')
    expect(text).toContain('  Not started          2\n')
    expect(text).toContain('  Needs investigation  2\n')
    expect(text).toContain('  Not applicable       1\n')
    expect(text).toContain('  Mitigated            2\n')
    expect(text).toContain('  Accepted             1\n')
    expect(text).toContain('  Unrecognised state   0\n')
    expect(text).toContain('  Shop overview (dfd-main): 5 elements, 7 flows, 3 boundaries, 8 threats\n')
    expect(text).toContain('Diagnostics: none\n')
  })

  it('prints the documented JSON shape with sorted keys for --json', async () => {
    const context = capturingContext()
    expect(await runInfo(['--json', samplePath], context)).toBe(0)
    const printed = context.out()
    expect(JSON.parse(printed)).toEqual({
      file: samplePath,
      format: { id: 'native', label: 'Threatwright model' },
      title: 'Web shop (sample)',
      counts: {
        diagrams: 1,
        elements: 5,
        flows: 7,
        boundaries: 3,
        dataAssets: 3,
        threatDefinitions: 6,
        threats: 8,
        assumptions: 2,
        notes: 1
      },
      threatsByState: { notStarted: 2, needsInvestigation: 2, notApplicable: 1, mitigated: 2, accepted: 1, unrecognized: 0 },
      diagrams: [{ id: 'dfd-main', name: 'Shop overview', elements: 5, flows: 7, boundaries: 3, threats: 8 }],
      diagnostics: [],
      template: null
    })
    // Sorted keys, two-space indentation, one trailing newline.
    expect(printed.startsWith('{\n  "counts": {\n    "assumptions": 2,\n')).toBe(true)
    expect(printed.endsWith('\n  "title": "Web shop (sample)"\n}\n')).toBe(true)
  })

  it('exits 2 naming the file, line and column for bad JSON in a native file', async () => {
    const path = join(folder.path, 'broken.twm')
    await writeFile(path, '{\n  "format": "threatwright",\n  "formatVersion": 1,\n  "model": {\n')
    const context = capturingContext()
    expect(await runInfo([path], context)).toBe(2)
    expect(context.out()).toBe('')
    expect(context.err()).toMatch(new RegExp(`^${escape(path)}, line 5, column 1: error: not valid JSON: `))
  })

  it('exits 2 for a file from a newer Threatwright', async () => {
    const path = join(folder.path, 'future.twm')
    await writeFile(path, '{"format": "threatwright", "formatVersion": 99, "model": {}}')
    const context = capturingContext()
    expect(await runInfo([path], context)).toBe(2)
    expect(context.err()).toBe(
      `${path}: error: written by a newer Threatwright: format version 99, this version reads up to 2; nothing was changed\n`
    )
  })

  it('exits 2 for unknown and for recognised-but-unsupported formats', async () => {
    const unknown = join(folder.path, 'notes.txt')
    await writeFile(unknown, 'shopping list\n')
    const first = capturingContext()
    expect(await runInfo([unknown], first)).toBe(2)
    expect(first.err()).toContain(`${unknown}: error: not a format Threatwright can read: expected `)

    const otm = join(folder.path, 'model.json')
    await writeFile(otm, '{"otmVersion": "0.2.0", "project": {"name": "x", "id": "x"}}')
    const second = capturingContext()
    expect(await runInfo([otm], second)).toBe(2)
    expect(second.err()).toBe(`${otm}: error: recognised as an Open Threat Model (OTM) file, which this version cannot read yet\n`)
  })

  it('exits 2 for a missing file or a folder, and 1 for a usage mistake', async () => {
    const missing = capturingContext()
    expect(await runInfo([join(folder.path, 'nope.twm')], missing)).toBe(2)
    expect(missing.err()).toBe(`threatwright: cannot read ${join(folder.path, 'nope.twm')}: no such file or folder\n`)

    const directory = capturingContext()
    expect(await runInfo([folder.path], directory)).toBe(2)
    expect(directory.err()).toContain('is a folder, not a file')

    const usage = capturingContext()
    expect(await runInfo([], usage)).toBe(1)
    expect(usage.err()).toBe(
      "threatwright: missing <file> for 'info'\nUsage: threatwright info <file> [--json]   (see 'threatwright help info')\n"
    )
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('threatwright info on a Microsoft TMT model', () => {
  it('reports counts, threats by state and the template, as counted by hand in autocert.tm7', async () => {
    const { corpusFiles } = await import('../../corpus')
    const path = corpusFiles('tm7', ['.tm7']).find((file) => file.endsWith('autocert.tm7'))!
    const context = capturingContext()
    expect(await runInfo([path, '--json'], context)).toBe(0)
    const report = JSON.parse(context.out()) as Record<string, unknown>
    // grep counts: 5 StencilEllipse + 1 StencilRectangle; 6 Connector; 1 BorderBoundary + 1 LineBoundary;
    // <b:State>: 12 Mitigated, 4 NotApplicable; one DrawingSurfaceModel; the Manifest's Id, Name and Version.
    expect(report).toMatchObject({
      format: { id: 'tm7' },
      counts: { diagrams: 1, elements: 6, flows: 6, boundaries: 2, threats: 16 },
      threatsByState: { notStarted: 0, needsInvestigation: 0, notApplicable: 4, mitigated: 12, accepted: 0, unrecognized: 0 },
      template: { id: 'cc62ebae-3748-431e-b1df-f4220dc9003f', name: 'SDL TM Knowledge Base (Core)', version: '4.1.0.11' }
    })
  })
})
