import type { ElementType } from '../model/template'
import { genericRootTypes, type CloudVocabulary } from './cloud-template-parts'
import { listAttribute, standardType, yesNoAttribute } from './template-builder'

/**
 * Azure services as element types under TMT's generic roots. Ids are stable and prefixed
 * `SE.<kind>.TW.Azure.` (templates/CONTEXT.md); rules in azure-threat-types.ts name them. Facts about
 * the settings (soft delete, purge protection, basic-auth publishing, AKS local accounts…) come from
 * Microsoft's public product documentation; the wording is ours.
 */
const AZURE_VOCABULARY: CloudVocabulary = {
  strongAuthentication: ['Microsoft Entra ID', 'Mutual TLS'],
  privateExposure: ['Private endpoint', 'VNet only'],
  workloadIdentity: listAttribute('managedIdentity', 'Managed identity', ['System-assigned', 'User-assigned', 'None (stored credentials)']),
  loggingLabel: 'Diagnostic logs sent to Azure Monitor'
}

const basicAuthPublishing = listAttribute('basicAuthPublishing', 'FTP and basic-auth deployment credentials', ['Enabled', 'Disabled'])

const AZURE_PROCESSES: readonly ElementType[] = [
  standardType({
    id: 'SE.P.TW.Azure.VirtualMachine',
    name: 'Azure Virtual Machine',
    description: 'A Windows or Linux virtual machine whose operating system you manage.',
    parentId: 'GE.P',
    attributes: [
      listAttribute('managementPorts', 'RDP and SSH exposure', ['Open to the internet', 'Bastion or just-in-time only', 'Closed']),
      listAttribute('osPatching', 'Operating system patching', ['Automatic', 'Manual'])
    ],
    matchWords: ['vm', 'vms', 'virtual', 'machine', 'server', 'host', 'compute', 'iaas', 'windows', 'linux']
  }),
  standardType({
    id: 'SE.P.TW.Azure.AppService',
    name: 'Azure App Service',
    description: 'A web app or API hosted on the App Service platform.',
    parentId: 'GE.P',
    attributes: [basicAuthPublishing],
    matchWords: ['app', 'application', 'web', 'webapp', 'website', 'site', 'service', 'backend', 'appservice', 'paas']
  }),
  standardType({
    id: 'SE.P.TW.Azure.Functions',
    name: 'Azure Functions',
    description: 'Event-driven code run on demand by the Functions runtime.',
    parentId: 'GE.P',
    attributes: [basicAuthPublishing],
    matchWords: ['function', 'functions', 'serverless', 'lambda', 'trigger', 'faas']
  }),
  standardType({
    id: 'SE.P.TW.Azure.KubernetesService',
    name: 'Azure Kubernetes Service (AKS)',
    description: 'A managed Kubernetes cluster running containerised workloads.',
    parentId: 'GE.P',
    attributes: [
      listAttribute('apiServerAccess', 'Kubernetes API server access', ['Public', 'Public with authorized IP ranges', 'Private cluster']),
      listAttribute('localAccounts', 'Local Kubernetes accounts', ['Enabled', 'Disabled'])
    ],
    matchWords: ['aks', 'kubernetes', 'k8s', 'cluster', 'container', 'containers', 'pod', 'pods', 'docker']
  }),
  standardType({
    id: 'SE.P.TW.Azure.ApiManagement',
    name: 'Azure API Management',
    description: 'A gateway that publishes, secures and throttles APIs.',
    parentId: 'GE.P',
    attributes: [yesNoAttribute('rateLimiting', 'Rate-limit or quota policy')],
    matchWords: ['apim', 'gateway', 'api', 'management', 'proxy']
  }),
  standardType({
    id: 'SE.P.TW.Azure.FrontDoor',
    name: 'Azure Front Door with WAF',
    description: 'A global entry point and CDN with a web application firewall policy.',
    parentId: 'GE.P',
    attributes: [listAttribute('wafMode', 'Web application firewall mode', ['Prevention', 'Detection', 'Disabled'])],
    matchWords: ['front', 'door', 'frontdoor', 'cdn', 'waf', 'edge', 'firewall', 'balancer']
  })
]

const localAuthentication = listAttribute('keyBasedAuth', 'Key-based (account key) access', ['Enabled', 'Disabled'])

const AZURE_DATA_STORES: readonly ElementType[] = [
  standardType({
    id: 'SE.DS.TW.Azure.BlobStorage',
    name: 'Azure Blob Storage',
    description: 'Object storage for files, images, backups and exports in a storage account.',
    parentId: 'GE.DS',
    attributes: [
      listAttribute('anonymousBlobAccess', 'Anonymous blob access', ['Allowed', 'Disallowed']),
      yesNoAttribute('softDelete', 'Soft delete and versioning')
    ],
    matchWords: ['blob', 'blobs', 'storage', 'bucket', 'file', 'files', 'object', 'objects', 'container', 'adls', 'lake']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.SqlDatabase',
    name: 'Azure SQL Database',
    description: 'A managed relational database (Azure SQL, or a managed PostgreSQL or MySQL server).',
    parentId: 'GE.DS',
    matchWords: ['sql', 'database', 'databases', 'db', 'relational', 'rdbms', 'postgres', 'postgresql', 'mysql', 'mariadb']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.CosmosDb',
    name: 'Azure Cosmos DB',
    description: 'A globally distributed NoSQL database (document, key-value, graph, column).',
    parentId: 'GE.DS',
    attributes: [localAuthentication],
    matchWords: ['cosmos', 'cosmosdb', 'nosql', 'document', 'documents', 'mongo', 'mongodb', 'cassandra', 'gremlin', 'graph']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.KeyVault',
    name: 'Azure Key Vault',
    description: 'A vault for keys, secrets and certificates.',
    parentId: 'GE.DS',
    attributes: [
      yesNoAttribute('purgeProtection', 'Purge protection'),
      listAttribute('permissionModel', 'Permission model', ['Azure RBAC', 'Access policies'])
    ],
    matchWords: ['vault', 'keyvault', 'key', 'keys', 'secret', 'secrets', 'certificate', 'certificates', 'kms', 'hsm']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.ServiceBus',
    name: 'Azure Service Bus',
    description: 'Queues and topics that hold messages between services.',
    parentId: 'GE.DS',
    matchWords: ['bus', 'servicebus', 'queue', 'queues', 'topic', 'topics', 'message', 'messages', 'messaging', 'broker']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.EventHubs',
    name: 'Azure Event Hubs',
    description: 'A partitioned event stream for telemetry and event ingestion.',
    parentId: 'GE.DS',
    matchWords: ['event', 'events', 'eventhub', 'eventhubs', 'hub', 'stream', 'streaming', 'kafka', 'telemetry']
  }),
  standardType({
    id: 'SE.DS.TW.Azure.MonitorLogs',
    name: 'Azure Monitor Log Analytics workspace',
    description: 'Where logs, metrics and audit records are collected and queried.',
    parentId: 'GE.DS',
    attributes: [yesNoAttribute('immutableCopy', 'Copy exported to immutable storage')],
    matchWords: ['monitor', 'monitoring', 'log', 'logs', 'logging', 'analytics', 'workspace', 'siem', 'sentinel', 'audit']
  })
]

const AZURE_EXTERNAL_INTERACTORS: readonly ElementType[] = [
  standardType({
    id: 'SE.EI.TW.Azure.EntraId',
    name: 'Microsoft Entra ID',
    description: 'The identity provider that signs users and workloads in and issues their tokens.',
    parentId: 'GE.EI',
    attributes: [
      yesNoAttribute('mfaEnforced', 'Multi-factor authentication required (Conditional Access)'),
      yesNoAttribute('signInLogExport', 'Sign-in and audit logs exported to a workspace')
    ],
    matchWords: ['entra', 'aad', 'azuread', 'identity', 'idp', 'provider', 'login', 'sso', 'oidc', 'oauth', 'directory']
  })
]

const AZURE_BOUNDARIES: readonly ElementType[] = [
  standardType({
    id: 'SE.TB.B.TW.Azure.VirtualNetwork',
    name: 'Azure Virtual Network',
    description: 'A private network; flows in or out of it cross its edge.',
    parentId: 'GE.TB.B',
    matchWords: ['vnet', 'virtual', 'network', 'private', 'cloud', 'azure']
  }),
  standardType({
    id: 'SE.TB.B.TW.Azure.NetworkSecurityGroup',
    name: 'Subnet with network security group',
    description: 'A subnet whose traffic is filtered by NSG rules.',
    parentId: 'GE.TB.B',
    matchWords: ['nsg', 'subnet', 'security', 'group', 'segment', 'dmz']
  }),
  standardType({
    id: 'SE.TB.L.TW.Azure.InternetEdge',
    name: 'Internet edge',
    description: 'The line between the public internet and your Azure resources.',
    parentId: 'GE.TB.L',
    matchWords: ['internet', 'public', 'edge', 'perimeter']
  })
]

export const AZURE_ELEMENT_TYPES: readonly ElementType[] = [
  ...genericRootTypes(AZURE_VOCABULARY),
  ...AZURE_PROCESSES,
  ...AZURE_DATA_STORES,
  ...AZURE_EXTERNAL_INTERACTORS,
  ...AZURE_BOUNDARIES
]
