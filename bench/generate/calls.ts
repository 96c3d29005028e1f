import { Random, Weighted } from './random.ts';
import type { ActorKind, Json } from './world.ts';

/** Context a call's parameters are drawn from. */
export interface CallContext {
  readonly random: Random;
  readonly account: string;
  readonly region: string;
}

/** One API call the background traffic makes. */
export interface Call {
  readonly source: string;
  readonly name: string;
  readonly readOnly: boolean;
  readonly params?: (c: CallContext) => Json | null;
  readonly response?: (c: CallContext) => Json | null;
  readonly resources?: (c: CallContext) => Json[];
}

const bucket = (c: CallContext): string => `${c.random.pick(['app-assets', 'data-lake-raw', 'backups', 'logs-archive', 'ml-datasets'])}-${c.account}`;
const instance = (c: CallContext): string => `i-0${c.random.hex(16)}`;
const keyArn = (c: CallContext): string => `arn:aws:kms:${c.region}:${c.account}:key/${c.random.uuid()}`;
const table = (c: CallContext): string => c.random.pick(['orders', 'sessions', 'customers', 'inventory', 'audit-events']);
const fn = (c: CallContext): string => c.random.pick(['thumbnailer', 'orders-stream-consumer', 'nightly-report', 'slack-notifier']);

const s3 = (name: string, readOnly: boolean): Call => ({
  source: 's3.amazonaws.com',
  name,
  readOnly,
  params: (c) => ({ bucketName: bucket(c), Host: `${bucket(c)}.s3.${c.region}.amazonaws.com`, ...(name === 'ListObjects' ? { prefix: `year=2026/month=11/`, 'list-type': '2' } : {}) }),
  resources: (c) => [{ accountId: c.account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket(c)}` }],
});

const CALLS: Record<ActorKind, readonly (readonly [Call, number])[]> = {
  app: [
    [{ source: 'kms.amazonaws.com', name: 'Decrypt', readOnly: true, params: (c) => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${bucket(c)}/${c.random.hex(12)}` } }), resources: (c) => [{ accountId: c.account, type: 'AWS::KMS::Key', ARN: keyArn(c) }] }, 18],
    [{ source: 'kms.amazonaws.com', name: 'GenerateDataKey', readOnly: true, params: (c) => ({ keyId: `alias/${c.random.pick(['app-data', 's3-default'])}`, keySpec: 'AES_256' }), resources: (c) => [{ accountId: c.account, type: 'AWS::KMS::Key', ARN: keyArn(c) }] }, 8],
    [{ source: 'sts.amazonaws.com', name: 'AssumeRole', readOnly: true, params: (c) => ({ roleArn: `arn:aws:iam::${c.account}:role/${c.random.pick(['cross-account-reader', 'deploy-target'])}`, roleSessionName: `botocore-session-${c.random.int(1e10)}`, durationSeconds: 3600 }), response: (c) => ({ credentials: { accessKeyId: `ASIA${c.random.upper(16)}`, sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ', expiration: 'Nov 2, 2026, 1:00:00 PM' }, assumedRoleUser: { assumedRoleId: `AROA${c.random.upper(17)}:session`, arn: `arn:aws:sts::${c.account}:assumed-role/deploy-target/session` } }) }, 8],
    [{ source: 'sts.amazonaws.com', name: 'GetCallerIdentity', readOnly: true, params: () => null }, 4],
    [{ source: 'dynamodb.amazonaws.com', name: 'DescribeTable', readOnly: true, params: (c) => ({ tableName: table(c) }), resources: (c) => [{ accountId: c.account, type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:${c.region}:${c.account}:table/${table(c)}` }] }, 6],
    [{ source: 'secretsmanager.amazonaws.com', name: 'GetSecretValue', readOnly: true, params: (c) => ({ secretId: `arn:aws:secretsmanager:${c.region}:${c.account}:secret:prod/${c.random.pick(['db', 'stripe', 'sendgrid'])}-${c.random.upper(6)}` }) }, 5],
    [{ source: 'ssm.amazonaws.com', name: 'GetParameter', readOnly: true, params: (c) => ({ name: `/app/${c.random.pick(['feature-flags', 'db-host', 'queue-url'])}`, withDecryption: true }) }, 5],
    [{ source: 'sqs.amazonaws.com', name: 'GetQueueAttributes', readOnly: true, params: (c) => ({ queueUrl: `https://sqs.${c.region}.amazonaws.com/${c.account}/orders-events`, attributeNames: ['All'] }) }, 3],
    [{ source: 'logs.amazonaws.com', name: 'CreateLogStream', readOnly: false, params: (c) => ({ logGroupName: `/ecs/${fn(c)}`, logStreamName: `ecs/app/${c.random.hex(32)}` }) }, 4],
    [{ source: 'ecr.amazonaws.com', name: 'GetAuthorizationToken', readOnly: true, params: () => ({ registryIds: [] }) }, 2],
    [{ source: 'lambda.amazonaws.com', name: 'Invoke', readOnly: false, params: (c) => ({ functionName: `arn:aws:lambda:${c.region}:${c.account}:function:${fn(c)}`, invocationType: 'Event' }) }, 2],
    [s3('GetBucketLocation', true), 3],
  ],
  human: [
    [{ source: 'ec2.amazonaws.com', name: 'DescribeInstances', readOnly: true, params: (c) => ({ instancesSet: { items: [{ instanceId: instance(c) }] }, filterSet: {} }) }, 8],
    [{ source: 'ec2.amazonaws.com', name: 'DescribeSecurityGroups', readOnly: true, params: () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }) }, 4],
    [{ source: 'iam.amazonaws.com', name: 'ListRoles', readOnly: true, params: () => ({ maxItems: 1000 }) }, 3],
    [{ source: 'iam.amazonaws.com', name: 'GetRole', readOnly: true, params: (c) => ({ roleName: c.random.pick(['web-api', 'orders-worker', 'deploy-target']) }) }, 3],
    [{ source: 'logs.amazonaws.com', name: 'FilterLogEvents', readOnly: true, params: (c) => ({ logGroupName: `/aws/lambda/${fn(c)}`, startTime: 1793600000000, filterPattern: 'ERROR', interleaved: true }) }, 5],
    [{ source: 'cloudwatch.amazonaws.com', name: 'GetMetricData', readOnly: true, params: () => ({ startTime: 'Nov 2, 2026, 9:00:00 AM', endTime: 'Nov 2, 2026, 10:00:00 AM', maxDatapoints: 1440 }) }, 5],
    [{ source: 'signin.amazonaws.com', name: 'ConsoleLogin', readOnly: false, params: () => null, response: () => ({ ConsoleLogin: 'Success' }) }, 1],
    [{ source: 'cloudformation.amazonaws.com', name: 'DescribeStacks', readOnly: true, params: (c) => ({ stackName: `${fn(c)}-stack` }) }, 3],
    [{ source: 'rds.amazonaws.com', name: 'DescribeDBInstances', readOnly: true, params: () => ({ maxRecords: 100 }) }, 2],
    [s3('ListBuckets', true), 3],
    [{ source: 'health.amazonaws.com', name: 'DescribeEventAggregates', readOnly: true, params: () => ({ aggregateField: 'eventTypeCategory', filter: { eventStatusCodes: ['open', 'upcoming'] } }) }, 2],
  ],
  ci: [
    [{ source: 'cloudformation.amazonaws.com', name: 'DescribeStackEvents', readOnly: true, params: (c) => ({ stackName: `${fn(c)}-stack` }) }, 4],
    [{ source: 'ecs.amazonaws.com', name: 'UpdateService', readOnly: false, params: (c) => ({ cluster: 'prod', service: c.random.pick(['web-api', 'orders-worker']), forceNewDeployment: true }) }, 1],
    [{ source: 'ecr.amazonaws.com', name: 'BatchGetImage', readOnly: true, params: (c) => ({ repositoryName: c.random.pick(['web-api', 'orders-worker']), imageIds: [{ imageTag: `sha-${c.random.hex(7)}` }] }) }, 3],
    [{ source: 'sts.amazonaws.com', name: 'GetCallerIdentity', readOnly: true, params: () => null }, 3],
    [s3('PutBucketTagging', false), 1],
    [{ source: 'iam.amazonaws.com', name: 'GetPolicyVersion', readOnly: true, params: (c) => ({ policyArn: `arn:aws:iam::${c.account}:policy/deploy-policy`, versionId: `v${c.random.int(9) + 1}` }) }, 2],
  ],
  service: [
    [{ source: 'sts.amazonaws.com', name: 'AssumeRole', readOnly: true, params: (c) => ({ roleArn: `arn:aws:iam::${c.account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, roleSessionName: 'AWSConfig-Describe' }), response: (c) => ({ credentials: { accessKeyId: `ASIA${c.random.upper(16)}`, expiration: 'Nov 2, 2026, 1:00:00 PM' } }) }, 6],
    [{ source: 'config.amazonaws.com', name: 'PutEvaluations', readOnly: false, params: () => ({ evaluations: [{ complianceResourceType: 'AWS::EC2::SecurityGroup', complianceType: 'COMPLIANT' }] }) }, 2],
    [{ source: 'ec2.amazonaws.com', name: 'DescribeNetworkInterfaces', readOnly: true, params: () => ({ networkInterfaceIdSet: {}, filterSet: {} }) }, 3],
    [{ source: 'kms.amazonaws.com', name: 'Decrypt', readOnly: true, params: () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }), resources: (c) => [{ accountId: c.account, type: 'AWS::KMS::Key', ARN: keyArn(c) }] }, 4],
    [{ source: 'guardduty.amazonaws.com', name: 'GetFindings', readOnly: true, params: () => ({ detectorId: 'c2b8f0a3d1e4', findingIds: [] }) }, 1],
  ],
};

/** The background call tables, one per actor kind. */
export const backgroundCalls: Readonly<Record<ActorKind, Weighted<Call>>> = {
  app: new Weighted(CALLS.app),
  human: new Weighted(CALLS.human),
  ci: new Weighted(CALLS.ci),
  service: new Weighted(CALLS.service),
};

/** How often each kind of actor calls. */
export const actorKinds = new Weighted<ActorKind>([
  ['app', 60],
  ['service', 14],
  ['human', 16],
  ['ci', 10],
]);

/** Errors background calls sometimes end with (never on Bedrock: those are drawn separately). */
export const backgroundErrors: readonly { readonly code: string; readonly message: string }[] = [
  { code: 'AccessDenied', message: 'User is not authorized to perform this operation because no identity-based policy allows it' },
  { code: 'ThrottlingException', message: 'Rate exceeded' },
  { code: 'ResourceNotFoundException', message: 'Requested resource not found' },
];
