/**
 * Threagile's enumerations in v1 spelling and ordinal order (threagile-schema.md §4). The reader stores
 * these spellings; HEAD's renamed values are accepted and mapped back (`HEAD_SPELLINGS`), so a model
 * read from either dialect holds one spelling and the writer emits v1, which the released tool accepts.
 */
export const CRITICALITY = ['archive', 'operational', 'important', 'critical', 'mission-critical'] as const
export const CONFIDENTIALITY = ['public', 'internal', 'restricted', 'confidential', 'strictly-confidential'] as const
export const QUANTITY = ['very-few', 'few', 'many', 'very-many'] as const
export const USAGE = ['business', 'devops'] as const
export const ASSET_TYPE = ['external-entity', 'process', 'datastore'] as const
export const SIZE = ['system', 'service', 'application', 'component'] as const
export const MACHINE = ['physical', 'virtual', 'container', 'serverless'] as const
export const ENCRYPTION = [
  'none',
  'transparent',
  'data-with-symmetric-shared-key',
  'data-with-asymmetric-shared-key',
  'data-with-enduser-individual-key'
] as const
export const AUTHENTICATION = ['none', 'credentials', 'session-id', 'token', 'client-certificate', 'two-factor', 'externalized'] as const
export const AUTHORIZATION = ['none', 'technical-user', 'enduser-identity-propagation'] as const
export const DATA_FORMAT = ['json', 'xml', 'serialization', 'file', 'csv', 'yaml'] as const
export const TRUST_BOUNDARY_TYPE = [
  'network-on-prem',
  'network-dedicated-hoster',
  'network-virtual-lan',
  'network-cloud-provider',
  'network-cloud-security-group',
  'network-policy-namespace-isolation',
  'execution-environment'
] as const
export const RISK_STATUS = ['unchecked', 'in-discussion', 'accepted', 'in-progress', 'mitigated', 'false-positive'] as const
export const RISK_SEVERITY = ['low', 'medium', 'elevated', 'high', 'critical'] as const
export const LIKELIHOOD = ['unlikely', 'likely', 'very-likely', 'frequent'] as const
export const IMPACT = ['low', 'medium', 'high', 'very-high'] as const
export const DATA_BREACH_PROBABILITY = ['improbable', 'possible', 'probable'] as const
export const STRIDE = ['spoofing', 'tampering', 'repudiation', 'information-disclosure', 'denial-of-service', 'elevation-of-privilege'] as const
export const RISK_FUNCTION = ['business-side', 'architecture', 'development', 'operations'] as const

/** `inter-process-communication` is HEAD only; accepted so HEAD files read, written back as is. */
export const PROTOCOL = [
  'unknown-protocol', 'http', 'https', 'ws', 'wss', 'reverse-proxy-web-protocol', 'reverse-proxy-web-protocol-encrypted', 'mqtt',
  'jdbc', 'jdbc-encrypted', 'odbc', 'odbc-encrypted', 'sql-access-protocol', 'sql-access-protocol-encrypted',
  'nosql-access-protocol', 'nosql-access-protocol-encrypted', 'binary', 'binary-encrypted', 'text', 'text-encrypted', 'ssh',
  'ssh-tunnel', 'smtp', 'smtp-encrypted', 'pop3', 'pop3-encrypted', 'imap', 'imap-encrypted', 'ftp', 'ftps', 'sftp', 'scp', 'ldap',
  'ldaps', 'jms', 'nfs', 'smb', 'smb-encrypted', 'local-file-access', 'nrpe', 'xmpp', 'iiop', 'iiop-encrypted', 'jrmp',
  'jrmp-encrypted', 'in-process-library-call', 'inter-process-communication', 'container-spawning'
] as const

/** The 57 technologies, identical in v1 and HEAD (schema §4.1). */
export const TECHNOLOGY = [
  'unknown-technology', 'client-system', 'browser', 'desktop', 'mobile-app', 'devops-client', 'web-server', 'web-application',
  'application-server', 'database', 'file-server', 'local-file-system', 'erp', 'cms', 'web-service-rest', 'web-service-soap', 'ejb',
  'search-index', 'search-engine', 'service-registry', 'reverse-proxy', 'load-balancer', 'build-pipeline', 'sourcecode-repository',
  'artifact-registry', 'code-inspection-platform', 'monitoring', 'ldap-server', 'container-platform', 'batch-processing',
  'event-listener', 'identity-provider', 'identity-store-ldap', 'identity-store-database', 'tool', 'cli', 'task', 'function',
  'gateway', 'iot-device', 'message-queue', 'stream-processing', 'service-mesh', 'data-lake', 'big-data-platform', 'report-engine',
  'ai', 'mail-server', 'vault', 'hsm', 'waf', 'ids', 'ips', 'scheduler', 'mainframe', 'block-storage', 'library'
] as const

/** HEAD renamed two values (schema §4); both spellings mean the same. */
export const HEAD_SPELLINGS: Readonly<Record<string, string>> = {
  'data-with-end-user-individual-key': 'data-with-enduser-individual-key',
  'end-user-identity-propagation': 'enduser-identity-propagation'
}

/** The v1 spelling of an enum value, or null when it is not a value of `values`. Matching is exact, as in v1. */
export function enumValue(values: readonly string[], raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const spelled = HEAD_SPELLINGS[raw] ?? raw
  return values.includes(spelled) ? spelled : null
}
