/**
 * Names for files we suggest or offer as downloads. Names from the renderer are untrusted: they become a
 * single path segment here (no folders, no `..`), so a suggestion can never steer where a file lands.
 */
import { basename, extname } from 'node:path'
import type { ThreatModel } from '../../model/model'

const FALLBACK_NAME = 'threat-model'
// Characters Windows refuses in names, plus control characters: the download may land on any OS.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const MAX_BASE_NAME_CHARS = 150

/** Any text (a title) as one file name: separators and unsafe characters become `_`. */
function sanitizedName(text: string): string {
  const cleaned = text.replace(UNSAFE_CHARACTERS, '_').trim().replace(/^\.+/, '')
  return cleaned === '' ? FALLBACK_NAME : cleaned
}

/** The last path segment (either separator, whatever the host OS), made safe to use as a file name. */
export function safeFileName(raw: string): string {
  return sanitizedName(raw.split(/[/\\]/).pop() ?? '')
}

/**
 * `name` with its extension replaced by `extension` when it is one of `replaceable` (the formats we know),
 * kept otherwise: `shop.tm7` → `shop.twm`, but `release.v2` → `release.v2.twm`.
 */
export function withExtension(name: string, extension: string, replaceable: readonly string[]): string {
  const current = extname(name).toLowerCase()
  const stem = current !== '' && replaceable.includes(current) ? name.slice(0, -current.length) : name
  const shortened = stem.slice(0, MAX_BASE_NAME_CHARS)
  return `${shortened === '' ? FALLBACK_NAME : shortened}${extension}`
}

/** A download name for a model that has no file yet: its title. */
export function nameFromTitle(model: ThreatModel): string {
  return sanitizedName(typeof model.metadata.title === 'string' ? model.metadata.title : '')
}

export function hasExtension(path: string, extensions: readonly string[]): boolean {
  return extensions.includes(extname(basename(path)).toLowerCase())
}
