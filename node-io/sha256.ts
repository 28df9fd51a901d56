import { createHash } from 'node:crypto'

/**
 * Lower-case hex SHA-256 of `bytes`, as `sha256sum` prints it. Main and the CLI hash the exact bytes they
 * read and write, so what a report or the change check compares with is the file, not a re-serialisation.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
