/**
 * pytm's enums (pytm.md §2, "Enums"). pytm spells one member three ways: the member name in the loader's
 * `data` section (`"SECRET"`), the member's value on elements and flows (`4`, `"LONG_LIVED"`), and
 * Python's `str()` in the `--json` dump (`"Classification.SECRET"`). Readers accept all three; the model
 * keeps the member name.
 */
export interface PytmEnumMember {
  readonly name: string
  readonly value: number | string
}

export interface PytmEnum {
  readonly name: string
  /** Whether `<` compares members by their numbers, as conditions do for Classification and TLSVersion. */
  readonly ordered: boolean
  readonly members: readonly PytmEnumMember[]
}

function members(entries: readonly (readonly [string, number | string])[]): readonly PytmEnumMember[] {
  return entries.map(([name, value]) => ({ name, value }))
}

/** Ordered: `<` compares the numbers (hasDataLeaks). */
export const CLASSIFICATION: PytmEnum = {
  name: 'Classification',
  ordered: true,
  members: members([
    ['UNKNOWN', 0],
    ['PUBLIC', 1],
    ['RESTRICTED', 2],
    ['SENSITIVE', 3],
    ['SECRET', 4],
    ['TOP_SECRET', 5]
  ])
}

/** Ordered: `tlsVersion < sink.minTLSVersion` (CR08, DE01). */
export const TLS_VERSION: PytmEnum = {
  name: 'TLSVersion',
  ordered: true,
  members: members([
    ['NONE', 0],
    ['SSLv1', 1],
    ['SSLv2', 2],
    ['SSLv3', 3],
    ['TLSv10', 4],
    ['TLSv11', 5],
    ['TLSv12', 6],
    ['TLSv13', 7]
  ])
}

/** Member names differ from values for SHORT, LONG, AUTO and MANUAL. */
export const LIFETIME: PytmEnum = {
  name: 'Lifetime',
  ordered: false,
  members: members([
    ['NONE', 'NONE'],
    ['UNKNOWN', 'UNKNOWN'],
    ['SHORT', 'SHORT_LIVED'],
    ['LONG', 'LONG_LIVED'],
    ['AUTO', 'AUTO_REVOKABLE'],
    ['MANUAL', 'MANUALLY_REVOKABLE'],
    ['HARDCODED', 'HARDCODED']
  ])
}

export const DATASTORE_TYPE: PytmEnum = {
  name: 'DatastoreType',
  ordered: false,
  members: members([
    ['UNKNOWN', 'UNKNOWN'],
    ['FILE_SYSTEM', 'FILE_SYSTEM'],
    ['SQL', 'SQL'],
    ['LDAP', 'LDAP'],
    ['AWS_S3', 'AWS_S3']
  ])
}

/** `TM.onDuplicates`. */
export const ACTION: PytmEnum = {
  name: 'Action',
  ordered: false,
  members: members([
    ['NO_ACTION', 'NO_ACTION'],
    ['RESTRICT', 'RESTRICT'],
    ['IGNORE', 'IGNORE']
  ])
}

/** Every pytm enum by its Python name, as conditions (`Lifetime.LONG`) and dumps (`"Lifetime.LONG"`) spell it. */
export const PYTM_ENUMS: ReadonlyMap<string, PytmEnum> = new Map(
  [CLASSIFICATION, TLS_VERSION, LIFETIME, DATASTORE_TYPE, ACTION].map((pytmEnum) => [pytmEnum.name, pytmEnum])
)

/** The member a JSON value names, in any of pytm's three spellings, or null. */
export function enumMemberOf(pytmEnum: PytmEnum, raw: unknown): PytmEnumMember | null {
  if (typeof raw === 'number') return pytmEnum.members.find((member) => member.value === raw) ?? null
  if (typeof raw !== 'string') return null
  const prefix = `${pytmEnum.name}.`
  const spelling = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw
  return (
    pytmEnum.members.find((member) => member.name === spelling) ??
    pytmEnum.members.find((member) => member.value === spelling) ??
    null
  )
}

/** The member name a spelling of the named enum stands for, or null (also for an unknown enum). */
export function enumMemberName(enumName: string, spelling: unknown): string | null {
  const pytmEnum = PYTM_ENUMS.get(enumName)
  return pytmEnum === undefined ? null : (enumMemberOf(pytmEnum, spelling)?.name ?? null)
}

/** "SECRET, TOP_SECRET, …" for messages. */
export function enumSpellings(pytmEnum: PytmEnum): string {
  return pytmEnum.members.map((member) => member.name).join(', ')
}
