/**
 * CONTRACT STUB written by the lead; the importers engineer replaces the bodies.
 * The exported names and signatures are fixed: src-main and cli code against them.
 */
import type { ThreatModel } from '../model/model'
import type { ModelFormat, ReadInput, ReadResult, WriteResult } from './format'

/** Every format Threatwright knows, in menu order. */
export const formats: readonly ModelFormat[] = []

/** A read through the registry also says which format the content was detected as (null: none). */
export interface DetectedReadResult extends ReadResult {
  readonly formatId: string | null
}

/** Detects the format by content (never by extension) and reads it. Never throws. */
export function readModelFile(_input: ReadInput): DetectedReadResult {
  throw new Error('not implemented yet')
}

/** The writable format for an output path, by its extension (`.twm`, `.tm7`, `.yaml`, `.json`), or null. */
export function formatForOutputPath(_path: string): ModelFormat | null {
  throw new Error('not implemented yet')
}

/** The format these bytes are, by content, or null. Never throws. */
export function detectFormat(_bytes: Uint8Array): ModelFormat | null {
  throw new Error('not implemented yet')
}

/** Writes the model in a registered format; an unknown or read-only format id gives an error diagnostic. */
export function writeModel(_model: ThreatModel, _formatId: string): WriteResult {
  throw new Error('not implemented yet')
}
