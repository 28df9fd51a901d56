/**
 * Threagile v1's enum scales and technology/protocol classes, as the rules test them (v1 `model/types.go`
 * at tag `stable`, summarised in threagile-schema.md §4 and threagile-rules.md §0). The analysis layer may
 * import only the model, so these lists live here rather than being shared with importers/threagile; the
 * importer's enum tables hold the same spellings.
 */
export const CONFIDENTIALITY_SCALE = ['public', 'internal', 'restricted', 'confidential', 'strictly-confidential'] as const
export const CRITICALITY_SCALE = ['archive', 'operational', 'important', 'critical', 'mission-critical'] as const

/** Ordinals, so rules read like the Go source (`HighestConfidentiality() >= Confidential`). */
export const C = { public: 0, internal: 1, restricted: 2, confidential: 3, strictlyConfidential: 4 } as const
export const I = { archive: 0, operational: 1, important: 2, critical: 3, missionCritical: 4 } as const

/** RAA quantity factors for very-few, few, many, very-many (v1 `Quantity.QuantityFactor`). */
export const QUANTITY_FACTORS: Readonly<Record<string, number>> = { 'very-few': 1, few: 2, many: 3, 'very-many': 5 }

const set = (...values: string[]): ReadonlySet<string> => new Set(values)

export const WEB_APPLICATION = set('web-server', 'web-application', 'application-server', 'erp', 'cms', 'identity-provider', 'report-engine')
export const WEB_SERVICE = set('web-service-rest', 'web-service-soap')
export const IDENTITY_RELATED = set('identity-provider', 'identity-store-ldap', 'identity-store-database')
export const UNPROTECTED_COMMS_TOLERATED = set('monitoring', 'ids', 'ips')
export const UNNECESSARY_DATA_TOLERATED = set('monitoring', 'ids', 'ips')
export const CLOSE_TO_HIGH_VALUE_TARGETS_TOLERATED = set('monitoring', 'ids', 'ips', 'load-balancer', 'reverse-proxy')
export const CLIENT = set('client-system', 'browser', 'desktop', 'mobile-app', 'devops-client', 'iot-device')
export const PROPAGATES_IDENTITY = set(
  'client-system', 'browser', 'desktop', 'mobile-app', 'devops-client', 'web-server', 'web-application', 'application-server',
  'erp', 'cms', 'web-service-rest', 'web-service-soap', 'ejb', 'search-engine', 'reverse-proxy', 'load-balancer',
  'identity-provider', 'tool', 'cli', 'task', 'function', 'gateway', 'iot-device', 'message-queue', 'service-mesh',
  'report-engine', 'waf', 'library'
)
export const LESS_PROTECTED = set(
  'client-system', 'browser', 'desktop', 'mobile-app', 'devops-client', 'web-server', 'web-application', 'application-server',
  'cms', 'web-service-rest', 'web-service-soap', 'ejb', 'build-pipeline', 'sourcecode-repository', 'artifact-registry',
  'code-inspection-platform', 'monitoring', 'iot-device', 'ai', 'mail-server', 'scheduler', 'mainframe'
)
export const PROCESSING_END_USER_REQUESTS = set(
  'web-server', 'web-application', 'application-server', 'erp', 'web-service-rest', 'web-service-soap', 'ejb', 'report-engine'
)
export const STORING_END_USER_DATA = set(
  'database', 'erp', 'file-server', 'local-file-system', 'block-storage', 'mail-server', 'stream-processing', 'message-queue'
)
export const EXCLUSIVELY_FRONTEND = set(
  'client-system', 'browser', 'desktop', 'mobile-app', 'devops-client', 'cms', 'reverse-proxy', 'waf', 'load-balancer', 'gateway',
  'iot-device'
)
export const EXCLUSIVELY_BACKEND = set(
  'database', 'identity-provider', 'identity-store-ldap', 'identity-store-database', 'erp', 'web-service-rest', 'web-service-soap',
  'ejb', 'search-index', 'search-engine', 'container-platform', 'batch-processing', 'event-listener', 'data-lake',
  'big-data-platform', 'message-queue', 'stream-processing', 'service-mesh', 'vault', 'hsm', 'scheduler', 'mainframe',
  'file-server', 'block-storage'
)
export const DEVELOPMENT_RELEVANT = set('build-pipeline', 'sourcecode-repository', 'artifact-registry', 'code-inspection-platform', 'devops-client')
export const TRAFFIC_FORWARDING = set('load-balancer', 'reverse-proxy', 'waf')

export const ENCRYPTED_PROTOCOLS = set(
  'https', 'wss', 'jdbc-encrypted', 'odbc-encrypted', 'nosql-access-protocol-encrypted', 'sql-access-protocol-encrypted',
  'binary-encrypted', 'text-encrypted', 'ssh', 'ssh-tunnel', 'ftps', 'sftp', 'scp', 'ldaps', 'reverse-proxy-web-protocol-encrypted',
  'iiop-encrypted', 'jrmp-encrypted', 'smb-encrypted', 'smtp-encrypted', 'pop3-encrypted', 'imap-encrypted'
)
/** v1 has no inter-process-communication; HEAD counts it process-local, and so do we for HEAD files. */
export const PROCESS_LOCAL_PROTOCOLS = set('in-process-library-call', 'local-file-access', 'container-spawning', 'inter-process-communication')
export const WEB_ACCESS_PROTOCOLS = set('http', 'https', 'ws', 'wss', 'reverse-proxy-web-protocol', 'reverse-proxy-web-protocol-encrypted')
export const STRICT_DATABASE_PROTOCOLS = set(
  'jdbc-encrypted', 'odbc-encrypted', 'nosql-access-protocol-encrypted', 'sql-access-protocol-encrypted', 'jdbc', 'odbc',
  'nosql-access-protocol', 'sql-access-protocol'
)
/** REST NoSQL databases and unknown binary protocols (v1 `IsPotentialDatabaseAccessProtocol(true)`). */
export const LAX_DATABASE_PROTOCOLS = set('https', 'http', 'binary', 'binary-encrypted')

/** network-* types are network boundaries; execution-environment is not (v1 `IsNetworkBoundary`). */
export function isNetworkBoundary(type: string): boolean {
  return type !== 'execution-environment'
}

export function isWithinCloud(type: string): boolean {
  return type === 'network-cloud-provider' || type === 'network-cloud-security-group'
}
