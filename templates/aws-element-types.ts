import type { ElementType } from '../model/template'
import { genericRootTypes, type CloudVocabulary } from './cloud-template-parts'
import { listAttribute, standardType, yesNoAttribute } from './template-builder'

/**
 * AWS services as element types under TMT's generic roots. Ids are stable and prefixed
 * `SE.<kind>.TW.AWS.` (templates/CONTEXT.md); rules in aws-threat-types.ts name them. Facts about the
 * settings (IMDSv2, S3 Block Public Access, Lambda function URL auth types, CloudTrail log file
 * validation…) come from AWS's public documentation; the wording is ours.
 */
const AWS_VOCABULARY: CloudVocabulary = {
  strongAuthentication: ['IAM (SigV4)', 'Cognito or OIDC token', 'Mutual TLS'],
  privateExposure: ['VPC endpoint', 'VPC only'],
  workloadIdentity: listAttribute('iamRole', 'IAM role', ['Dedicated least-privilege role', 'Shared or broad role', 'None (stored access keys)']),
  loggingLabel: 'Logs sent to CloudWatch or CloudTrail'
}

const AWS_PROCESSES: readonly ElementType[] = [
  standardType({
    id: 'SE.P.TW.AWS.EC2',
    name: 'Amazon EC2 instance',
    description: 'A virtual server whose operating system you manage.',
    parentId: 'GE.P',
    attributes: [
      listAttribute('managementPorts', 'SSH and RDP exposure', ['Open to the internet', 'Session Manager or bastion only', 'Closed']),
      listAttribute('instanceMetadata', 'Instance metadata service', ['IMDSv2 required', 'IMDSv1 allowed']),
      listAttribute('osPatching', 'Operating system patching', ['Automatic (Patch Manager)', 'Manual'])
    ],
    matchWords: ['ec2', 'vm', 'vms', 'virtual', 'machine', 'server', 'instance', 'host', 'compute', 'iaas']
  }),
  standardType({
    id: 'SE.P.TW.AWS.EcsFargate',
    name: 'Amazon ECS on AWS Fargate',
    description: 'Containers run as ECS tasks without servers to manage.',
    parentId: 'GE.P',
    matchWords: ['ecs', 'fargate', 'container', 'containers', 'task', 'docker', 'service', 'backend']
  }),
  standardType({
    id: 'SE.P.TW.AWS.ElasticBeanstalk',
    name: 'AWS Elastic Beanstalk environment',
    description: 'A web application deployed on Beanstalk-managed instances.',
    parentId: 'GE.P',
    matchWords: ['beanstalk', 'app', 'application', 'web', 'webapp', 'website', 'site', 'paas']
  }),
  standardType({
    id: 'SE.P.TW.AWS.Lambda',
    name: 'AWS Lambda function',
    description: 'Event-driven code run on demand by Lambda.',
    parentId: 'GE.P',
    attributes: [listAttribute('functionUrl', 'Function URL', ['None', 'Auth type AWS_IAM', 'Auth type NONE'])],
    matchWords: ['lambda', 'function', 'functions', 'serverless', 'trigger', 'faas']
  }),
  standardType({
    id: 'SE.P.TW.AWS.EKS',
    name: 'Amazon EKS cluster',
    description: 'A managed Kubernetes cluster running containerised workloads.',
    parentId: 'GE.P',
    attributes: [listAttribute('apiServerAccess', 'Kubernetes API server endpoint', ['Public', 'Public with allowed CIDR ranges', 'Private'])],
    matchWords: ['eks', 'kubernetes', 'k8s', 'cluster', 'pod', 'pods']
  }),
  standardType({
    id: 'SE.P.TW.AWS.ApiGateway',
    name: 'Amazon API Gateway',
    description: 'A managed front end that authorises, throttles and routes API calls.',
    parentId: 'GE.P',
    attributes: [yesNoAttribute('rateLimiting', 'Throttling or usage plan')],
    matchWords: ['gateway', 'api', 'apigateway', 'proxy']
  }),
  standardType({
    id: 'SE.P.TW.AWS.CloudFront',
    name: 'Amazon CloudFront with AWS WAF',
    description: 'A CDN distribution with a web ACL in front of your origins.',
    parentId: 'GE.P',
    attributes: [listAttribute('wafMode', 'AWS WAF web ACL', ['Block', 'Count only', 'No web ACL'])],
    matchWords: ['cloudfront', 'cdn', 'waf', 'edge', 'distribution', 'firewall']
  })
]

const resourcePolicy = listAttribute('resourcePolicy', 'Resource policy allows', ['This account only', 'Named other accounts', 'Any principal'])

const AWS_DATA_STORES: readonly ElementType[] = [
  standardType({
    id: 'SE.DS.TW.AWS.S3',
    name: 'Amazon S3 bucket',
    description: 'Object storage for files, images, backups and exports.',
    parentId: 'GE.DS',
    attributes: [
      listAttribute('blockPublicAccess', 'S3 Block Public Access', ['On', 'Off']),
      yesNoAttribute('versioning', 'Versioning or Object Lock')
    ],
    matchWords: ['s3', 'bucket', 'buckets', 'storage', 'blob', 'blobs', 'file', 'files', 'object', 'objects']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.RDS',
    name: 'Amazon RDS or Aurora database',
    description: 'A managed relational database (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle, Aurora).',
    parentId: 'GE.DS',
    matchWords: ['rds', 'aurora', 'sql', 'database', 'databases', 'db', 'relational', 'rdbms', 'postgres', 'postgresql', 'mysql', 'mariadb', 'oracle']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.DynamoDB',
    name: 'Amazon DynamoDB table',
    description: 'A managed NoSQL key-value and document table.',
    parentId: 'GE.DS',
    attributes: [yesNoAttribute('pointInTimeRecovery', 'Point-in-time recovery')],
    matchWords: ['dynamo', 'dynamodb', 'nosql', 'document', 'documents', 'table', 'mongo', 'mongodb']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.SQS',
    name: 'Amazon SQS queue',
    description: 'A queue that holds messages until a consumer takes them.',
    parentId: 'GE.DS',
    attributes: [resourcePolicy],
    matchWords: ['sqs', 'queue', 'queues', 'message', 'messages', 'messaging', 'broker']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.SNS',
    name: 'Amazon SNS topic',
    description: 'A topic that fans messages out to subscribers.',
    parentId: 'GE.DS',
    attributes: [resourcePolicy],
    matchWords: ['sns', 'topic', 'topics', 'notification', 'notifications', 'pubsub', 'event', 'events']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.KMS',
    name: 'AWS KMS key',
    description: 'A managed encryption key that other services use to protect data.',
    parentId: 'GE.DS',
    attributes: [yesNoAttribute('keyRotation', 'Automatic key rotation')],
    matchWords: ['kms', 'key', 'keys', 'encryption', 'hsm', 'cmk']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.SecretsManager',
    name: 'AWS Secrets Manager secret',
    description: 'A stored credential (database password, API token) fetched at run time.',
    parentId: 'GE.DS',
    attributes: [yesNoAttribute('secretRotation', 'Automatic rotation')],
    matchWords: ['secret', 'secrets', 'vault', 'credential', 'credentials', 'password', 'passwords']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.CloudWatchLogs',
    name: 'Amazon CloudWatch Logs log group',
    description: 'Where application and service logs are collected, kept and queried.',
    parentId: 'GE.DS',
    matchWords: ['cloudwatch', 'log', 'logs', 'logging', 'monitor', 'monitoring', 'metrics', 'siem']
  }),
  standardType({
    id: 'SE.DS.TW.AWS.CloudTrail',
    name: 'AWS CloudTrail trail',
    description: 'The record of API calls made in the account, delivered to S3 and CloudWatch Logs.',
    parentId: 'GE.DS',
    attributes: [
      yesNoAttribute('logFileValidation', 'Log file integrity validation'),
      yesNoAttribute('allRegions', 'Trail covers all regions')
    ],
    matchWords: ['cloudtrail', 'trail', 'audit']
  })
]

const AWS_EXTERNAL_INTERACTORS: readonly ElementType[] = [
  standardType({
    id: 'SE.EI.TW.AWS.IamPrincipal',
    name: 'AWS IAM user or role',
    description: 'A person or system that signs AWS API calls with IAM credentials.',
    parentId: 'GE.EI',
    attributes: [
      listAttribute('credentialType', 'Credentials', ['Temporary (role or IAM Identity Center)', 'Long-term access keys']),
      yesNoAttribute('mfaEnforced', 'Multi-factor authentication required')
    ],
    matchWords: ['iam', 'principal', 'admin', 'administrator', 'operator', 'role', 'console']
  }),
  standardType({
    id: 'SE.EI.TW.AWS.Cognito',
    name: 'Amazon Cognito user pool',
    description: 'The user directory that signs users in and issues their tokens.',
    parentId: 'GE.EI',
    attributes: [yesNoAttribute('mfaEnforced', 'Multi-factor authentication required')],
    matchWords: ['cognito', 'identity', 'idp', 'provider', 'login', 'sso', 'oidc', 'oauth', 'directory', 'userpool']
  })
]

const AWS_BOUNDARIES: readonly ElementType[] = [
  standardType({
    id: 'SE.TB.B.TW.AWS.Vpc',
    name: 'Amazon VPC',
    description: 'A private network; flows in or out of it cross its edge.',
    parentId: 'GE.TB.B',
    matchWords: ['vpc', 'virtual', 'network', 'private', 'cloud', 'aws']
  }),
  standardType({
    id: 'SE.TB.B.TW.AWS.SecurityGroup',
    name: 'Security group',
    description: 'Resources whose traffic is filtered by one security group.',
    parentId: 'GE.TB.B',
    matchWords: ['sg', 'security', 'group', 'subnet', 'segment', 'dmz']
  }),
  standardType({
    id: 'SE.TB.B.TW.AWS.Account',
    name: 'AWS account',
    description: 'Resources in one AWS account; flows between accounts cross it.',
    parentId: 'GE.TB.B',
    matchWords: ['account', 'tenant', 'organization', 'organisation']
  }),
  standardType({
    id: 'SE.TB.L.TW.AWS.InternetEdge',
    name: 'Internet edge',
    description: 'The line between the public internet and your AWS resources.',
    parentId: 'GE.TB.L',
    matchWords: ['internet', 'public', 'edge', 'perimeter']
  })
]

export const AWS_ELEMENT_TYPES: readonly ElementType[] = [
  ...genericRootTypes(AWS_VOCABULARY),
  ...AWS_PROCESSES,
  ...AWS_DATA_STORES,
  ...AWS_EXTERNAL_INTERACTORS,
  ...AWS_BOUNDARIES
]
