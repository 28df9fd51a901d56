import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** ../shared/corpus seen from the repository root; THREATWRIGHT_CORPUS overrides it. */
export const corpusRoot = resolve(process.env.THREATWRIGHT_CORPUS ?? join(__dirname, '..', '..', 'shared', 'corpus'))

/**
 * Every file under corpus/<folder> whose name ends with one of `extensions`, found by walking the folder
 * (never a hard-coded list, so files added later are tested too). Throws when nothing matches.
 */
export function corpusFiles(folder: string, extensions: readonly string[]): string[] {
  const found: string[] = []
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (extensions.some((extension) => name.toLowerCase().endsWith(extension))) found.push(path)
    }
  }
  walk(join(corpusRoot, folder))
  if (found.length === 0) throw new Error(`No ${extensions.join('/')} files under ${join(corpusRoot, folder)}`)
  return found
}
