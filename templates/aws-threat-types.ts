import type { ThreatTypeDefinition } from '../model/template'
import { CROSSES_ANY_BOUNDARY as CROSSES, isAnyOf, threatType } from './template-builder'

/**
 * Threat types of the Threatwright AWS template, ids `TW.AWS.nn` (stable: threat keys and triage
 * depend on them; templates/CONTEXT.md). As in the Azure template, Include says where a threat can
 * occur and Exclude names the setting that rules it out, so 'Not Selected' keeps the threat visible.
 */
const WORKLOADS = ['SE.P.TW.AWS.EC2', 'SE.P.TW.AWS.EcsFargate', 'SE.P.TW.AWS.ElasticBeanstalk', 'SE.P.TW.AWS.Lambda', 'SE.P.TW.AWS.EKS']
const INTERNET_FACING = [...WORKLOADS, 'SE.P.TW.AWS.ApiGateway']
const DATABASES = ['SE.DS.TW.AWS.RDS', 'SE.DS.TW.AWS.DynamoDB']
const MESSAGING = ['SE.DS.TW.AWS.SQS', 'SE.DS.TW.AWS.SNS']
const PROCESS_OR_STORE = isAnyOf('target', ['GE.P', 'GE.DS'])
const STRONG_AUTHENTICATION =
  "target.authentication is 'IAM (SigV4)' or target.authentication is 'Cognito or OIDC token' or target.authentication is 'Mutual TLS'"
const THROTTLED_BY_API_GATEWAY = "(source is 'SE.P.TW.AWS.ApiGateway' and source.rateLimiting is 'Yes')"

const SPOOFING: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.01',
    category: 'S',
    title: 'Unauthenticated callers reach {target.Name}',
    description: '{target.Name} receives {flow.Name} across a trust boundary without a strong proof of who sends it, so anyone who can reach it can pose as {source.Name}.',
    include: `${PROCESS_OR_STORE} and ${CROSSES}`,
    exclude: `${STRONG_AUTHENTICATION} or target is 'SE.P.TW.AWS.CloudFront'`,
    priority: 'High',
    mitigation: 'Require SigV4-signed IAM requests, Cognito or OIDC tokens, or client certificates, and set the property once it is done.'
  }),
  threatType({
    id: 'TW.AWS.02',
    category: 'S',
    title: 'A leaked key lets anyone act as {source.Name} towards {target.Name}',
    description: '{target.Name} accepts shared secrets (database passwords, API keys, static tokens). API Gateway API keys identify a client for usage plans; they do not authenticate it.',
    include: `${PROCESS_OR_STORE} and target.authentication is 'Shared key'`,
    priority: 'High',
    mitigation: 'Use IAM authentication (IAM database authentication, SigV4) or an authorizer; keep unavoidable secrets in Secrets Manager with rotation.'
  }),
  threatType({
    id: 'TW.AWS.03',
    category: 'S',
    title: '{source.Name} signs calls to {target.Name} with long-term access keys',
    description: '{source.Name} has no IAM role, so it carries access keys that never expire. Whoever reads its configuration, image or environment can use them from anywhere.',
    include: `${isAnyOf('source', WORKLOADS)} and ${PROCESS_OR_STORE}`,
    exclude: "source.iamRole is 'Dedicated least-privilege role' or source.iamRole is 'Shared or broad role'",
    priority: 'Medium',
    mitigation: 'Attach an instance profile, task role, execution role or IRSA/Pod Identity role and delete the access keys.'
  }),
  threatType({
    id: 'TW.AWS.04',
    category: 'S',
    title: 'Role credentials of {target.Name} stolen through its metadata service',
    description: 'With IMDSv1 allowed, a server-side request forgery in software on {target.Name} can fetch the instance role credentials and use them as the instance.',
    include: "target is 'SE.P.TW.AWS.EC2'",
    exclude: "target.instanceMetadata is 'IMDSv2 required'",
    priority: 'High',
    mitigation: 'Require IMDSv2 (session tokens) and a hop limit of 1 on the instance or in the launch template.'
  }),
  threatType({
    id: 'TW.AWS.05',
    category: 'S',
    title: '{target.Name} accepts tokens that were not issued for it',
    description: 'If {target.Name} does not check the issuer, audience (client id), token use, signature and expiry of tokens from {source.Name}, tokens from another pool or app let their holders in.',
    include: "source is 'SE.EI.TW.AWS.Cognito' and target is 'GE.P'",
    priority: 'Medium',
    mitigation: 'Verify tokens with a maintained JWT library against the pool\u2019s JWKS, or use an API Gateway Cognito authorizer.'
  }),
  threatType({
    id: 'TW.AWS.06',
    category: 'S',
    title: 'Password-only sign-in through {target.Name}',
    description: 'Without multi-factor authentication, a phished, guessed or reused password is enough to sign in as a user of {target.Name}.',
    include: "target is 'SE.EI.TW.AWS.Cognito'",
    exclude: "target.mfaEnforced is 'Yes'",
    priority: 'High',
    mitigation: 'Require MFA in the user pool and turn on threat protection for compromised credentials.'
  }),
  threatType({
    id: 'TW.AWS.07',
    category: 'S',
    title: 'Stolen credentials of {source.Name} work without a second factor',
    description: '{source.Name} calls AWS with a password or access keys alone; once copied, they let anyone act as {source.Name}.',
    include: "source is 'SE.EI.TW.AWS.IamPrincipal'",
    exclude: "source.mfaEnforced is 'Yes' and source.credentialType is 'Temporary (role or IAM Identity Center)'",
    priority: 'High',
    mitigation: 'Sign people in through IAM Identity Center with MFA and short-lived role credentials; remove IAM user access keys.'
  }),
  threatType({
    id: 'TW.AWS.08',
    category: 'S',
    title: 'Password guessing against SSH or RDP on {target.Name}',
    description: 'Management ports of {target.Name} that answer from the internet are scanned and attacked with password lists within minutes of exposure.',
    include: "target is 'SE.P.TW.AWS.EC2'",
    exclude: "target.managementPorts is 'Session Manager or bastion only' or target.managementPorts is 'Closed'",
    priority: 'High',
    mitigation: 'Remove 0.0.0.0/0 rules for ports 22 and 3389 from the security groups and use Systems Manager Session Manager.'
  })
]

const TAMPERING: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.09',
    category: 'T',
    title: '{flow.Name} can be altered in transit',
    description: '{flow.Name} crosses a trust boundary without TLS, so anyone on the path between {source.Name} and {target.Name} can change what is sent.',
    include: CROSSES,
    exclude: "flow.encryptionInTransit is 'Yes'",
    priority: 'High',
    mitigation: 'Use TLS 1.2 or later end to end; deny plain HTTP with aws:SecureTransport conditions and HTTPS-only listeners.'
  }),
  threatType({
    id: 'TW.AWS.10',
    category: 'T',
    title: 'Injection into {target.Name} through {flow.Name}',
    description: 'Input that {source.Name} places into queries or expressions could change what {target.Name} runs, reading or changing data beyond the request.',
    include: `source is 'GE.P' and ${isAnyOf('target', DATABASES)}`,
    priority: 'High',
    mitigation: 'Use parameterised queries and the SDK expression builders; never build statements by concatenating input.'
  }),
  threatType({
    id: 'TW.AWS.11',
    category: 'T',
    title: 'Web attacks reach {target.Name} without a web application firewall',
    description: '{source.Name} talks to {target.Name} directly across a trust boundary, so injection, path traversal and bot traffic arrive unfiltered.',
    include: `source is 'GE.EI' and ${isAnyOf('target', INTERNET_FACING)} and ${CROSSES}`,
    priority: 'Medium',
    mitigation: 'Associate an AWS WAF web ACL with managed rule groups (CloudFront, API Gateway stage or load balancer) in front of it.'
  }),
  threatType({
    id: 'TW.AWS.12',
    category: 'T',
    title: '{target.Name} sees web attacks but lets them through',
    description: 'A web ACL whose rules only count (or no web ACL at all) logs malicious requests to {target.Name} and forwards them anyway.',
    include: "target is 'SE.P.TW.AWS.CloudFront'",
    exclude: "target.wafMode is 'Block'",
    priority: 'Medium',
    mitigation: 'Move the web ACL rules from count to block after tuning them.'
  }),
  threatType({
    id: 'TW.AWS.13',
    category: 'T',
    title: 'Poisoned messages from {source.Name} reach {target.Name}',
    description: 'Anyone allowed to publish to {source.Name} can place crafted messages that {target.Name} processes as if they came from a trusted producer.',
    include: `${isAnyOf('source', MESSAGING)} and target is 'GE.P'`,
    priority: 'Medium',
    mitigation: 'Restrict sqs:SendMessage and sns:Publish to named roles, validate every message and use a dead-letter queue.'
  }),
  threatType({
    id: 'TW.AWS.14',
    category: 'T',
    title: 'Objects in {target.Name} can be overwritten or deleted for good',
    description: 'A mistake, a compromised writer or ransomware can replace or delete the objects in {target.Name} with no earlier version to go back to.',
    include: "target is 'SE.DS.TW.AWS.S3'",
    exclude: "target.versioning is 'Yes'",
    priority: 'Medium',
    mitigation: 'Enable versioning (with MFA delete or S3 Object Lock for data that must not change) and replicate critical buckets.'
  })
]

const REPUDIATION: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.15',
    category: 'R',
    title: '{target.Name} keeps no record of requests from {source.Name}',
    description: 'Without access logs, nobody can later show who sent {flow.Name} to {target.Name}, when, or what it changed.',
    include: `target is 'GE.P' and ${CROSSES}`,
    exclude: "target.loggingEnabled is 'Yes'",
    priority: 'Medium',
    mitigation: 'Turn on access logging (API Gateway, CloudFront, load balancer) and log the authenticated caller to CloudWatch Logs.'
  }),
  threatType({
    id: 'TW.AWS.16',
    category: 'R',
    title: 'Access to data in {target.Name} is not audited',
    description: 'Reads and changes that {source.Name} makes in {target.Name} leave no trace, so misuse of its access cannot be investigated.',
    include: "source is 'GE.P' and target is 'GE.DS'",
    exclude: "target.loggingEnabled is 'Yes'",
    priority: 'Medium',
    mitigation: 'Record CloudTrail data events (S3, DynamoDB, Lambda) or database audit logs, delivered to an account the workload cannot write to.'
  }),
  threatType({
    id: 'TW.AWS.17',
    category: 'R',
    title: 'Records of {target.Name} can be altered without detection',
    description: 'Without log file integrity validation, someone who can write to the trail\u2019s bucket can change or delete log files of {target.Name} and nobody can prove it.',
    include: "target is 'SE.DS.TW.AWS.CloudTrail'",
    exclude: "target.logFileValidation is 'Yes'",
    priority: 'Medium',
    mitigation: 'Enable log file validation and deliver the trail to a bucket in a separate log-archive account with Object Lock.'
  }),
  threatType({
    id: 'TW.AWS.18',
    category: 'R',
    title: 'Activity in other regions escapes {target.Name}',
    description: 'A single-region trail misses API calls in every other region, where an attacker can work unrecorded.',
    include: "target is 'SE.DS.TW.AWS.CloudTrail'",
    exclude: "target.allRegions is 'Yes'",
    priority: 'Low',
    mitigation: 'Use a multi-region (or organization) trail.'
  })
]

const INFORMATION_DISCLOSURE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.19',
    category: 'I',
    title: '{flow.Name} can be read in transit',
    description: '{flow.Name} crosses a trust boundary without TLS, so anyone on the path can read what {source.Name} sends to {target.Name}.',
    include: CROSSES,
    exclude: "flow.encryptionInTransit is 'Yes'",
    priority: 'High',
    mitigation: 'Use TLS 1.2 or later end to end and refuse plain-text connections (aws:SecureTransport, rds.force_ssl).'
  }),
  threatType({
    id: 'TW.AWS.20',
    category: 'I',
    title: '{target.Name} accepts connections from the internet',
    description: 'The public endpoint of {target.Name} is open to every network; a leaked credential or a permissive policy then exposes its data to anyone.',
    include: "target is 'GE.DS' and target.networkExposure is 'Public'",
    priority: 'High',
    mitigation: 'Keep the store inside the VPC (not publicly accessible) and reach AWS services through VPC endpoints with endpoint policies.'
  }),
  threatType({
    id: 'TW.AWS.21',
    category: 'I',
    title: 'Anyone on the internet can read objects in {target.Name}',
    description: 'The bucket {target.Name} is public and Block Public Access is off, so one permissive bucket policy or ACL serves its objects to anyone.',
    include: "target is 'SE.DS.TW.AWS.S3' and target.networkExposure is 'Public'",
    exclude: "target.blockPublicAccess is 'On'",
    priority: 'High',
    mitigation: 'Turn on S3 Block Public Access at account and bucket level and serve public content through CloudFront with origin access control.'
  }),
  threatType({
    id: 'TW.AWS.22',
    category: 'I',
    title: 'Data in {target.Name} is stored unencrypted',
    description: 'Data {source.Name} writes to {target.Name} is readable from disks, snapshots or backups that leave your control.',
    include: "target is 'GE.DS' and target.encryptionAtRest is 'None'",
    priority: 'Medium',
    mitigation: 'Enable encryption at rest with AWS-managed or customer-managed KMS keys (snapshots and replicas included).'
  }),
  threatType({
    id: 'TW.AWS.23',
    category: 'I',
    title: '{source.Name} returns more than {target.Name} needs',
    description: 'Error details, stack traces, internal ids or whole records in responses to {target.Name} tell an outsider how {source.Name} works or leak other users\u2019 data.',
    include: `source is 'GE.P' and target is 'GE.EI' and ${CROSSES}`,
    priority: 'Low',
    mitigation: 'Return generic errors, log the detail server-side and shape responses to what the caller may see.'
  }),
  threatType({
    id: 'TW.AWS.24',
    category: 'I',
    title: 'Principals outside the account can read from {target.Name}',
    description: 'A resource policy of {target.Name} that allows any principal lets other AWS accounts subscribe or receive its messages.',
    include: isAnyOf('target', MESSAGING),
    exclude: "target.resourcePolicy is 'This account only' or target.resourcePolicy is 'Named other accounts'",
    priority: 'High',
    mitigation: 'Name the allowed principals in the policy and add aws:SourceAccount or aws:PrincipalOrgID conditions.'
  }),
  threatType({
    id: 'TW.AWS.25',
    category: 'I',
    title: 'A leaked secret from {target.Name} stays valid',
    description: 'Secrets in {target.Name} that are never rotated keep working for whoever copied them, long after the leak.',
    include: "target is 'SE.DS.TW.AWS.SecretsManager'",
    exclude: "target.secretRotation is 'Yes'",
    priority: 'Medium',
    mitigation: 'Turn on automatic rotation with a rotation function and make clients fetch the current version.'
  })
]

const DENIAL_OF_SERVICE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.26',
    category: 'D',
    title: 'Request floods exhaust {target.Name}',
    description: 'Calls from {source.Name} across the boundary are not limited before they reach {target.Name}, so a flood or a few expensive requests can take it down.',
    include: `target is 'GE.P' and ${CROSSES}`,
    exclude: `target is 'SE.P.TW.AWS.CloudFront' or source is 'SE.P.TW.AWS.CloudFront' or ${THROTTLED_BY_API_GATEWAY}`,
    priority: 'Medium',
    mitigation: 'Put CloudFront or API Gateway throttling and WAF rate-based rules in front, with AWS Shield for network floods.'
  }),
  threatType({
    id: 'TW.AWS.27',
    category: 'D',
    title: '{target.Name} forwards every request it receives',
    description: 'Without stage throttling or a usage plan, one client of {target.Name} can use up the capacity of the integrations behind it.',
    include: "target is 'SE.P.TW.AWS.ApiGateway'",
    exclude: "target.rateLimiting is 'Yes'",
    priority: 'Medium',
    mitigation: 'Set stage and method throttling limits and usage plans per client.'
  }),
  threatType({
    id: 'TW.AWS.28',
    category: 'D',
    title: '{target.Name} uses up the concurrency other functions need',
    description: 'Lambda concurrency is shared by all functions in an account and region; a burst from {source.Name} into {target.Name} can throttle unrelated functions and run up cost.',
    include: "target is 'SE.P.TW.AWS.Lambda'",
    exclude: THROTTLED_BY_API_GATEWAY,
    priority: 'Medium',
    mitigation: 'Set reserved concurrency on the function, throttle in front of it, and add budget alarms.'
  }),
  threatType({
    id: 'TW.AWS.29',
    category: 'D',
    title: 'Capacity limits of {target.Name} stall {source.Name}',
    description: 'When {target.Name} runs out of capacity or connections it rejects or slows requests, and {source.Name} stops working if it neither retries nor degrades.',
    include: `source is 'GE.P' and ${isAnyOf('target', DATABASES)}`,
    priority: 'Low',
    mitigation: 'Use on-demand or auto-scaled capacity, RDS Proxy for connection pooling, and retries with back-off.'
  }),
  threatType({
    id: 'TW.AWS.30',
    category: 'D',
    title: 'Lost or corrupted items in {target.Name} cannot be restored',
    description: 'Without point-in-time recovery, a bad deployment or a malicious bulk delete in {target.Name} loses data for good.',
    include: "target is 'SE.DS.TW.AWS.DynamoDB'",
    exclude: "target.pointInTimeRecovery is 'Yes'",
    priority: 'Medium',
    mitigation: 'Enable point-in-time recovery and AWS Backup plans for the table.'
  }),
  threatType({
    id: 'TW.AWS.31',
    category: 'D',
    title: 'Disabling or deleting {target.Name} makes encrypted data unreadable',
    description: 'Everything encrypted under {target.Name} becomes unreadable if the key is disabled, or deleted after its waiting period, by a mistake or an attacker.',
    include: "target is 'SE.DS.TW.AWS.KMS'",
    priority: 'Medium',
    mitigation: 'Deny kms:ScheduleKeyDeletion and kms:DisableKey outside a break-glass role and alarm on both events.'
  })
]

const ELEVATION_OF_PRIVILEGE: readonly ThreatTypeDefinition[] = [
  threatType({
    id: 'TW.AWS.32',
    category: 'E',
    title: '{source.Name} can do more in {target.Name} than it should',
    description: '{target.Name} does not limit what an authenticated caller may do, so any caller, or anyone who steals its identity, reaches every operation and all data.',
    include: `${PROCESS_OR_STORE} and ${CROSSES}`,
    exclude: "target.authorization is 'Least-privilege roles' or target is 'SE.P.TW.AWS.CloudFront'",
    priority: 'High',
    mitigation: 'Check permissions on every operation and scope IAM policies to the actions and resources the caller needs.'
  }),
  threatType({
    id: 'TW.AWS.33',
    category: 'E',
    title: 'The role of {source.Name} grants far more than {target.Name} needs',
    description: 'A role shared with other workloads or with wildcard actions turns any code execution in {source.Name} into access to everything that role can reach.',
    include: `source is 'GE.P' and source.iamRole is 'Shared or broad role' and ${PROCESS_OR_STORE}`,
    priority: 'High',
    mitigation: 'Give each workload its own role with only the actions and resource ARNs it uses; check with IAM Access Analyzer.'
  }),
  threatType({
    id: 'TW.AWS.34',
    category: 'E',
    title: 'Anyone who reaches the API server of {target.Name} can attack the cluster',
    description: 'A public Kubernetes API endpoint of {target.Name} is one leaked kubeconfig or one vulnerability away from cluster-wide control.',
    include: "target is 'SE.P.TW.AWS.EKS'",
    exclude: "target.apiServerAccess is 'Private' or target.apiServerAccess is 'Public with allowed CIDR ranges'",
    priority: 'High',
    mitigation: 'Use the private endpoint or restrict public access to known CIDR ranges, and map access through EKS access entries.'
  }),
  threatType({
    id: 'TW.AWS.35',
    category: 'E',
    title: 'Anyone can invoke {target.Name} through its function URL',
    description: 'A function URL with auth type NONE runs {target.Name} for any caller on the internet, with all the rights of its execution role.',
    include: "target is 'SE.P.TW.AWS.Lambda' and target.functionUrl is 'Auth type NONE'",
    priority: 'High',
    mitigation: 'Use auth type AWS_IAM or put the function behind API Gateway with an authorizer.'
  }),
  threatType({
    id: 'TW.AWS.36',
    category: 'E',
    title: 'Attackers can skip {source.Name} and call {target.Name} directly',
    description: '{target.Name} is publicly reachable behind {source.Name}, so the web ACL and caching rules at the edge do not apply to anyone who finds its address.',
    include: `source is 'SE.P.TW.AWS.CloudFront' and ${PROCESS_OR_STORE} and target.networkExposure is 'Public'`,
    priority: 'Medium',
    mitigation: 'Use origin access control for S3, VPC origins or the CloudFront managed prefix list for other origins.'
  }),
  threatType({
    id: 'TW.AWS.37',
    category: 'E',
    title: 'Unpatched operating system on {target.Name}',
    description: 'Known vulnerabilities in the operating system of {target.Name} let an attacker who gets a foothold become root.',
    include: "target is 'SE.P.TW.AWS.EC2'",
    exclude: "target.osPatching is 'Automatic (Patch Manager)'",
    priority: 'Medium',
    mitigation: 'Patch with Systems Manager Patch Manager baselines or replace instances from patched images regularly.'
  })
]

export const AWS_THREAT_TYPES: readonly ThreatTypeDefinition[] = [
  ...SPOOFING,
  ...TAMPERING,
  ...REPUDIATION,
  ...INFORMATION_DISCLOSURE,
  ...DENIAL_OF_SERVICE,
  ...ELEVATION_OF_PRIVILEGE
]
