/**
 * Every command of the IPC contract, in plain Node. The same object answers Electron IPC
 * (src-main/ipc) and browser mode's HTTP API (src-main/browser-mode), so the renderer cannot tell them apart.
 */
import * as formatRegistry from '../../importers/registry'
import { SAMPLE_FILE_NAME, sampleModelBytes } from '../../samples/index'
import { diagnostic } from '../../model/diagnostics'
import type { CommandName, CommandRequest, CommandResponse, FormatInfo, SaveOutcome } from '../../src-shared/ipc-contract'
import { createChangeDetector } from '../recovery/change-detector'
import type { HandlerContext } from './handler-context'
import { createOpenCommands } from './open-commands'
import type { CommandHandlerDeps, FormatRegistry } from './ports'
import { printReportPdf } from './print-pdf-command'
import { createSaveCommands } from './save-commands'
import { readTemplateFile } from './template-commands'
import { parseCommandName, parseCommandRequest } from './validate-request'

export const APP_NAME = 'Threatwright'

const recoveryUnavailable = diagnostic('main.recovery.unavailable', 'error', 'Crash recovery is not available in this session.')

type Implementations = { readonly [Name in CommandName]: (request: CommandRequest<Name>) => Promise<CommandResponse<Name>> }

export interface CommandHandlers {
  /**
   * For requests from outside the main process (IPC, HTTP): checks the name and the payload, then runs
   * the command. Rejects with CommandRejectedError for an unknown command or a malformed payload.
   */
  dispatch(name: unknown, request: unknown): Promise<unknown>
  /** Typed entry for main-side callers (the menu's Open Recent). */
  run<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>>
  /** Opens any path the OS handed us (file association, second instance); not reachable from the renderer. */
  openPath: ReturnType<typeof createOpenCommands>['openPath']
}

/** importers/registry.ts as the FormatRegistry port. */
export const defaultFormatRegistry: FormatRegistry = {
  get formats() {
    return formatRegistry.formats
  },
  readModelFile: (input) => formatRegistry.readModelFile(input),
  detectFormat: (bytes) => formatRegistry.detectFormat(bytes),
  writeModel: (model, formatId) => formatRegistry.writeModel(model, formatId)
}

export function createCommandHandlers(deps: CommandHandlerDeps): CommandHandlers {
  const context: HandlerContext = {
    deps,
    registry: deps.registry ?? defaultFormatRegistry,
    sample: deps.sample ?? { fileName: SAMPLE_FILE_NAME, bytes: sampleModelBytes },
    knownPaths: new Set<string>(),
    changes: createChangeDetector(deps.files),
    ignoreStoreFailure: (pending) => pending.catch(() => undefined)
  }
  const open = createOpenCommands(context)
  const save = createSaveCommands(context)

  const reportSave = (outcome: SaveOutcome): SaveOutcome => {
    deps.afterSave?.(outcome)
    return outcome
  }

  const implementations: Implementations = {
    'app:info': async () => ({ name: APP_NAME, version: deps.appVersion, mode: deps.mode }),
    'formats:list': async () =>
      context.registry.formats.map(
        (format): FormatInfo => ({
          id: format.id,
          label: format.label,
          extensions: [...format.extensions],
          canRead: format.read !== undefined,
          canWrite: format.write !== undefined
        })
      ),
    'document:open-sample': () => open.openSample(),
    'document:open-dialog': () => open.openDialog(),
    'document:open-bytes': (request) => open.openBytes(request),
    'document:open-recent': (request) => open.openRecent(request),
    'document:recent-list': async () => [...(await deps.recentFiles.list())],
    'document:save': async (request) => reportSave(await save.save(request)),
    'document:save-as': async (request) => reportSave(await save.saveAs(request)),
    'document:export': (request) => save.exportModel(request),
    'document:native-sha256': (request) => save.nativeSha256(request),
    'document:set-dirty': async ({ dirty }) => {
      deps.setDirty(dirty)
      return null
    },
    'document:autosave': async (request) =>
      deps.recovery === undefined ? { kind: 'failed', diagnostics: [recoveryUnavailable] } : deps.recovery.autosave(request),
    'document:recovery-list': async () => (deps.recovery === undefined ? [] : deps.recovery.list()),
    'document:recover': async ({ id }) =>
      deps.recovery === undefined ? { kind: 'failed', fileName: id, diagnostics: [recoveryUnavailable] } : deps.recovery.recover(id),
    'document:recovery-discard': async ({ id }) => {
      await deps.recovery?.discard(id)
      return null
    },
    // Only files this session opened or saved are tracked, so a renderer cannot probe arbitrary paths.
    'document:check-changed': ({ path, acknowledge }) => context.changes.check(path, acknowledge),
    'menu:set-state': async (state) => {
      deps.setMenuState?.(state)
      return null
    },
    'report:print-pdf': ({ html }) => printReportPdf(deps.printPdf, html),
    'template:read': (request) => readTemplateFile(request)
  }

  function run<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>> {
    const implementation = implementations[name] as (request: CommandRequest<Name>) => Promise<CommandResponse<Name>>
    return implementation(request)
  }

  return {
    run,
    openPath: open.openPath,
    async dispatch(rawName, rawRequest) {
      const name = parseCommandName(rawName)
      return run(name, parseCommandRequest(name, rawRequest))
    }
  }
}
