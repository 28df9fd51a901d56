/**
 * Small stand-ins for the handlers' ports: a two-format registry (native JSON and a lossy "fake YAML"),
 * recording dialogs, and an in-memory recent list. Files are real (a temp folder), so saves really go
 * through node-io/atomic-write.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { diagnostic } from '../../../model/diagnostics'
import { emptyModel } from '../../../model/factory'
import type { ThreatModel } from '../../../model/model'
import type { ModelFormat } from '../../../importers/format'
import { createCommandHandlers } from '../../../src-main/handlers/command-handlers'
import { createNodeFiles } from '../../../src-main/handlers/node-files'
import type { CommandHandlerDeps, DialogPort, FormatRegistry, RecentFilesStore } from '../../../src-main/handlers/ports'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export const NATIVE_MARKER = '{"threatwright-native":'
export const YAML_MARKER = 'fake-yaml:'

export const nativeFormat: ModelFormat = {
  id: 'native',
  label: 'Threatwright model',
  extensions: ['.twm'],
  detect: (text) => text.startsWith(NATIVE_MARKER),
  read: ({ bytes }) => ({ model: JSON.parse(decoder.decode(bytes))['threatwright-native'] as ThreatModel, diagnostics: [] }),
  write: (model) => ({ bytes: encoder.encode(`${NATIVE_MARKER}${JSON.stringify(model)}}`), diagnostics: [] })
}

/** Reads and writes, but loses the notes: a lossy export with a warning. */
export const yamlFormat: ModelFormat = {
  id: 'fake-yaml',
  label: 'Fake YAML',
  extensions: ['.yaml', '.yml'],
  detect: (text) => text.startsWith(YAML_MARKER),
  read: ({ bytes, fileName }) => ({
    model: JSON.parse(decoder.decode(bytes).slice(YAML_MARKER.length)) as ThreatModel,
    diagnostics: [diagnostic('yaml.note', 'info', 'read as fake YAML', { file: fileName })]
  }),
  write: (model) => ({
    bytes: encoder.encode(`${YAML_MARKER}${JSON.stringify({ ...model, notes: [] })}`),
    diagnostics: [diagnostic('yaml.notes-dropped', 'warning', 'Fake YAML has no notes')]
  })
}

export const readOnlyFormat: ModelFormat = { id: 'read-only', label: 'Read only', extensions: ['.ro'], detect: () => false, read: () => ({ model: null, diagnostics: [] }) }

export const fakeRegistry: FormatRegistry = {
  formats: [nativeFormat, yamlFormat, readOnlyFormat],
  readModelFile(input) {
    const text = decoder.decode(input.bytes)
    const format = [nativeFormat, yamlFormat].find((candidate) => candidate.detect(text))
    if (format?.read === undefined) {
      return { model: null, formatId: null, diagnostics: [diagnostic('test.unknown', 'error', `${input.fileName}: unknown format`, { file: input.fileName })] }
    }
    return { ...format.read(input), formatId: format.id }
  },
  detectFormat(bytes) {
    const text = decoder.decode(bytes)
    return [nativeFormat, yamlFormat].find((candidate) => candidate.detect(text)) ?? null
  },
  writeModel(model, formatId) {
    const format = [nativeFormat, yamlFormat].find((candidate) => candidate.id === formatId)
    if (format?.write === undefined) return { bytes: new Uint8Array(), diagnostics: [diagnostic('test.no-writer', 'error', 'no writer')] }
    return format.write(model)
  }
}

export function nativeBytes(model: ThreatModel): Uint8Array {
  return nativeFormat.write?.(model).bytes ?? new Uint8Array()
}

export function yamlBytes(model: ThreatModel): Uint8Array {
  return encoder.encode(`${YAML_MARKER}${JSON.stringify(model)}`)
}

export function memoryRecentFiles(initial: readonly string[] = []): RecentFilesStore & { readonly paths: string[] } {
  const paths = [...initial]
  return {
    paths,
    list: async () => [...paths],
    add: async (path) => {
      const index = paths.indexOf(path)
      if (index >= 0) paths.splice(index, 1)
      paths.unshift(path)
    },
    remove: async (path) => {
      const index = paths.indexOf(path)
      if (index >= 0) paths.splice(index, 1)
    }
  }
}

export interface RecordingDialogs extends DialogPort {
  /** What showOpen / showSave answer next. */
  openAnswer: string | null
  saveAnswer: string | null
  confirmAnswer: boolean
  readonly calls: string[]
}

export function recordingDialogs(): RecordingDialogs {
  const dialogs: RecordingDialogs = {
    openAnswer: null,
    saveAnswer: null,
    confirmAnswer: false,
    calls: [],
    showOpen: async () => {
      dialogs.calls.push('showOpen')
      return dialogs.openAnswer
    },
    showSave: async (suggestedName, format) => {
      dialogs.calls.push(`showSave ${suggestedName} ${format.id}`)
      return dialogs.saveAnswer
    },
    confirmOverwriteForeignFormat: async (path, found, target) => {
      dialogs.calls.push(`confirmForeign ${path} ${found ?? 'unrecognised'} -> ${target}`)
      return dialogs.confirmAnswer
    },
    confirmOverwrite: async (path) => {
      dialogs.calls.push(`confirmOverwrite ${path}`)
      return dialogs.confirmAnswer
    }
  }
  return dialogs
}

/** A fresh temporary folder for the running test, removed when it finishes. */
export async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'threatwright-main-'))
  onTestFinished(() => rm(folder, { recursive: true, force: true }))
  return folder
}

export function testModel(title = 'Web shop'): ThreatModel {
  return emptyModel(title)
}

export function makeHandlers(overrides: Partial<CommandHandlerDeps> = {}) {
  const dialogs = recordingDialogs()
  const recentFiles = memoryRecentFiles()
  const dirtyCalls: boolean[] = []
  const deps: CommandHandlerDeps = {
    mode: 'electron',
    appVersion: '1.2.3',
    dialogs,
    files: createNodeFiles(),
    recentFiles,
    setDirty: (dirty) => dirtyCalls.push(dirty),
    registry: fakeRegistry,
    sample: { fileName: 'web-shop.twm', bytes: nativeBytes(testModel('Sample shop')) },
    ...overrides
  }
  return { handlers: createCommandHandlers(deps), dialogs, recentFiles, dirtyCalls, deps }
}
