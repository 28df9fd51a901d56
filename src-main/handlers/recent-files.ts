/**
 * The Open Recent list, kept as JSON in the app's own data folder. Small and best effort: a corrupt or
 * unreadable file reads as an empty list, never as an error the user has to deal with.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { writeFileAtomic } from '../../node-io/atomic-write'
import type { RecentFilesStore } from './ports'

export const MAX_RECENT_FILES = 10
export const RECENT_FILES_NAME = 'recent-files.json'
const STORE_VERSION = 1

export interface RecentFilesOptions {
  /** The app's data folder (Electron's userData, browser mode's XDG folder); created on first write. */
  readonly folder: string
  /** Told the new list after every change, e.g. to rebuild the Open Recent menu. */
  readonly onChange?: (paths: readonly string[]) => void
}

function parseStore(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text)
    const paths = typeof parsed === 'object' && parsed !== null ? (parsed as { paths?: unknown }).paths : undefined
    if (!Array.isArray(paths)) return []
    return paths.filter((entry): entry is string => typeof entry === 'string' && isAbsolute(entry)).slice(0, MAX_RECENT_FILES)
  } catch {
    return []
  }
}

export function createRecentFilesStore(options: RecentFilesOptions): RecentFilesStore {
  const file = join(options.folder, RECENT_FILES_NAME)
  let cached: string[] | null = null
  // Changes run one after another, so two quick opens cannot interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve()

  async function load(): Promise<string[]> {
    if (cached === null) cached = parseStore(await readFile(file, 'utf8').catch(() => ''))
    return cached
  }

  async function persist(paths: string[]): Promise<void> {
    cached = paths
    await mkdir(options.folder, { recursive: true })
    const text = `${JSON.stringify({ version: STORE_VERSION, paths }, null, 2)}\n`
    await writeFileAtomic(file, new TextEncoder().encode(text), { backup: false })
    options.onChange?.([...paths])
  }

  function change(update: (paths: readonly string[]) => string[]): Promise<void> {
    const next = queue.then(async () => {
      const current = await load()
      const updated = update(current)
      const unchanged = updated.length === current.length && updated.every((entry, index) => entry === current[index])
      if (!unchanged) await persist(updated)
    })
    queue = next.catch(() => undefined)
    return next
  }

  return {
    async list() {
      await queue
      return [...(await load())]
    },
    add: (path) => change((paths) => [path, ...paths.filter((entry) => entry !== path)].slice(0, MAX_RECENT_FILES)),
    remove: (path) => change((paths) => paths.filter((entry) => entry !== path))
  }
}
