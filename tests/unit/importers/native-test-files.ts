import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Helpers shared by the native-format tests: the sample file's bytes and text, and encoders. */
export const repositoryRoot = join(__dirname, '..', '..', '..')

export const sampleBytes: Uint8Array = new Uint8Array(readFileSync(join(repositoryRoot, 'samples', 'web-shop.twm')))

export const sampleText: string = new TextDecoder().decode(sampleBytes)

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** The sample as a parsed document, to change one field and write it back as a test input. */
export function sampleDocument(): Record<string, unknown> {
  return JSON.parse(sampleText) as Record<string, unknown>
}

export function textOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}
