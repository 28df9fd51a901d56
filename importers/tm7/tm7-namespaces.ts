/** The namespaces of a .tm7 file (tmt-format.md §2). Resolve names by these URIs, never by prefix. */
export const MODEL_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model'
export const ABSTRACTS_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model.Abstracts'
export const KNOWLEDGE_BASE_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase'
export const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
export const INTERFACES_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Interfaces'
export const EXTERNAL_STORAGE_NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.ExternalStorage.OM'
export const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/'
export const XML_SCHEMA_NS = 'http://www.w3.org/2001/XMLSchema'

/** An unattached connector end or line boundary end (tmt-format.md §6). */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000'

/** Built-in property keys with fixed GUIDs in every TMT file (tmt-format.md §7). */
export const OUT_OF_SCOPE_KEY = '71f3d9aa-b8ef-4e54-8126-607a1d903103'
export const OUT_OF_SCOPE_REASON_KEY = '752473b6-52d4-4776-9a24-202153f7d579'

/** `ModifiedAt` of a threat never edited: .NET DateTime.MinValue (tmt-format.md §8). */
export const NEVER_MODIFIED = '0001-01-01T00:00:00'
