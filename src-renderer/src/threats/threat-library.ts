import { canonical } from '../../../model/canonical'
import { newUserThreat } from '../../../model/factory'
import type { Threat } from '../../../model/model'
import type { ThreatDestination } from './threat-destinations'

/**
 * The reviewer's reusable threats ("Save as reusable", "Insert from library…"), remembered on this
 * machine. Session preference, not model data: it is never saved in a document and travels with no file,
 * like the reviewer name (reviewer-name.ts). Storage can be unavailable or hold anything (private windows,
 * another version), so reads are guarded and keep only well-formed entries.
 */
export const LIBRARY_KEY = 'threatwright.threat-library'

export interface LibraryEntry {
  readonly title: string
  /** The canonical category (`spoofing`, …), or null when uncategorised. */
  readonly category: string | null
  readonly description: string
  /** Mitigation descriptions; their status belongs to the threat they were decided on, not to the template. */
  readonly mitigations: readonly string[]
}

type Reader = Pick<Storage, 'getItem'> | undefined
type Writer = Pick<Storage, 'getItem' | 'setItem'> | undefined

export function loadLibrary(storage: Reader = globalThis.localStorage): readonly LibraryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(LIBRARY_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isEntry) : []
  } catch {
    return []
  }
}

/** Adds an entry, replacing one with the same title; returns the library as stored (or as it would be). */
export function saveToLibrary(entry: LibraryEntry, storage: Writer = globalThis.localStorage): readonly LibraryEntry[] {
  const next = [...loadLibrary(storage).filter((each) => each.title !== entry.title), entry]
  try {
    storage?.setItem(LIBRARY_KEY, JSON.stringify(next))
  } catch {
    // Not remembered (storage full or off); nothing in the document depends on it.
  }
  return next
}

export function entryOf(threat: Threat): LibraryEntry {
  return {
    title: threat.title,
    category: threat.category.value ?? threat.category.raw,
    description: threat.description,
    mitigations: threat.mitigations.map((mitigation) => mitigation.description)
  }
}

/** A new user threat from a library entry, on the destination; mitigations start as proposed (triage-draft.ts). */
export function threatFromEntry(entry: LibraryEntry, destination: ThreatDestination): Threat {
  const threat = newUserThreat(destination.target, entry.title, {
    diagramId: destination.diagramId,
    ...(entry.category === null ? {} : { category: canonical(entry.category) })
  })
  return { ...threat, description: entry.description, mitigations: entry.mitigations.map((description) => ({ description, status: 'proposed' })) }
}

/** Entries whose title, category or description hold every word of the query. */
export function searchLibrary(entries: readonly LibraryEntry[], query: string): readonly LibraryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '')
  return entries.filter((entry) => {
    const text = `${entry.title} ${entry.category ?? ''} ${entry.description}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}

function isEntry(value: unknown): value is LibraryEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.title === 'string' &&
    entry.title !== '' &&
    (entry.category === null || typeof entry.category === 'string') &&
    typeof entry.description === 'string' &&
    Array.isArray(entry.mitigations) &&
    entry.mitigations.every((mitigation) => typeof mitigation === 'string')
  )
}
