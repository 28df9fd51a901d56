import { ACTION, CLASSIFICATION, DATASTORE_TYPE, LIFETIME, TLS_VERSION, type PytmEnum } from './pytm-enums'

/**
 * pytm's class tree and every scalar attribute with its type and default (pytm.md §2, HEAD = 1.4.0+;
 * LLM and Agent are new in 1.4.0). References (`inBoundary`, `source`, `data`, …) and lists (`levels`,
 * `overrides`, …) are not listed here: the reader maps them onto the model's structure instead.
 * The reader, the writer and the threat engine all read this one table.
 */
export type PytmAttributeType =
  | { readonly kind: 'boolean'; readonly default: boolean }
  | { readonly kind: 'string'; readonly default: string }
  | { readonly kind: 'integer'; readonly default: number }
  | { readonly kind: 'enum'; readonly enum: PytmEnum; readonly default: string }

export interface PytmAttribute {
  /** The attribute path conditions use, also the model's property key: `protocol`, `controls.isEncrypted`. */
  readonly key: string
  readonly type: PytmAttributeType
}

export const PYTM_CLASS_NAMES = [
  'Element',
  'Asset',
  'Actor',
  'Server',
  'ExternalEntity',
  'Datastore',
  'Lambda',
  'LLM',
  'Agent',
  'Process',
  'SetOfProcesses',
  'Dataflow',
  'Boundary'
] as const
export type PytmClassName = (typeof PYTM_CLASS_NAMES)[number]

/** The classes the loader's `__class__` accepts (pytm.md §4); a missing `__class__` means Asset. */
export const LOADER_ELEMENT_CLASSES: readonly PytmClassName[] = [
  'Asset',
  'Agent',
  'Actor',
  'Server',
  'ExternalEntity',
  'Lambda',
  'LLM',
  'Datastore',
  'Process',
  'SetOfProcesses'
]

export const PARENT_CLASS: Readonly<Record<PytmClassName, PytmClassName | null>> = {
  Element: null,
  Asset: 'Element',
  Actor: 'Element',
  Dataflow: 'Element',
  Boundary: 'Element',
  Server: 'Asset',
  ExternalEntity: 'Asset',
  Datastore: 'Asset',
  Lambda: 'Asset',
  LLM: 'Asset',
  Agent: 'Asset',
  Process: 'Asset',
  SetOfProcesses: 'Process'
}

const flag = (value = false): PytmAttributeType => ({ kind: 'boolean', default: value })
const text = (value = ''): PytmAttributeType => ({ kind: 'string', default: value })
const integer = (value: number): PytmAttributeType => ({ kind: 'integer', default: value })
const member = (pytmEnum: PytmEnum, value: string): PytmAttributeType => ({ kind: 'enum', enum: pytmEnum, default: value })

/** The 43 fields of `Controls`; all booleans defaulting to False except the two strings. */
export const CONTROL_NAMES = [
  'authenticatesDestination',
  'authenticatesSource',
  'authenticationScheme',
  'authorizesSource',
  'checksDestinationRevocation',
  'checksInputBounds',
  'definesConnectionTimeout',
  'disablesDTD',
  'disablesiFrames',
  'encodesHeaders',
  'encodesOutput',
  'encryptsCookies',
  'encryptsSessionData',
  'handlesCrashes',
  'handlesInterruptions',
  'handlesResourceConsumption',
  'hasAccessControl',
  'implementsAuthenticationScheme',
  'implementsCSRFToken',
  'implementsNonce',
  'implementsPOLP',
  'implementsServerSideValidation',
  'implementsStrictHTTPValidation',
  'invokesScriptFilters',
  'isEncrypted',
  'isEncryptedAtRest',
  'isHardened',
  'isResilient',
  'providesConfidentiality',
  'providesIntegrity',
  'sanitizesInput',
  'tracksExecutionFlow',
  'usesCodeSigning',
  'usesEncryptionAlgorithm',
  'usesMFA',
  'usesParameterizedInput',
  'usesSecureFunctions',
  'usesStrongSessionIdentifiers',
  'usesVPN',
  'validatesContentType',
  'validatesHeaders',
  'validatesInput',
  'verifySessionIdentifiers'
] as const

const STRING_CONTROLS: ReadonlySet<string> = new Set(['authenticationScheme', 'usesEncryptionAlgorithm'])

export const CONTROL_PREFIX = 'controls.'

export const CONTROL_ATTRIBUTES: readonly PytmAttribute[] = CONTROL_NAMES.map((name) => ({
  key: `${CONTROL_PREFIX}${name}`,
  type: STRING_CONTROLS.has(name) ? text() : flag()
}))

const own = (entries: Readonly<Record<string, PytmAttributeType>>): readonly PytmAttribute[] =>
  Object.entries(entries).map(([key, type]) => ({ key, type }))

/** Each class's own scalar attributes; a subclass entry with the same key replaces the default (Lambda's onAWS). */
const OWN_ATTRIBUTES: Readonly<Record<PytmClassName, readonly PytmAttribute[]>> = {
  Element: own({ maxClassification: member(CLASSIFICATION, 'UNKNOWN'), minTLSVersion: member(TLS_VERSION, 'NONE') }),
  Asset: own({
    port: integer(-1),
    protocol: text(),
    onAWS: flag(),
    handlesResources: flag(),
    usesEnvironmentVariables: flag(),
    OS: text()
  }),
  Actor: own({ port: integer(-1), protocol: text(), isAdmin: flag() }),
  Server: own({ usesSessionTokens: flag(), usesCache: flag(), usesVPN: flag(), usesXMLParser: flag() }),
  ExternalEntity: own({ hasPhysicalAccess: flag() }),
  Datastore: own({
    onRDS: flag(),
    storesLogData: flag(),
    storesPII: flag(),
    storesSensitiveData: flag(),
    isSQL: flag(true),
    isShared: flag(),
    hasWriteAccess: flag(),
    type: member(DATASTORE_TYPE, 'UNKNOWN')
  }),
  Lambda: own({ onAWS: flag(true), environment: text(), implementsAPI: flag() }),
  LLM: own({
    isThirdParty: flag(true),
    isSelfHosted: flag(),
    processesPersonalData: flag(),
    retainsUserData: flag(),
    hasAgentCapabilities: flag(),
    hasAccessToSensitiveSystems: flag(),
    executesCode: flag(),
    hasContentFiltering: flag(),
    hasSystemPrompt: flag(true),
    processesUntrustedInput: flag(true),
    hasRAG: flag(),
    hasFineTuning: flag()
  }),
  Agent: own({ usesExternalTools: flag(), validatesToolLaunchConfig: flag() }),
  Process: own({
    codeType: text('Unmanaged'),
    implementsCommunicationProtocol: flag(),
    tracksExecutionFlow: flag(),
    implementsAPI: flag(),
    environment: text(),
    allowsClientSideScripting: flag()
  }),
  SetOfProcesses: [],
  Dataflow: own({
    isResponse: flag(),
    srcPort: integer(-1),
    dstPort: integer(-1),
    tlsVersion: member(TLS_VERSION, 'NONE'),
    protocol: text(),
    order: integer(-1),
    implementsCommunicationProtocol: flag(),
    usesVPN: flag(),
    usesSessionTokens: flag(),
    note: text()
  }),
  Boundary: []
}

const cache = new Map<PytmClassName, readonly PytmAttribute[]>()

/** Every scalar attribute of a class, inherited ones first and the controls last. */
export function attributesOf(className: PytmClassName): readonly PytmAttribute[] {
  const cached = cache.get(className)
  if (cached !== undefined) return cached
  const byKey = new Map<string, PytmAttribute>()
  for (const ancestor of lineage(className).reverse()) {
    for (const attribute of OWN_ATTRIBUTES[ancestor]) byKey.set(attribute.key, attribute)
  }
  const attributes = [...byKey.values(), ...CONTROL_ATTRIBUTES]
  cache.set(className, attributes)
  return attributes
}

/** The class and its ancestors, the class first. */
export function lineage(className: PytmClassName): PytmClassName[] {
  const chain: PytmClassName[] = []
  for (let current: PytmClassName | null = className; current !== null; current = PARENT_CLASS[current]) {
    chain.push(current)
  }
  return chain
}

export function isPytmClassName(name: string): name is PytmClassName {
  return (PYTM_CLASS_NAMES as readonly string[]).includes(name)
}

/** `Data`'s scalar fields besides name and description (classification is also the data asset's own field). */
export const DATA_ATTRIBUTES: readonly PytmAttribute[] = own({
  format: text(),
  classification: member(CLASSIFICATION, 'UNKNOWN'),
  isPII: flag(),
  isCredentials: flag(),
  credentialsLife: member(LIFETIME, 'NONE'),
  isStored: flag(),
  isDestEncryptedAtRest: flag(),
  isSourceEncryptedAtRest: flag()
})

/** Data fields that `check()` fills in when the data did not set them. */
export const INHERITABLE_DATA_KEYS: readonly string[] = [
  'isCredentials',
  'credentialsLife',
  'isDestEncryptedAtRest',
  'isSourceEncryptedAtRest'
]

/** `TM`'s settings besides name, description and assumptions. */
export const TM_ATTRIBUTES: readonly PytmAttribute[] = own({
  isOrdered: flag(),
  mergeResponses: flag(),
  ignoreUnused: flag(),
  onDuplicates: member(ACTION, 'NO_ACTION'),
  threatsFile: text()
})
