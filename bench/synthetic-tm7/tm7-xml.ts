/** Namespaces and small writers for the exact DataContract shape of a .tm7 (tmt-format.md §2–§10). */
export const MODEL_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model'
export const ABSTRACTS_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model.Abstracts'
export const KNOWLEDGE_BASE_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase'
export const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
export const INTERFACES_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Interfaces'
export const EXTERNAL_STORAGE_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.ExternalStorage.OM'
export const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/'
export const INSTANCE_NS = 'http://www.w3.org/2001/XMLSchema-instance'
export const SCHEMA_NS = 'http://www.w3.org/2001/XMLSchema'

/**
 * Character data as TMT writes it: `&`, `<`, `>` escaped, and CR as `&#xD;` (the serializer escapes CR and
 * keeps LF literal, tmt-format.md §1).
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;')
}

/** `<Name>text</Name>`, or `<Name/>` when empty, as DataContractSerializer writes empty strings. */
export function leaf(name: string, text: string): string {
  return text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`
}

/** A stencil/line member: every one re-declares the Abstracts namespace as default (§2). */
export function abstractsMember(name: string, text: string): string {
  return `<${name} xmlns="${ABSTRACTS_NS}">${escapeText(text)}</${name}>`
}

/** The `z:Id` counter: `i1, i2, …` in document order, contiguous (§2). */
export function idCounter(): () => string {
  let next = 0
  return () => {
    next += 1
    return `i${next}`
  }
}
