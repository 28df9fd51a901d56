import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { corpusFiles } from '../../corpus'

/** Every corpus template: the tb7 folder and the catalogues' copies of Microsoft's templates. */
export function corpusTemplates(): string[] {
  return [...corpusFiles('tb7', ['.tb7']), ...corpusFiles('catalogues', ['.tb7'])]
}

export function bytesAt(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path))
}

export function name(path: string): string {
  return basename(path)
}

/** Occurrences of an open tag `<Name>` (optionally prefixed `<a:Name>`), counted on the raw text. */
export function countOpenTags(text: string, localName: string): number {
  return text.match(new RegExp(`<(?:\\w+:)?${localName}>`, 'g'))?.length ?? 0
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
