import { cloudTrailRecord, iamUser, assumedRole, awsService, seededRandom } from '@jackwatch/core/testing';
import type { CloudTrailRecord } from '@jackwatch/core';

/** A record as a trail writes it to CloudWatch Logs: the log event's timestamp is the record's event time. */
export interface TrailLogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly record: CloudTrailRecord;
}

/** Turns records into log events (one record per message, as CloudTrail writes them). */
export function asLogEvents(records: readonly CloudTrailRecord[]): TrailLogEvent[] {
  return records.map((record) => ({ timestamp: Date.parse(String(record.eventTime)), message: JSON.stringify(record), record }));
}

/**
 * Rule A's true positive: the IAM user `mallory`, with a long-term `AKIA`
 * key, lists the Bedrock foundation models (success) and invokes a model
 * (success) 2 minutes later.
 */
export function enumThenInvoke(start: number): CloudTrailRecord[] {
  const identity = iamUser({ userName: 'mallory' });
  return [
    cloudTrailRecord({ time: start, action: 'ListFoundationModels', identity, sourceIp: '203.0.113.50', userAgent: 'aws-cli/2.15.0' }),
    cloudTrailRecord({ time: start + 120_000, action: 'InvokeModel', identity, sourceIp: '203.0.113.50', userAgent: 'aws-cli/2.15.0' }),
  ];
}

const NOISE: readonly { source: string; action: string; weight: number }[] = [
  { source: 'sts.amazonaws.com', action: 'AssumeRole', weight: 22 },
  { source: 'kms.amazonaws.com', action: 'Decrypt', weight: 18 },
  { source: 'kms.amazonaws.com', action: 'GenerateDataKey', weight: 8 },
  { source: 'ec2.amazonaws.com', action: 'DescribeInstances', weight: 10 },
  { source: 'ec2.amazonaws.com', action: 'DescribeSecurityGroups', weight: 5 },
  { source: 'ssm.amazonaws.com', action: 'GetParameter', weight: 9 },
  { source: 's3.amazonaws.com', action: 'GetBucketAcl', weight: 6 },
  { source: 's3.amazonaws.com', action: 'ListBuckets', weight: 2 },
  { source: 'logs.amazonaws.com', action: 'CreateLogStream', weight: 6 },
  { source: 'iam.amazonaws.com', action: 'GetRole', weight: 3 },
  { source: 'lambda.amazonaws.com', action: 'GetFunction', weight: 3 },
  { source: 'ecr.amazonaws.com', action: 'GetAuthorizationToken', weight: 3 },
  { source: 'monitoring.amazonaws.com', action: 'GetMetricData', weight: 3 },
  // A role's model-availability check (read by the pack's discovery and model-access rules, no finding), and a
  // Bedrock call no detector looks at: CloudWatch matches the source but not the action.
  { source: 'bedrock.amazonaws.com', action: 'GetFoundationModelAvailability', weight: 0.4 },
  { source: 'bedrock.amazonaws.com', action: 'ListModelCustomizationJobs', weight: 0.2 },
  // Legitimate Bedrock use by an application role: read, but no finding (temporary ASIA key).
  { source: 'bedrock.amazonaws.com', action: 'InvokeModel', weight: 1.2 },
  { source: 'bedrock.amazonaws.com', action: 'Converse', weight: 0.2 },
];

/**
 * A realistic stretch (an hour unless `span` says otherwise) of an account's
 * management events: mostly STS, KMS, EC2, SSM and S3 calls from roles and
 * services, about 2% Bedrock (an application role invoking models, plus calls
 * no detector reads). Deterministic for a seed.
 */
export function backgroundNoise(start: number, count: number, seed = 'noise', span = 3_600_000): CloudTrailRecord[] {
  const random = seededRandom(seed);
  const total = NOISE.reduce((sum, entry) => sum + entry.weight, 0);
  const app = assumedRole({ roleName: 'checkout-service' });
  const records: CloudTrailRecord[] = [];
  for (let i = 0; i < count; i++) {
    let pick = random() * total;
    const entry = NOISE.find((candidate) => (pick -= candidate.weight) < 0) ?? NOISE[0]!;
    const identity = entry.source === 'kms.amazonaws.com' && random() < 0.5 ? awsService('s3.amazonaws.com') : app;
    const time = start + Math.floor(((i / count) * span) / 1_000) * 1_000;
    records.push(cloudTrailRecord({ time, action: entry.action, source: entry.source, identity, seed: `${seed}-${i}` }));
  }
  return records;
}

/** Rule B's case: a non-admin role deletes the Bedrock model invocation logging configuration. */
export function loggingDeletion(time: number): CloudTrailRecord[] {
  return [cloudTrailRecord({ time, action: 'DeleteModelInvocationLoggingConfiguration', identity: assumedRole({ roleName: 'DataScientist', sessionName: 'jdoe' }) })];
}

/** Rule C's case: one user fails to list the foundation models `count` times, a minute apart. */
export function listModelsFailures(start: number, count: number): CloudTrailRecord[] {
  const identity = iamUser({ userName: 'ci-deployer' });
  return Array.from({ length: count }, (_, i) =>
    cloudTrailRecord({ time: start + i * 60_000, action: 'ListFoundationModels', identity, errorCode: 'AccessDenied', sourceIp: '198.51.100.23' }),
  );
}
