/** JSON values: what the extension bags may hold, so the native writer can always serialise them. */
export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | { readonly [key: string]: JsonValue }
export type JsonObject = { readonly [key: string]: JsonValue }

/**
 * What a source format carries that the model does not understand, keyed by format id
 * (`tm7`, `threagile`, `pytm`, …). A writer for that format reads its own bag back so a re-export
 * loses nothing; other writers ignore it.
 */
export type Extensions = { readonly [formatId: string]: JsonValue }
