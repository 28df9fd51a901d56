import type { FieldReader } from './field-reader'

/** Threagile ids: letters, digits and dashes (threagile-schema.md §2, v1 `checkIdSyntax`). */
const ID_SYNTAX = /^[a-zA-Z0-9-]+$/

/** What every mapping step needs to check references: the declared tags and the ids of each kind. */
export interface MappingContext {
  readonly fields: FieldReader
  /** `tags_available`, lower-cased and trimmed as Threagile compares them. */
  readonly tags: ReadonlySet<string>
  readonly dataAssetIds: ReadonlySet<string>
  readonly technicalAssetIds: ReadonlySet<string>
}

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase()
}

export function checkTags(context: MappingContext, tags: readonly string[], path: readonly string[]): void {
  for (const tag of tags) {
    if (!context.tags.has(normalizeTag(tag))) {
      context.fields.error('threagile.tag-undeclared', `tag "${tag}" is not listed in tags_available`, [...path, 'tags'])
    }
  }
}

export function checkDataAssetReferences(context: MappingContext, ids: readonly string[], path: readonly string[], key: string): void {
  for (const id of ids) {
    if (!context.dataAssetIds.has(id)) context.fields.error('threagile.reference', `${key} names data asset "${id}", which does not exist`, [...path, key])
  }
}

/** Reads the `id` field, checks its syntax and uniqueness among `seen`, and records it. */
export function readId(fields: FieldReader, object: Record<string, unknown>, path: readonly string[], kind: string, seen: Set<string>): string {
  const id = fields.string(object, 'id', path)
  if (id === '') fields.error('threagile.missing', `the ${kind} has no "id"`, path)
  else if (!ID_SYNTAX.test(id)) fields.error('threagile.id-syntax', `the ${kind} id "${id}" may only hold letters, digits and dashes`, [...path, 'id'])
  else if (seen.has(id)) fields.error('threagile.id-duplicate', `the ${kind} id "${id}" is used twice`, [...path, 'id'])
  seen.add(id)
  return id
}
