/**
 * pytm's enums as the condition language sees them (pytm.md §2): `Classification` and `TLSVersion` are
 * ordered by their numbers, so `<` works; `Lifetime` and `DatastoreType` only compare for equality.
 * Lifetime's member names differ from its values (LONG = "LONG_LIVED"); conditions use member names.
 */
export interface PytmEnumDefinition {
  readonly ordered: boolean
  /** Member name → value, in declaration order. */
  readonly members: ReadonlyMap<string, number | string>
}

const definition = (ordered: boolean, entries: readonly (readonly [string, number | string])[]): PytmEnumDefinition => ({
  ordered,
  members: new Map(entries)
})

export const PYTM_ENUMS: ReadonlyMap<string, PytmEnumDefinition> = new Map([
  [
    'Classification',
    definition(true, [
      ['UNKNOWN', 0],
      ['PUBLIC', 1],
      ['RESTRICTED', 2],
      ['SENSITIVE', 3],
      ['SECRET', 4],
      ['TOP_SECRET', 5]
    ])
  ],
  [
    'TLSVersion',
    definition(true, [
      ['NONE', 0],
      ['SSLv1', 1],
      ['SSLv2', 2],
      ['SSLv3', 3],
      ['TLSv10', 4],
      ['TLSv11', 5],
      ['TLSv12', 6],
      ['TLSv13', 7]
    ])
  ],
  [
    'Lifetime',
    definition(false, [
      ['NONE', 'NONE'],
      ['UNKNOWN', 'UNKNOWN'],
      ['SHORT', 'SHORT_LIVED'],
      ['LONG', 'LONG_LIVED'],
      ['AUTO', 'AUTO_REVOKABLE'],
      ['MANUAL', 'MANUALLY_REVOKABLE'],
      ['HARDCODED', 'HARDCODED']
    ])
  ],
  [
    'DatastoreType',
    definition(false, [
      ['UNKNOWN', 'UNKNOWN'],
      ['FILE_SYSTEM', 'FILE_SYSTEM'],
      ['SQL', 'SQL'],
      ['LDAP', 'LDAP'],
      ['AWS_S3', 'AWS_S3']
    ])
  ]
])

/** The member a spelling names: a member name, a value, or `Enum.MEMBER`; null when none. */
export function enumMemberName(enumName: string, spelling: string | number): string | null {
  const pytmEnum = PYTM_ENUMS.get(enumName)
  if (pytmEnum === undefined) return null
  const text = typeof spelling === 'string' && spelling.startsWith(`${enumName}.`) ? spelling.slice(enumName.length + 1) : spelling
  if (typeof text === 'string' && pytmEnum.members.has(text)) return text
  for (const [name, value] of pytmEnum.members) if (value === text) return name
  return null
}
