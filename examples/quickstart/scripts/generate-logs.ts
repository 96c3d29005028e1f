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
const HAIKU_PROFILE = 'us.anthropic.claude-3-haiku-20240307-v1:0';
const denied = (action: string): Json => ({
  errorCode: 'AccessDenied',
  errorMessage: `User: arn is not authorized to perform: bedrock:${action} because no identity-based policy allows the bedrock:${action} action`,
});
const invalid = (modelId: string): Json => ({
  requestParameters: { modelId },
  errorCode: 'ValidationException',
  errorMessage: 'Malformed input request: #/max_tokens_to_sample: -1 is not greater or equal to 1, please reformat your input and try again.',
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
  // The chat assistant (a role, temporary key) lists models every few minutes and answers users all the time:
  // never rule A (not a long-term key), two kill-chain stages only, 520 invocations in the hour but split
  // over two models (the burst rule counts per principal and model), and its Haiku calls go through a
  // cross-region inference profile, which runs elsewhere but stays one region (us-east-1) in awsRegion.
  const assistant = benign[1]!;
  if (minute % 6 === 0) events.push(record(assistant, at(minute, 5), 'bedrock.amazonaws.com', 'ListFoundationModels', 'us-east-1'));
  for (let k = 0; k < (minute < 40 ? 9 : 8); k++) {
    const haiku = k % 2 === 1;
    events.push(
      record(assistant, at(minute, 6 + k * 6), 'bedrock.amazonaws.com', haiku ? 'Converse' : 'InvokeModel', 'us-east-1', {
        requestParameters: { modelId: haiku ? HAIKU_PROFILE : MODEL },
        ...(haiku ? { additionalEventData: { inferenceRegion: pick(['us-east-1', 'us-east-2', 'us-west-2']) } } : {}),
      }),
    );
  }
}

// Rule A, the logging check and the kill chain: a leaked long-term key checks whether prompts are logged,
// enumerates models, then invokes one two and a half minutes later — three stages of the playbook.
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

// … and then points invocation logging at a bucket outside the organization.
events.push(
  record(scientist, at(22, 10), 'bedrock.amazonaws.com', 'PutModelInvocationLoggingConfiguration', 'us-east-1', {
    requestParameters: { loggingConfig: { s3Config: { bucketName: 'llm-logs-9f3a-external', keyPrefix: '' }, textDataDeliveryEnabled: false, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false } },
  }),
);
// Near miss for the logging rules: the administrator only reads the configuration (and never invokes).
events.push(record(admin, at(40, 30), 'bedrock.amazonaws.com', 'GetModelInvocationLoggingConfiguration', 'us-west-2'));

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

// Model access by a long-term key: a leaked ETL key checks, from a browser on a VPN, whether Claude is enabled.
const etl = iamUser(dev, 'legacy-etl', 'AKIAZ7LEGACYETL00001', '104.28.219.72', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36');
events.push(record(etl, at(25, 10), 'bedrock.amazonaws.com', 'GetFoundationModelAvailability', 'us-east-1', { requestParameters: { modelId: MODEL } }));
// Near miss (model access, kill chain): a developer enables the model in the console with an SSO session
// (temporary key) — availability, use case, agreement, entitlement — and never invokes: two stages.
for (const [i, action] of ['GetFoundationModelAvailability', 'PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement'].entries()) {
  events.push(record(developer, at(26, 5 + i * 7), 'bedrock.amazonaws.com', action, 'us-west-2', i === 1 ? {} : { requestParameters: { modelId: MODEL } }));
}

// Guardrail tampering: the ML platform role weakens the production guardrail …
const platform = role(prod, 'ml-platform', 'deploy-7f2c', '10.0.50.9', 'aws-cli/2.15.30 ua/2.0 os/linux#6.1');
events.push(record(platform, at(27, 0), 'bedrock.amazonaws.com', 'UpdateGuardrail', 'us-east-1', { requestParameters: { guardrailIdentifier: 'gr-prod-filter', name: 'prod-filter' } }));
// … near miss: the developer tries to delete it and is refused (nothing changed).
events.push(record(developer, at(45, 0), 'bedrock.amazonaws.com', 'DeleteGuardrail', 'us-west-2', { requestParameters: { guardrailIdentifier: 'gr-dev-filter' }, ...denied('DeleteGuardrail') }));

// Invocation probing: a key checker sends invalid requests to three models in 45 seconds.
const backup = iamUser(dev, 'svc-backup', 'AKIAZ7SVCBACKUP00001', '45.153.160.140', 'Python/3.11 aiohttp/3.9.5');
for (const [i, modelId] of ['anthropic.claude-v2', MODEL, 'meta.llama3-70b-instruct-v1:0'].entries()) {
  events.push(record(backup, at(47, i * 20 + (i === 2 ? 5 : 0)), 'bedrock.amazonaws.com', 'InvokeModel', 'us-east-1', invalid(modelId)));
}
// Near miss: the build agent gets two models' request formats wrong (two models, not three).
events.push(record(build, at(52, 0), 'bedrock.amazonaws.com', 'InvokeModel', 'us-west-2', invalid('amazon.titan-text-express-v1')));
events.push(record(build, at(52, 30), 'bedrock.amazonaws.com', 'InvokeModel', 'us-west-2', invalid('meta.llama3-70b-instruct-v1:0')));

// Multi-region invocation: a leaked translation key runs Claude in us-east-1, us-west-2 and eu-west-1.
const translate = iamUser(prod, 'svc-translate', 'AKIAQ3EGRKWX5TRANS01', '198.44.136.222', 'axios/1.6.1');
for (const [minute, region] of [[5, 'us-east-1'], [18, 'us-west-2'], [19, 'us-east-1'], [36, 'eu-west-1']] as const) {
  events.push(record(translate, at(minute, 44), 'bedrock.amazonaws.com', 'InvokeModelWithResponseStream', region, { requestParameters: { modelId: MODEL } }));
}

// Invocation burst: a reverse proxy resells a leaked key's access, 510 Claude calls in 45 minutes.
const summarizer = iamUser(prod, 'svc-summarizer', 'AKIAQ3EGRKWX5SUMM001', '45.153.160.2', 'Python/3.11 aiohttp/3.9.5');
for (let i = 0; i < 510; i++) {
  const proxy = { ...summarizer, ip: `45.153.160.${(i % 8) + 2}` };
  events.push(record(proxy, DAY + 10 * MIN + Math.floor(i * 5.3) * 1000, 'bedrock.amazonaws.com', 'InvokeModelWithResponseStream', 'us-east-1', { requestParameters: { modelId: MODEL } }));
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
