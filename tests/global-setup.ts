import { existsSync } from 'node:fs'
import { corpusRoot } from './corpus'

/** The suite reads real files from ../shared/corpus; without them it must fail loudly, not pass vacuously. */
export function setup(): void {
  if (!existsSync(corpusRoot)) {
    throw new Error(
      `The shared corpus is missing: expected it at ${corpusRoot}. Tests read real files from ../shared/corpus (see README, "Tests").`
    )
  }
}
