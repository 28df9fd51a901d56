/**
 * Requests arrive from a renderer (or, in browser mode, from anything that can reach the port and knows
 * the token): untrusted. Each command's payload is checked here before a handler sees it, so handlers
 * can rely on their TypeScript types. A wrong payload is a programming error on the other side, so it
 * is refused loudly (CommandRejectedError) rather than turned into a user-facing diagnostic.
 */
import { isAbsolute } from 'node:path'
import type { ThreatModel } from '../../model/model'
import { isCommandName, type CommandName, type CommandRequest } from '../../src-shared/ipc-contract'
import { DOCUMENT_KEY_PATTERN } from '../recovery/recovery-storage'
import { CommandRejectedError } from './errors'
import { MAX_MODEL_FILE_BASE64_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS, MAX_REPORT_HTML_CHARS } from './limits'

type Validators = { readonly [Name in CommandName]: (raw: unknown) => CommandRequest<Name> }

const FORMAT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/
// Standard base64 only; Buffer.from would silently skip anything else and hand a reader garbage.
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(name: CommandName, reason: string): never {
  throw new CommandRejectedError(`Invalid request for '${name}': ${reason}`)
}

function noPayload(name: CommandName): (raw: unknown) => null {
  return (raw) => {
    if (raw !== null && raw !== undefined) fail(name, 'expected no payload (null)')
    return null
  }
}

function objectPayload(name: CommandName, raw: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isRecord(raw)) fail(name, 'expected an object')
  const unexpected = Object.keys(raw).filter((key) => !keys.includes(key))
  if (unexpected.length > 0) fail(name, `unexpected field(s) ${unexpected.join(', ')}`)
  return raw
}

function text(name: CommandName, value: unknown, field: string, maxChars: number): string {
  if (typeof value !== 'string') fail(name, `'${field}' must be a string`)
  if (value.length > maxChars) fail(name, `'${field}' is longer than ${maxChars} characters`)
  if (value.includes('\0')) fail(name, `'${field}' contains a NUL character`)
  return value
}

function nonEmptyName(name: CommandName, value: unknown, field: string): string {
  const checked = text(name, value, field, MAX_NAME_CHARS)
  if (checked.trim() === '') fail(name, `'${field}' must not be empty`)
  return checked
}

function formatId(name: CommandName, value: unknown): string {
  const checked = text(name, value, 'formatId', 64)
  if (!FORMAT_ID_PATTERN.test(checked)) fail(name, `'formatId' ${JSON.stringify(checked)} is not a format id`)
  return checked
}

function absolutePath(name: CommandName, value: unknown): string {
  const checked = text(name, value, 'path', MAX_PATH_CHARS)
  if (!isAbsolute(checked)) fail(name, `'path' must be absolute`)
  return checked
}

/**
 * Only the envelope is checked here (an object with the model's top-level collections); the full
 * validation (model/validate.ts) runs in the save/export handlers, where its diagnostics can be shown
 * to the user instead of rejecting the request.
 */
function modelShape(name: CommandName, value: unknown): ThreatModel {
  if (!isRecord(value)) fail(name, `'model' must be an object`)
  if (typeof value.id !== 'string') fail(name, `'model.id' must be a string`)
  if (!isRecord(value.metadata)) fail(name, `'model.metadata' must be an object`)
  for (const list of ['diagrams', 'dataAssets', 'threatDefinitions', 'threats', 'assumptions', 'notes']) {
    if (!Array.isArray(value[list])) fail(name, `'model.${list}' must be an array`)
  }
  return value as unknown as ThreatModel
}

const validators: Validators = {
  'app:info': noPayload('app:info'),
  'formats:list': noPayload('formats:list'),
  'document:open-sample': noPayload('document:open-sample'),
  'document:open-dialog': noPayload('document:open-dialog'),
  'document:recent-list': noPayload('document:recent-list'),
  'document:open-bytes': (raw) => uploadedFile('document:open-bytes', raw),
  'document:open-recent': (raw) => {
    const name = 'document:open-recent'
    const payload = objectPayload(name, raw, ['path'])
    return { path: absolutePath(name, payload.path) }
  },
  'document:save': (raw) => {
    const name = 'document:save'
    const payload = objectPayload(name, raw, ['model', 'path', 'formatId'])
    return {
      model: modelShape(name, payload.model),
      path: payload.path === null ? null : absolutePath(name, payload.path),
      formatId: formatId(name, payload.formatId)
    }
  },
  'document:save-as': (raw) => {
    const name = 'document:save-as'
    const payload = objectPayload(name, raw, ['model', 'suggestedName'])
    return { model: modelShape(name, payload.model), suggestedName: nonEmptyName(name, payload.suggestedName, 'suggestedName') }
  },
  'document:export': (raw) => {
    const name = 'document:export'
    const payload = objectPayload(name, raw, ['model', 'formatId', 'suggestedName'])
    return {
      model: modelShape(name, payload.model),
      formatId: formatId(name, payload.formatId),
      suggestedName: nonEmptyName(name, payload.suggestedName, 'suggestedName')
    }
  },
  'document:native-sha256': (raw) => {
    const name = 'document:native-sha256'
    return { model: modelShape(name, objectPayload(name, raw, ['model']).model) }
  },
  'document:set-dirty': (raw) => {
    const name = 'document:set-dirty'
    const payload = objectPayload(name, raw, ['dirty'])
    if (typeof payload.dirty !== 'boolean') fail(name, `'dirty' must be a boolean`)
    return { dirty: payload.dirty }
  },
  'document:autosave': (raw) => {
    const name = 'document:autosave'
    const payload = objectPayload(name, raw, ['documentKey', 'model', 'path', 'fileName', 'formatId'])
    return {
      documentKey: documentKey(name, payload.documentKey, 'documentKey'),
      model: modelShape(name, payload.model),
      path: payload.path === null ? null : absolutePath(name, payload.path),
      fileName: nonEmptyName(name, payload.fileName, 'fileName'),
      formatId: formatId(name, payload.formatId)
    }
  },
  'document:recovery-list': noPayload('document:recovery-list'),
  'document:recover': (raw) => {
    const name = 'document:recover'
    return { id: documentKey(name, objectPayload(name, raw, ['id']).id, 'id') }
  },
  'document:recovery-discard': (raw) => {
    const name = 'document:recovery-discard'
    return { id: documentKey(name, objectPayload(name, raw, ['id']).id, 'id') }
  },
  'document:check-changed': (raw) => {
    const name = 'document:check-changed'
    const payload = objectPayload(name, raw, ['path', 'acknowledge'])
    if (typeof payload.acknowledge !== 'boolean') fail(name, `'acknowledge' must be a boolean`)
    return { path: absolutePath(name, payload.path), acknowledge: payload.acknowledge }
  },
  'menu:set-state': (raw) => {
    const name = 'menu:set-state'
    const payload = objectPayload(name, raw, ['disabled', 'checked'])
    return { disabled: commandIds(name, payload.disabled, 'disabled'), checked: commandIds(name, payload.checked, 'checked') }
  },
  'report:print-pdf': (raw) => {
    const name = 'report:print-pdf'
    const html = text(name, objectPayload(name, raw, ['html']).html, 'html', MAX_REPORT_HTML_CHARS)
    if (html.trim() === '') fail(name, `'html' must not be empty`)
    return { html }
  },
  // A template is read into memory the same way as an uploaded model, with the same limit.
  'template:read': (raw) => uploadedFile('template:read', raw)
}

/** A file the page uploads as `{ fileName, base64 }`: a name, and base64 text within the model file limit. */
function uploadedFile(name: CommandName, raw: unknown): { fileName: string; base64: string } {
  const payload = objectPayload(name, raw, ['fileName', 'base64'])
  const base64 = text(name, payload.base64, 'base64', MAX_MODEL_FILE_BASE64_CHARS)
  if (!BASE64_PATTERN.test(base64)) fail(name, `'base64' is not base64 text`)
  return { fileName: nonEmptyName(name, payload.fileName, 'fileName'), base64 }
}

/** A list of command ids; the registry has about a hundred, so a much longer list is not one. */
function commandIds(name: CommandName, value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) fail(name, `'${field}' must be a list of command ids`)
  if (value.length > 1000) fail(name, `'${field}' lists more than 1000 command ids`)
  return value.map((entry, index) => text(name, entry, `${field}[${index}]`, 100))
}

function documentKey(name: CommandName, value: unknown, field: string): string {
  const checked = text(name, value, field, 64)
  // Also the recovery file's name: the pattern keeps it inside the recovery folder.
  if (!DOCUMENT_KEY_PATTERN.test(checked)) fail(name, `'${field}' must be 8-64 letters, digits, '-' or '_'`)
  return checked
}

/** The command name, checked against the contract, or a CommandRejectedError. */
export function parseCommandName(raw: unknown): CommandName {
  if (!isCommandName(raw)) {
    const shown = typeof raw === 'string' ? JSON.stringify(raw.slice(0, 100)) : typeof raw
    throw new CommandRejectedError(`Unknown command ${shown}`)
  }
  return raw
}

export function parseCommandRequest<Name extends CommandName>(name: Name, raw: unknown): CommandRequest<Name> {
  const validate = validators[name] as (raw: unknown) => CommandRequest<Name>
  return validate(raw)
}
