/**
 * Writes examples/quickstart/logs/: CloudTrail delivery files in the layout a
 * trail writes to S3 (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/…json.gz),
 * holding benign activity and one true positive per Bedrock rule, plus near
 * misses that must stay silent. Deterministic: the same files every run.
 *
 *   npm run jackwatch -- run   # after: node examples/quickstart/scripts/generate-logs.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

type Json = Record<string, unknown>;
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'logs');
const DAY = Date.UTC(2026, 10, 20, 9, 0, 0);
const MIN = 60_000;
const ACCOUNTS = ['111122223333', '444455556666'] as const;

let seed = 20261120;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Actor {
  identity: Json;
  ip: string;
  agent: string;
}

const iamUser = (account: string, name: string, key: string, ip: string, agent: string): Actor => ({
  identity: { type: 'IAMUser', principalId: `AIDA${hex(16).toUpperCase()}`, arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, accessKeyId: key, userName: name },
  ip,
  agent,
});
const role = (account: string, roleName: string, session: string, ip: string, agent: string): Actor => {
  const roleId = `AROA${hex(16).toUpperCase()}`;
  return {
    identity: {
      type: 'AssumedRole',
      principalId: `${roleId}:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
      accountId: account,
      accessKeyId: `ASIA${hex(16).toUpperCase()}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${roleName}`, accountId: account, userName: roleName },
        attributes: { creationDate: iso(DAY - 30 * MIN), mfaAuthenticated: 'false' },
      },
    },
    ip,
    agent,
  };
};

function record(actor: Actor, t: number, source: string, name: string, region: string, extra: Json = {}): Json {
  const account = String(actor.identity.accountId);
  const runtime = ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'].includes(name);
  return {
    eventVersion: '1.09',
    userIdentity: actor.identity,
    eventTime: iso(t),
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: actor.ip,
    userAgent: actor.agent,
    requestParameters: null,
    responseElements: null,
    requestID: uuid(),
    eventID: uuid(),
    readOnly: /^(Get|List|Describe|Invoke|Converse)/.test(name),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${runtime ? 'bedrock-runtime' : source.split('.')[0]}.${region}.amazonaws.com`,
    },
    ...extra,
  };
}

const events: Json[] = [];
const at = (minute: number, second = 0): number => DAY + minute * MIN + second * 1000;
const MODEL = 'anthropic.claude-3-sonnet-20240229-v1:0';
const denied = (action: string): Json => ({
  errorCode: 'AccessDenied',
  errorMessage: `User: arn is not authorized to perform: bedrock:${action} because no identity-based policy allows the bedrock:${action} action`,
});

// Benign background: applications, people and AWS services going about their day.
const [prod, dev] = ACCOUNTS;
const benign: Actor[] = [
  role(prod, 'web-app', 'i-0a12b34c56d78e90f', '10.0.12.7', 'aws-sdk-java/2.25.11 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9'),
  role(prod, 'chat-assistant', 'chat-assistant-task', '10.0.40.3', 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10 lang/python#3.12.2'),
  role(dev, 'AWSReservedSSO_Developer_5c2a9d', 'priya@example.com', '192.0.2.44', 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0'),
  iamUser(dev, 'build-agent', 'AKIAIOSFODNN7BUILD01', '198.51.100.7', 'aws-cli/2.15.30 ua/2.0 os/linux#6.1'),
];
const calls: [string, string][] = [
  ['s3.amazonaws.com', 'GetBucketLocation'], ['ec2.amazonaws.com', 'DescribeInstances'], ['sts.amazonaws.com', 'GetCallerIdentity'],
  ['kms.amazonaws.com', 'Decrypt'], ['logs.amazonaws.com', 'DescribeLogGroups'], ['iam.amazonaws.com', 'ListRoles'],
  ['dynamodb.amazonaws.com', 'DescribeTable'], ['lambda.amazonaws.com', 'ListFunctions20150331'], ['ssm.amazonaws.com', 'GetParameter'],
];
for (let minute = 0; minute < 60; minute++) {
  for (let n = 0; n < 5; n++) {
    const actor = pick(benign);
    const [source, name] = pick(calls);
    events.push(record(actor, at(minute, Math.floor(random() * 60)), source, name, pick(['us-east-1', 'us-west-2'])));
  }
  // The chat assistant (a role, temporary key) lists models and invokes them all day: never rule A.
  if (minute % 6 === 0) {
    const assistant = benign[1]!;
    events.push(record(assistant, at(minute, 5), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-east-1'));
    events.push(record(assistant, at(minute, 9), 'bedrock.amazonaws.com', 'InvokeModel', 'us-east-1', { requestParameters: { modelId: MODEL } }));
  }
}

// Rule A: a leaked long-term key enumerates models, then invokes one two and a half minutes later.
const leaked = iamUser(prod, 'svc-reporting', 'AKIAQ3EGRKWX5LEAKED1', '185.220.101.47', 'python-requests/2.31.0');
events.push(record(leaked, at(12, 11), 'bedrock.amazonaws.com', 'GetModelInvocationLoggingConfiguration', 'us-east-1'));
events.push(record(leaked, at(12, 14), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-east-1'));
events.push(record(leaked, at(14, 40), 'bedrock.amazonaws.com', 'InvokeModel', 'us-east-1', { requestParameters: { modelId: MODEL } }));
for (let i = 0; i < 6; i++) {
  events.push(record(leaked, at(15 + i, 3), 'bedrock.amazonaws.com', 'InvokeModelWithResponseStream', 'us-east-1', { requestParameters: { modelId: MODEL } }));
}
// Near miss for rule A: the build agent's long-term key enumerates, but invokes only 20 minutes later.
const build = benign[3]!;
events.push(record(build, at(30, 0), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-west-2'));
events.push(record(build, at(50, 1), 'bedrock.amazonaws.com', 'InvokeModel', 'us-west-2', { requestParameters: { modelId: 'amazon.titan-text-express-v1' } }));

// Rule B: a data scientist's role deletes model invocation logging (not an admin: both B rules fire) …
const scientist = role(prod, 'DataScientist', 'mallory', '203.0.113.88', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36');
events.push(record(scientist, at(21, 30), 'bedrock.amazonaws.com', 'DeleteModelInvocationLoggingConfiguration', 'us-east-1'));
// … and an administrator tries the same in the dev account and is denied (only the high rule fires).
const admin = role(dev, 'OrgAdmin', 'alice', '192.0.2.10', 'aws-cli/2.15.30 ua/2.0 os/linux#6.1');
events.push(record(admin, at(40, 2), 'bedrock.amazonaws.com', 'DeleteModelInvocationLoggingConfiguration', 'us-west-2', denied('DeleteModelInvocationLoggingConfiguration')));

// Rule C: a stolen key without Bedrock rights probes ListFoundationModels 12 times in 11 minutes.
const prober = iamUser(dev, 'ci-deployer', 'AKIAZ7PROBE000000001', '45.153.160.2', 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
for (let i = 0; i < 12; i++) {
  events.push(record(prober, at(33 + i, 17), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-west-2', denied('ListFoundationModels')));
}
// Near miss for rule C: a developer gets 4 denials while setting up access.
const developer = benign[2]!;
for (let i = 0; i < 4; i++) {
  events.push(record(developer, at(8 + i * 3, 2), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-west-2', denied('ListFoundationModels')));
}

// Deliver like CloudTrail: one file per account, region and 5-minute interval.
rmSync(out, { recursive: true, force: true });
const files = new Map<string, Json[]>();
for (const e of events) {
  const account = String(e.recipientAccountId);
  const region = String(e.awsRegion);
  const slot = Math.floor(Date.parse(String(e.eventTime)) / (5 * MIN)) * 5 * MIN + 5 * MIN;
  const key = `${account}|${region}|${slot}`;
  files.set(key, [...(files.get(key) ?? []), e]);
}
for (const [key, records] of files) {
  const [account, region, slot] = key.split('|') as [string, string, string];
  const stamp = iso(Number(slot)).replace(/[-:]/g, '').replace(/00Z$/, 'Z');
  const day = iso(Number(slot)).slice(0, 10).replace(/-/g, '/');
  const path = join(out, 'AWSLogs', account, 'CloudTrail', region, day, `${account}_CloudTrail_${region}_${stamp}_${hex(16)}.json.gz`);
  mkdirSync(dirname(path), { recursive: true });
  records.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
  writeFileSync(path, gzipSync(JSON.stringify({ Records: records })));
}
process.stdout.write(`wrote ${events.length} records in ${files.size} delivery files under ${out}\n`);
