/**
 * The pytm facts the threat engine needs: the class tree, every scalar attribute's default (pytm.md §2),
 * and the enums. importers/pytm/pytm-classes.ts holds the same facts for the reader; the layer rules
 * (lint/layers.mjs) let neither folder import the other, so tests/unit/pytm/vocabulary.test.ts checks
 * that the two agree. A missing property reads as pytm's default, as an unset attribute does in pytm.
 */
export type PytmDefault = boolean | string | number | { readonly enumName: string; readonly member: string }

export const PYTM_PARENT_CLASS: Readonly<Record<string, string | null>> = {
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

const member = (enumName: string, name: string): PytmDefault => ({ enumName, member: name })

const STRING_CONTROLS = new Set(['authenticationScheme', 'usesEncryptionAlgorithm'])

/** `Controls`: 43 fields, booleans defaulting to False except two strings. */
export const CONTROL_DEFAULTS: Readonly<Record<string, PytmDefault>> = Object.fromEntries(
  [
    'authenticatesDestination authenticatesSource authenticationScheme authorizesSource checksDestinationRevocation',
    'checksInputBounds definesConnectionTimeout disablesDTD disablesiFrames encodesHeaders encodesOutput',
    'encryptsCookies encryptsSessionData handlesCrashes handlesInterruptions handlesResourceConsumption',
    'hasAccessControl implementsAuthenticationScheme implementsCSRFToken implementsNonce implementsPOLP',
    'implementsServerSideValidation implementsStrictHTTPValidation invokesScriptFilters isEncrypted',
    'isEncryptedAtRest isHardened isResilient providesConfidentiality providesIntegrity sanitizesInput',
    'tracksExecutionFlow usesCodeSigning usesEncryptionAlgorithm usesMFA usesParameterizedInput',
    'usesSecureFunctions usesStrongSessionIdentifiers usesVPN validatesContentType validatesHeaders',
    'validatesInput verifySessionIdentifiers'
  ]
    .join(' ')
    .split(' ')
    .map((name) => [name, STRING_CONTROLS.has(name) ? '' : false])
)

const OWN_DEFAULTS: Readonly<Record<string, Readonly<Record<string, PytmDefault>>>> = {
  Element: { maxClassification: member('Classification', 'UNKNOWN'), minTLSVersion: member('TLSVersion', 'NONE') },
  Asset: { port: -1, protocol: '', onAWS: false, handlesResources: false, usesEnvironmentVariables: false, OS: '' },
  Actor: { port: -1, protocol: '', isAdmin: false },
  Server: { usesSessionTokens: false, usesCache: false, usesVPN: false, usesXMLParser: false },
  ExternalEntity: { hasPhysicalAccess: false },
  Datastore: {
    onRDS: false,
    storesLogData: false,
    storesPII: false,
    storesSensitiveData: false,
    isSQL: true,
    isShared: false,
    hasWriteAccess: false,
    type: member('DatastoreType', 'UNKNOWN')
  },
  Lambda: { onAWS: true, environment: '', implementsAPI: false },
  LLM: {
    isThirdParty: true,
    isSelfHosted: false,
    processesPersonalData: false,
    retainsUserData: false,
    hasAgentCapabilities: false,
    hasAccessToSensitiveSystems: false,
    executesCode: false,
    hasContentFiltering: false,
    hasSystemPrompt: true,
    processesUntrustedInput: true,
    hasRAG: false,
    hasFineTuning: false
  },
  Agent: { usesExternalTools: false, validatesToolLaunchConfig: false },
  Process: {
    codeType: 'Unmanaged',
    implementsCommunicationProtocol: false,
    tracksExecutionFlow: false,
    implementsAPI: false,
    environment: '',
    allowsClientSideScripting: false
  },
  SetOfProcesses: {},
  Dataflow: {
    isResponse: false,
    srcPort: -1,
    dstPort: -1,
    tlsVersion: member('TLSVersion', 'NONE'),
    protocol: '',
    order: -1,
    implementsCommunicationProtocol: false,
    usesVPN: false,
    usesSessionTokens: false,
    note: ''
  },
  Boundary: {}
}

/** `Data`'s scalar fields besides name and description. */
export const DATA_DEFAULTS: Readonly<Record<string, PytmDefault>> = {
  format: '',
  classification: member('Classification', 'UNKNOWN'),
  isPII: false,
  isCredentials: false,
  credentialsLife: member('Lifetime', 'NONE'),
  isStored: false,
  isDestEncryptedAtRest: false,
  isSourceEncryptedAtRest: false
}

const cache = new Map<string, ReadonlyMap<string, PytmDefault>>()

/** Every scalar attribute of a class (controls excluded) with its default; subclasses override. */
export function classDefaults(className: string): ReadonlyMap<string, PytmDefault> {
  const cached = cache.get(className)
  if (cached !== undefined) return cached
  const defaults = new Map<string, PytmDefault>()
  for (const ancestor of classLineage(className).reverse()) {
    for (const [key, value] of Object.entries(OWN_DEFAULTS[ancestor] ?? {})) defaults.set(key, value)
  }
  cache.set(className, defaults)
  return defaults
}

/** The class and its ancestors, the class first (threat targets match through `isinstance`). */
export function classLineage(className: string): string[] {
  const chain: string[] = []
  for (let current: string | null = className; current !== null && current in PYTM_PARENT_CLASS; current = PYTM_PARENT_CLASS[current] ?? null) {
    chain.push(current)
  }
  return chain
}

export function isPytmClass(name: string): boolean {
  return name in PYTM_PARENT_CLASS
}
