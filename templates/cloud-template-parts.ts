import type { AttributeDefinition, ElementType, Representation, ThreatCategoryDefinition, ThreatPropertyDefinition } from '../model/template'
import { GENERIC_ELEMENT_TYPES, type GenericElementType } from './generic'
import { listAttribute, MITIGATION_PROPERTY_KEY, yesNoAttribute } from './template-builder'

/**
 * What our Azure and AWS templates share: the generic root types (TMT's ids, so models from TMT and
 * models drawn from scratch both work), the security attributes every process, store and flow gets,
 * the STRIDE categories and the threat property schema. Wording is ours.
 */

/** The provider-specific words of the shared attributes. */
export interface CloudVocabulary {
  /** Strong ways to authenticate callers, after the weak 'Anonymous' and 'Shared key'. */
  readonly strongAuthentication: readonly string[]
  /** Options after 'Public': reachable through a private endpoint, then network-internal only. */
  readonly privateExposure: readonly [privateEndpoint: string, networkOnly: string]
  /** The workload identity attribute (Azure managed identity, AWS IAM role) of processes. */
  readonly workloadIdentity: AttributeDefinition
  readonly loggingLabel: string
}

export const authorizationAttribute = listAttribute('authorization', 'Authorization of callers', [
  'None',
  'Any authenticated caller',
  'Least-privilege roles'
])

export const encryptionAtRestAttribute = listAttribute('encryptionAtRest', 'Encryption at rest', [
  'Platform-managed keys',
  'Customer-managed keys',
  'None'
])

export const encryptionInTransitAttribute = yesNoAttribute('encryptionInTransit', 'Encrypted in transit (TLS 1.2 or later)')

function sharedAttributes(vocabulary: CloudVocabulary): {
  readonly authentication: AttributeDefinition
  readonly networkExposure: AttributeDefinition
  readonly logging: AttributeDefinition
} {
  return {
    authentication: listAttribute('authentication', 'Authentication of callers', [
      'Anonymous',
      'Shared key',
      ...vocabulary.strongAuthentication
    ]),
    networkExposure: listAttribute('networkExposure', 'Network exposure', ['Public', ...vocabulary.privateExposure]),
    logging: yesNoAttribute('loggingEnabled', vocabulary.loggingLabel)
  }
}

const REPRESENTATIONS: Readonly<Record<GenericElementType['drawnAs'], Representation>> = {
  process: 'ellipse',
  externalInteractor: 'rectangle',
  dataStore: 'parallelLines',
  annotation: 'annotation',
  flow: 'line',
  boxBoundary: 'borderBoundary',
  lineBoundary: 'lineBoundary'
}

/** GE.P, GE.EI, GE.DS, GE.A, GE.DF, GE.TB.B, GE.TB.L at the root, with the security attributes. */
export function genericRootTypes(vocabulary: CloudVocabulary): ElementType[] {
  const { authentication, networkExposure, logging } = sharedAttributes(vocabulary)
  const attributesOf: Readonly<Record<string, readonly AttributeDefinition[]>> = {
    'GE.P': [authentication, authorizationAttribute, networkExposure, vocabulary.workloadIdentity, logging],
    'GE.DS': [authentication, authorizationAttribute, encryptionAtRestAttribute, networkExposure, logging],
    'GE.DF': [encryptionInTransitAttribute]
  }
  return GENERIC_ELEMENT_TYPES.map((generic) => ({
    id: generic.typeId,
    name: generic.label,
    description: generic.description,
    parentId: 'ROOT',
    representation: REPRESENTATIONS[generic.drawnAs],
    hidden: false,
    attributes: attributesOf[generic.typeId] ?? [],
    image: '',
    extensions: {}
  }))
}

function category(id: string, name: string, shortDescription: string): ThreatCategoryDefinition {
  return { id, name, shortDescription, longDescription: '', extensions: {} }
}

export const STRIDE_CATEGORIES: readonly ThreatCategoryDefinition[] = [
  category('S', 'Spoofing', 'Someone or something claims an identity that is not theirs.'),
  category('T', 'Tampering', 'Data or code is changed by someone who should not change it.'),
  category('R', 'Repudiation', 'An action cannot be traced to whoever performed it.'),
  category('I', 'Information Disclosure', 'Data is read by someone who should not see it.'),
  category('D', 'Denial of Service', 'A service or its data becomes unavailable or too slow to use.'),
  category('E', 'Elevation of Privilege', 'Someone gains rights they were never granted.')
]

function threatProperty(
  key: string,
  label: string,
  options: { readonly values?: readonly string[]; readonly attributeType?: number; readonly hideFromUi?: boolean } = {}
): ThreatPropertyDefinition {
  return {
    id: `TW.ThreatProperty.${key}`,
    key,
    label,
    hideFromUi: options.hideFromUi ?? false,
    values: options.values ?? [],
    attributeType: options.attributeType ?? 0,
    extensions: {}
  }
}

/** TMT's fixed threat properties (tmt-format.md §9.4) plus our suggested mitigation, a long text. */
export const CLOUD_THREAT_PROPERTIES: readonly ThreatPropertyDefinition[] = [
  threatProperty('Title', 'Title'),
  threatProperty('UserThreatCategory', 'Category'),
  threatProperty('UserThreatShortDescription', 'Short description', { hideFromUi: true }),
  threatProperty('UserThreatDescription', 'Description'),
  threatProperty('StateInformation', 'Justification'),
  threatProperty('InteractionString', 'Interaction'),
  threatProperty('Priority', 'Priority', { values: ['High', 'Medium', 'Low'], attributeType: 1 }),
  threatProperty(MITIGATION_PROPERTY_KEY, 'Suggested mitigation', { attributeType: 2 })
]
