import type { ThreatTypeDefinition } from '../model/template'
import { CROSSES_ANY_BOUNDARY as CROSSES, isAnyOf, threatType } from './template-builder'

/**
 * Threat types of the Threatwright Azure template, ids `TW.AZ.nn` (stable: threat keys and triage
 * depend on them; templates/CONTEXT.md). Rules follow TMT's habit: Include names where the threat can
 * occur, Exclude names the setting that rules it out, so an element whose properties are still
 * 'Not Selected' gets the threat and the reviewer decides.
 */
const WORKLOADS = ['SE.P.TW.Azure.VirtualMachine', 'SE.P.TW.Azure.AppService', 'SE.P.TW.Azure.Functions', 'SE.P.TW.Azure.KubernetesService']
const INTERNET_FACING = [...WORKLOADS, 'SE.P.TW.Azure.ApiManagement']
const DATABASES = ['SE.DS.TW.Azure.SqlDatabase', 'SE.DS.TW.Azure.CosmosDb']
const MESSAGING = ['SE.DS.TW.Azure.ServiceBus', 'SE.DS.TW.Azure.EventHubs']
const PROCESS_OR_STORE = isAnyOf('target', ['GE.P', 'GE.DS'])
const HAS_MANAGED_IDENTITY = "(source.managedIdentity is 'System-assigned' or source.managedIdentity is 'User-assigned')"

const SPOOFING: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.01',
    category: 'S',
    title: 'Unauthenticated callers reach {target.Name}',
    description: '{target.Name} receives {flow.Name} across a trust boundary without a strong proof of who sends it, so anyone who can reach it can pose as {source.Name}.',
    include: `${PROCESS_OR_STORE} and ${CROSSES}`,
    exclude: "target.authentication is 'Microsoft Entra ID' or target.authentication is 'Mutual TLS' or target is 'SE.P.TW.Azure.FrontDoor'",
    priority: 'High',
    mitigation: 'Require Microsoft Entra ID tokens or client certificates on every request and set the property once it is done.'
  }),
  threatType({
    id: 'TW.AZ.02',
    category: 'S',
    title: 'A leaked key lets anyone act as {source.Name} towards {target.Name}',
    description: '{target.Name} accepts shared keys (account keys, SAS tokens, function or subscription keys, passwords). A key copied from code, logs or a laptop works for anyone, from anywhere, until it is rotated.',
    include: `${PROCESS_OR_STORE} and target.authentication is 'Shared key'`,
    priority: 'High',
    mitigation: 'Switch callers to Microsoft Entra ID with managed identities and disable key-based access; until then keep keys in Key Vault and rotate them.'
  }),
  threatType({
    id: 'TW.AZ.03',
    category: 'S',
    title: '{source.Name} keeps credentials for {target.Name} in its configuration',
    description: '{source.Name} has no managed identity, so it reaches {target.Name} with a stored secret. Whoever reads its settings, deployment files or environment can use that secret elsewhere.',
    include: `${isAnyOf('source', WORKLOADS)} and ${PROCESS_OR_STORE}`,
    exclude: HAS_MANAGED_IDENTITY,
    priority: 'Medium',
    mitigation: 'Give the workload a managed identity and grant it a role on the target; remove the stored secret.'
  }),
  threatType({
    id: 'TW.AZ.04',
    category: 'S',
    title: '{target.Name} accepts tokens that were not issued for it',
    description: 'If {target.Name} does not check the issuer, audience, signature and expiry of tokens from {source.Name}, a token issued for another application or tenant lets its holder in.',
    include: "source is 'SE.EI.TW.Azure.EntraId' and target is 'GE.P'",
    priority: 'Medium',
    mitigation: 'Validate tokens with the Microsoft identity platform libraries and pin the expected tenant and audience.'
  }),
  threatType({
    id: 'TW.AZ.05',
    category: 'S',
    title: 'Password-only sign-in through {target.Name}',
    description: 'Without multi-factor authentication, a phished, guessed or reused password is enough to sign in as a user of {target.Name}.',
    include: "target is 'SE.EI.TW.Azure.EntraId'",
    exclude: "target.mfaEnforced is 'Yes'",
    priority: 'High',
    mitigation: 'Require multi-factor authentication with a Conditional Access policy and block legacy authentication.'
  }),
  threatType({
    id: 'TW.AZ.06',
    category: 'S',
    title: 'Password guessing against RDP or SSH on {target.Name}',
    description: 'Management ports of {target.Name} that answer from the internet are scanned and attacked with password lists within minutes of exposure.',
    include: "target is 'SE.P.TW.Azure.VirtualMachine'",
    exclude: "target.managementPorts is 'Bastion or just-in-time only' or target.managementPorts is 'Closed'",
    priority: 'High',
    mitigation: 'Close RDP and SSH to the internet; use Azure Bastion or just-in-time VM access and key-based SSH.'
  })
]

const TAMPERING: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.07',
    category: 'T',
    title: '{flow.Name} can be altered in transit',
    description: '{flow.Name} crosses a trust boundary without TLS, so anyone on the path between {source.Name} and {target.Name} can change what is sent.',
    include: CROSSES,
    exclude: "flow.encryptionInTransit is 'Yes'",
    priority: 'High',
    mitigation: 'Use TLS 1.2 or later end to end (HTTPS only, minimum TLS version set on the service).'
  }),
  threatType({
    id: 'TW.AZ.08',
    category: 'T',
    title: 'Injection into {target.Name} through {flow.Name}',
    description: 'Input that {source.Name} places into queries could change what {target.Name} runs, reading or changing data beyond the request.',
    include: `source is 'GE.P' and ${isAnyOf('target', DATABASES)}`,
    priority: 'High',
    mitigation: 'Use parameterised queries or the SDK query builders; never build queries by concatenating input.'
  }),
  threatType({
    id: 'TW.AZ.09',
    category: 'T',
    title: 'Web attacks reach {target.Name} without a web application firewall',
    description: '{source.Name} talks to {target.Name} directly across a trust boundary, so injection, path traversal and bot traffic arrive unfiltered.',
    include: `source is 'GE.EI' and ${isAnyOf('target', INTERNET_FACING)} and ${CROSSES}`,
    priority: 'Medium',
    mitigation: 'Put Azure Front Door or Application Gateway with a WAF policy in prevention mode in front of it.'
  }),
  threatType({
    id: 'TW.AZ.10',
    category: 'T',
    title: '{target.Name} sees web attacks but lets them through',
    description: 'A web application firewall that only detects (or is disabled) logs malicious requests to {target.Name} and forwards them anyway.',
    include: "target is 'SE.P.TW.Azure.FrontDoor'",
    exclude: "target.wafMode is 'Prevention'",
    priority: 'Medium',
    mitigation: 'Run the WAF policy in prevention mode after tuning it in detection mode.'
  }),
  threatType({
    id: 'TW.AZ.11',
    category: 'T',
    title: 'Poisoned messages from {source.Name} reach {target.Name}',
    description: 'Anyone able to send to {source.Name} can place crafted messages that {target.Name} processes as if they came from a trusted producer.',
    include: `${isAnyOf('source', MESSAGING)} and target is 'GE.P'`,
    priority: 'Medium',
    mitigation: 'Limit send rights to named identities, validate every message and move bad ones to the dead-letter queue.'
  }),
  threatType({
    id: 'TW.AZ.12',
    category: 'T',
    title: 'Blobs in {target.Name} can be overwritten or deleted for good',
    description: 'A mistake, a compromised writer or ransomware can replace or delete the data in {target.Name} with no earlier version to go back to.',
    include: "target is 'SE.DS.TW.Azure.BlobStorage'",
    exclude: "target.softDelete is 'Yes'",
    priority: 'Medium',
    mitigation: 'Turn on blob soft delete and versioning, and immutability policies for data that must not change.'
  }),
  threatType({
    id: 'TW.AZ.13',
    category: 'T',
    title: 'Deployment credentials let attackers replace the code of {target.Name}',
    description: 'FTP and basic-auth publishing credentials for {target.Name} are long-lived passwords; whoever has them can deploy their own code.',
    include: isAnyOf('target', ['SE.P.TW.Azure.AppService', 'SE.P.TW.Azure.Functions']),
    exclude: "target.basicAuthPublishing is 'Disabled'",
    priority: 'Medium',
    mitigation: 'Disable FTP and basic-auth publishing; deploy from a pipeline that signs in with Microsoft Entra ID.'
  })
]

const REPUDIATION: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.14',
    category: 'R',
    title: '{target.Name} keeps no record of requests from {source.Name}',
    description: 'Without diagnostic logs, nobody can later show who sent {flow.Name} to {target.Name}, when, or what it changed.',
    include: `target is 'GE.P' and ${CROSSES}`,
    exclude: "target.loggingEnabled is 'Yes'",
    priority: 'Medium',
    mitigation: 'Send the service diagnostic logs to a Log Analytics workspace and log the authenticated caller of each request.'
  }),
  threatType({
    id: 'TW.AZ.15',
    category: 'R',
    title: 'Access to data in {target.Name} is not audited',
    description: 'Reads and changes that {source.Name} makes in {target.Name} leave no trace, so misuse of its access cannot be investigated.',
    include: "source is 'GE.P' and target is 'GE.DS'",
    exclude: "target.loggingEnabled is 'Yes'",
    priority: 'Medium',
    mitigation: 'Enable the resource logs (data-plane logs, auditing) and keep them in a workspace the workload cannot write to.'
  }),
  threatType({
    id: 'TW.AZ.16',
    category: 'R',
    title: 'Logs in {target.Name} can be removed by an administrator',
    description: 'Someone with enough rights on {target.Name} can purge records or shorten retention and erase the evidence of what they did.',
    include: "target is 'SE.DS.TW.Azure.MonitorLogs'",
    exclude: "target.immutableCopy is 'Yes'",
    priority: 'Medium',
    mitigation: 'Export logs to storage with an immutability policy and restrict who holds purge rights.'
  }),
  threatType({
    id: 'TW.AZ.17',
    category: 'R',
    title: 'Sign-in records of {target.Name} expire before anyone looks',
    description: 'The identity provider keeps sign-in and audit logs only for a short time unless they are exported, so an account compromise found late cannot be traced.',
    include: "target is 'SE.EI.TW.Azure.EntraId'",
    exclude: "target.signInLogExport is 'Yes'",
    priority: 'Low',
    mitigation: 'Export Entra ID sign-in and audit logs to a Log Analytics workspace or storage with a long retention.'
  })
]

const INFORMATION_DISCLOSURE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.18',
    category: 'I',
    title: '{flow.Name} can be read in transit',
    description: '{flow.Name} crosses a trust boundary without TLS, so anyone on the path can read what {source.Name} sends to {target.Name}.',
    include: CROSSES,
    exclude: "flow.encryptionInTransit is 'Yes'",
    priority: 'High',
    mitigation: 'Use TLS 1.2 or later end to end and refuse plain-text connections on the service.'
  }),
  threatType({
    id: 'TW.AZ.19',
    category: 'I',
    title: '{target.Name} accepts connections from the internet',
    description: 'The public endpoint of {target.Name} is open to every network; a leaked key or a permissive rule then exposes its data to anyone.',
    include: "target is 'GE.DS' and target.networkExposure is 'Public'",
    priority: 'High',
    mitigation: 'Disable public network access and reach the store through a private endpoint, or restrict it to named networks.'
  }),
  threatType({
    id: 'TW.AZ.20',
    category: 'I',
    title: 'Anyone on the internet can read blobs in {target.Name}',
    description: 'The storage account of {target.Name} is public and allows anonymous blob access, so a container set to public read serves its data to anyone who guesses the URL.',
    include: "target is 'SE.DS.TW.Azure.BlobStorage' and target.networkExposure is 'Public'",
    exclude: "target.anonymousBlobAccess is 'Disallowed'",
    priority: 'High',
    mitigation: 'Disallow anonymous blob access on the storage account and hand out short-lived user-delegation SAS where sharing is needed.'
  }),
  threatType({
    id: 'TW.AZ.21',
    category: 'I',
    title: 'Data in {target.Name} is stored unencrypted',
    description: 'Data {source.Name} writes to {target.Name} is readable from disks, snapshots or backups that leave your control.',
    include: "target is 'GE.DS' and target.encryptionAtRest is 'None'",
    priority: 'Medium',
    mitigation: 'Turn on encryption at rest (platform-managed or customer-managed keys in Key Vault).'
  }),
  threatType({
    id: 'TW.AZ.22',
    category: 'I',
    title: '{source.Name} returns more than {target.Name} needs',
    description: 'Error details, stack traces, internal ids or whole records in responses to {target.Name} tell an outsider how {source.Name} works or leak other users\u2019 data.',
    include: `source is 'GE.P' and target is 'GE.EI' and ${CROSSES}`,
    priority: 'Low',
    mitigation: 'Return generic errors, log the detail server-side and shape responses to what the caller may see.'
  })
]

const DENIAL_OF_SERVICE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.23',
    category: 'D',
    title: 'Request floods exhaust {target.Name}',
    description: 'Calls from {source.Name} across the boundary are not limited before they reach {target.Name}, so a flood or a few expensive requests can take it down.',
    include: `target is 'GE.P' and ${CROSSES}`,
    exclude: "target is 'SE.P.TW.Azure.FrontDoor' or source is 'SE.P.TW.Azure.FrontDoor' or (source is 'SE.P.TW.Azure.ApiManagement' and source.rateLimiting is 'Yes')",
    priority: 'Medium',
    mitigation: 'Front it with Front Door or API Management rate limits, set timeouts and autoscale limits, and enable DDoS protection on the network.'
  }),
  threatType({
    id: 'TW.AZ.24',
    category: 'D',
    title: '{target.Name} forwards every request it receives',
    description: 'Without a rate-limit or quota policy, one client of {target.Name} can use up the capacity of the APIs behind it.',
    include: "target is 'SE.P.TW.Azure.ApiManagement'",
    exclude: "target.rateLimiting is 'Yes'",
    priority: 'Medium',
    mitigation: 'Add rate-limit-by-key and quota policies per subscription or caller.'
  }),
  threatType({
    id: 'TW.AZ.25',
    category: 'D',
    title: 'Unbounded scaling of {target.Name} runs up cost or hits quotas',
    description: 'A burst of calls from {source.Name} scales {target.Name} out without limit: the bill grows and shared quotas starve other functions.',
    include: "target is 'SE.P.TW.Azure.Functions'",
    exclude: "source is 'SE.P.TW.Azure.ApiManagement' and source.rateLimiting is 'Yes'",
    priority: 'Low',
    mitigation: 'Set a maximum scale-out, budget alerts, and rate limits in front of the function.'
  }),
  threatType({
    id: 'TW.AZ.26',
    category: 'D',
    title: 'Throttling in {target.Name} stalls {source.Name}',
    description: 'When {target.Name} runs out of provisioned throughput it rejects or slows requests, and {source.Name} stops working if it neither retries nor degrades.',
    include: `source is 'GE.P' and ${isAnyOf('target', DATABASES)}`,
    priority: 'Low',
    mitigation: 'Size throughput for peaks (or autoscale), retry with back-off and alert on throttled requests.'
  }),
  threatType({
    id: 'TW.AZ.27',
    category: 'D',
    title: 'A backlog in {target.Name} delays or loses work from {source.Name}',
    description: 'If consumers fall behind, messages from {source.Name} pile up in {target.Name} until quotas are hit, time-to-live expires or the retention window passes.',
    include: `source is 'GE.P' and ${isAnyOf('target', MESSAGING)}`,
    priority: 'Low',
    mitigation: 'Alert on queue length and dead-letter counts, set time-to-live on purpose and scale consumers with the load.'
  }),
  threatType({
    id: 'TW.AZ.28',
    category: 'D',
    title: 'Deleting keys in {target.Name} makes encrypted data unreadable',
    description: 'Without purge protection, a deleted vault or key can be purged at once, and every service that encrypts with it loses its data.',
    include: "target is 'SE.DS.TW.Azure.KeyVault'",
    exclude: "target.purgeProtection is 'Yes'",
    priority: 'High',
    mitigation: 'Enable soft delete with purge protection and lock the vault resource against deletion.'
  })
]

const ELEVATION_OF_PRIVILEGE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AZ.29',
    category: 'E',
    title: '{source.Name} can do more in {target.Name} than it should',
    description: '{target.Name} does not limit what an authenticated caller may do, so any caller, or anyone who steals its identity, reaches every operation and all data.',
    include: `${PROCESS_OR_STORE} and ${CROSSES}`,
    exclude: "target.authorization is 'Least-privilege roles' or target is 'SE.P.TW.Azure.FrontDoor'",
    priority: 'High',
    mitigation: 'Check permissions on every operation and grant callers narrowly scoped Azure RBAC or application roles.'
  }),
  threatType({
    id: 'TW.AZ.30',
    category: 'E',
    title: 'The managed identity of {source.Name} holds broad roles on {target.Name}',
    description: 'A role such as Owner or Contributor at subscription scope turns any code execution in {source.Name} into control of {target.Name} and its neighbours.',
    include: `source is 'GE.P' and ${HAS_MANAGED_IDENTITY} and ${PROCESS_OR_STORE}`,
    exclude: "target.authorization is 'Least-privilege roles'",
    priority: 'Medium',
    mitigation: 'Assign data-plane roles scoped to the one resource the workload needs, and review role assignments regularly.'
  }),
  threatType({
    id: 'TW.AZ.31',
    category: 'E',
    title: 'Account keys give full control of {target.Name}',
    description: 'The primary keys of {target.Name} bypass role-based access: whoever holds one can read, change and delete every container.',
    include: "target is 'SE.DS.TW.Azure.CosmosDb'",
    exclude: "target.keyBasedAuth is 'Disabled'",
    priority: 'Medium',
    mitigation: 'Disable key-based metadata write and local authentication; use Microsoft Entra ID data-plane roles.'
  }),
  threatType({
    id: 'TW.AZ.32',
    category: 'E',
    title: 'Anyone who reaches the API server of {target.Name} can attack the cluster',
    description: 'A public Kubernetes API server of {target.Name} is one leaked kubeconfig or one vulnerability away from cluster-wide control.',
    include: "target is 'SE.P.TW.Azure.KubernetesService'",
    exclude: "target.apiServerAccess is 'Private cluster' or target.apiServerAccess is 'Public with authorized IP ranges'",
    priority: 'High',
    mitigation: 'Use a private cluster or authorized IP ranges, and Microsoft Entra ID with Kubernetes RBAC.'
  }),
  threatType({
    id: 'TW.AZ.33',
    category: 'E',
    title: 'Local accounts bypass Entra ID on {target.Name}',
    description: 'The local cluster-admin credentials of {target.Name} are not tied to a person and are not covered by Conditional Access or sign-in logs.',
    include: "target is 'SE.P.TW.Azure.KubernetesService'",
    exclude: "target.localAccounts is 'Disabled'",
    priority: 'Medium',
    mitigation: 'Disable local accounts and manage cluster access through Microsoft Entra ID groups.'
  }),
  threatType({
    id: 'TW.AZ.34',
    category: 'E',
    title: 'Attackers can skip {source.Name} and call {target.Name} directly',
    description: '{target.Name} is publicly reachable behind {source.Name}, so the firewall and rate limits at the front door do not apply to anyone who finds its address.',
    include: "source is 'SE.P.TW.Azure.FrontDoor' and target is 'GE.P' and target.networkExposure is 'Public'",
    priority: 'Medium',
    mitigation: 'Accept only traffic from the Front Door service tag with your Front Door id header, or use Private Link origins.'
  }),
  threatType({
    id: 'TW.AZ.35',
    category: 'E',
    title: 'Access policies grant vault-wide rights in {target.Name}',
    description: 'Key Vault access policies apply to every key or secret of a kind in {target.Name}, and whoever can edit the vault can grant themselves access.',
    include: "target is 'SE.DS.TW.Azure.KeyVault'",
    exclude: "target.permissionModel is 'Azure RBAC'",
    priority: 'Medium',
    mitigation: 'Switch the vault to the Azure RBAC permission model and grant roles per secret or key where needed.'
  }),
  threatType({
    id: 'TW.AZ.36',
    category: 'E',
    title: 'Unpatched operating system on {target.Name}',
    description: 'Known vulnerabilities in the operating system of {target.Name} let an attacker who gets a foothold become administrator.',
    include: "target is 'SE.P.TW.Azure.VirtualMachine'",
    exclude: "target.osPatching is 'Automatic'",
    priority: 'Medium',
    mitigation: 'Enable automatic guest patching or Azure Update Manager schedules, and alert on missing updates.'
  })
]

export const AZURE_THREAT_TYPES: readonly ThreatTypeDefinition[] = [
  ...SPOOFING,
  ...TAMPERING,
  ...REPUDIATION,
  ...INFORMATION_DISCLOSURE,
  ...DENIAL_OF_SERVICE,
  ...ELEVATION_OF_PRIVILEGE
]
