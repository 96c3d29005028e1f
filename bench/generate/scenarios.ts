import { BEDROCK, invalid, MODELS, refusal } from './bedrock-traffic.ts';
import type { Random } from './random.ts';
import { buildRecord } from './record.ts';
import { ACCOUNTS, assumedRole, iamUser, type Actor, type Json } from './world.ts';

/** A finding the agent must produce: the detector and the `eventID` that anchors it. */
export interface ExpectedFinding {
  readonly detector: string;
  readonly anchorEventId: string;
  readonly scenario: string;
  /**
   * Other anchors that are as right. Rule C is exact on time-ordered input
   * only: when a later refusal arrives before an earlier one (CloudTrail splits
   * a busy interval into files whose names do not sort by time), it fires once
   * on the group all the same, anchored on whichever refusal made the count.
   */
  readonly alternatives?: readonly string[];
}

/** Injected records and the findings they must (and must not) cause. */
export interface Scenarios {
  readonly records: Json[];
  readonly expected: ExpectedFinding[];
}

const ENUM_THEN_INVOKE = 'aws-bedrock-enum-then-invoke-long-term-key';
const LOGGING_DELETION = 'aws-bedrock-logging-deletion';
const NON_ADMIN_DELETION = 'aws-bedrock-logging-deletion-non-admin';
const LIST_FAILURES = 'aws-bedrock-list-models-failures';
const MODEL_ACCESS = 'aws-bedrock-model-access-long-term-key';
const LOGGING_RECONFIGURED = 'aws-bedrock-logging-reconfigured';
const GUARDRAIL_TAMPERING = 'aws-bedrock-guardrail-tampering';
const LOGGING_CHECK = 'aws-bedrock-logging-check-then-invoke';
const INVOCATION_PROBING = 'aws-bedrock-invocation-probing';
const MULTI_REGION = 'aws-bedrock-multi-region-invocation';
const INVOCATION_BURST = 'aws-bedrock-invocation-burst';
const KILL_CHAIN = 'aws-bedrock-llmjacking-kill-chain';
const S = 1000;
const MIN = 60 * S;

/** How long one set of scenarios lasts, from its start: the latest record is at +~33 minutes. */
export const SCENARIO_SPAN = 40 * MIN;

/** Findings one set of scenarios must produce. */
export const FINDINGS_PER_SET = 13;

/**
 * `count` sets of attack scenarios, evenly spread from `start` over `span`
 * ms, each with fresh identities so sets never interact. One set holds
 * {@link FINDINGS_PER_SET} findings — every Bedrock rule once, rule B's high
 * variant twice — and near misses that must stay silent at each rule's
 * boundary.
 */
export function injectScenarios(random: Random, start: number, span: number, count: number): Scenarios {
  const out: Scenarios = { records: [], expected: [] };
  const room = Math.max(0, span - SCENARIO_SPAN);
  for (let k = 0; k < count; k++) {
    const t = start + Math.floor(((k + 0.5) * room) / count);
    scenarioSet(random, k, t, out);
  }
  return out;
}

function scenarioSet(random: Random, k: number, t: number, out: Scenarios): void {
  const region = k % 2 === 0 ? 'us-east-1' : 'us-west-2';
  const add = (actor: Actor, time: number, name: string, extra: { error?: { code: string; message: string }; params?: Json | null; region?: string } = {}): string => {
    const eventId = random.uuid();
    out.records.push(buildRecord(random, actor, { time, region: extra.region ?? region, source: BEDROCK, name, readOnly: /^(Get|List|Invoke|Converse)/.test(name), eventId, params: extra.params ?? (name.startsWith('Invoke') || name.startsWith('Converse') ? { modelId: MODELS[0] } : null), ...(extra.error ? { error: extra.error } : {}) }));
    return eventId;
  };
  const tor = `185.220.101.${(k % 250) + 1}`;

  // Rule A, the logging check and the kill chain: a leaked long-term key checks logging, lists the models,
  // then invokes 2.5 minutes later and keeps invoking. The kill chain fires at the first invocation to
  // arrive once the check and the listing are in (any of the six when a later file arrives first).
  const leaked = iamUser(random, 'ci', ACCOUNTS.prod, `svc-legacy-${k}`, `AKIA${random.upper(16)}`, tor, 'python-requests/2.31.0');
  const check = add(leaked, t, 'GetModelInvocationLoggingConfiguration');
  const enumeration = add(leaked, t + 3 * S, 'ListFoundationModels');
  const invocations = Array.from({ length: 6 }, (_, i) => add(leaked, t + 150 * S + i * MIN, i === 0 ? 'InvokeModel' : 'InvokeModelWithResponseStream'));
  out.expected.push({ detector: ENUM_THEN_INVOKE, anchorEventId: enumeration, scenario: `A#${k} leaked key enumerates then invokes` });
  out.expected.push({ detector: LOGGING_CHECK, anchorEventId: check, scenario: `logging-check#${k} leaked key checks logging then invokes` });
  out.expected.push({ detector: KILL_CHAIN, anchorEventId: invocations[0]!, alternatives: invocations.slice(1), scenario: `kill-chain#${k} leaked key: logging check, discovery, invocation` });
  // Near miss (logging check, kill chain): a key refused the logging check invokes a minute later — two stages.
  const curious = iamUser(random, 'ci', ACCOUNTS.ml, `report-bot-${k}`, `AKIA${random.upper(16)}`, `198.51.100.${(k % 250) + 1}`, 'aws-cli/2.15.30 ua/2.0 os/linux#6.1');
  add(curious, t + 400 * S, 'GetModelInvocationLoggingConfiguration', { error: refusal('GetModelInvocationLoggingConfiguration') });
  add(curious, t + 460 * S, 'Converse');

  // Near miss A: another long-term key invokes 20 minutes after listing (outside the 15-minute span).
  const slow = iamUser(random, 'ci', ACCOUNTS.ml, `notebook-runner-${k}`, `AKIA${random.upper(16)}`, `198.51.100.${(k % 250) + 1}`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
  add(slow, t + 200 * S, 'ListFoundationModels');
  add(slow, t + 200 * S + 20 * MIN, 'InvokeModel');

  // Rule B: a data scientist (not an admin) deletes invocation logging: both variants fire …
  const scientist = assumedRole(random, 'human', ACCOUNTS.ml, 'DataScientist', `mallory-${k}`, `203.0.113.${(k % 250) + 1}`, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36', t - 3_600_000);
  const deletion = add(scientist, t + 60 * S, 'DeleteModelInvocationLoggingConfiguration');
  out.expected.push({ detector: LOGGING_DELETION, anchorEventId: deletion, scenario: `B#${k} non-admin deletes logging` });
  out.expected.push({ detector: NON_ADMIN_DELETION, anchorEventId: deletion, scenario: `B#${k} non-admin deletes logging` });
  // … and an administrator is refused the same: only the high variant fires.
  const admin = assumedRole(random, 'human', ACCOUNTS.dev, 'OrgAdmin', `alice-${k}`, `192.0.2.${(k % 250) + 1}`, 'aws-cli/2.15.30 ua/2.0 os/linux#6.1', t - 3_600_000);
  const refused = add(admin, t + 90 * S, 'DeleteModelInvocationLoggingConfiguration', { error: refusal('DeleteModelInvocationLoggingConfiguration') });
  out.expected.push({ detector: LOGGING_DELETION, anchorEventId: refused, scenario: `B#${k} admin refused` });
  // The data scientist then points invocation logging at an outside bucket; the admin only reads it (silent).
  const redirect = add(scientist, t + 75 * S, 'PutModelInvocationLoggingConfiguration', { params: { loggingConfig: { s3Config: { bucketName: `llm-logs-${k}-external` }, textDataDeliveryEnabled: false } } });
  out.expected.push({ detector: LOGGING_RECONFIGURED, anchorEventId: redirect, scenario: `logging-reconfigured#${k} logging redirected` });
  add(admin, t + 95 * S, 'GetModelInvocationLoggingConfiguration');

  // Guardrail tampering: an ML platform role weakens a guardrail; a refused deletion (nothing changed) stays silent.
  const platform = assumedRole(random, 'app', ACCOUNTS.ml, 'ml-platform', `deploy-${k}`, `10.60.${k % 250}.9`, 'aws-cli/2.15.30 ua/2.0 os/linux#6.1', t - 3_600_000);
  const update = add(platform, t + 500 * S, 'UpdateGuardrail', { params: { guardrailIdentifier: `gr-prod-${k}` } });
  out.expected.push({ detector: GUARDRAIL_TAMPERING, anchorEventId: update, scenario: `guardrail#${k} guardrail updated` });
  add(admin, t + 520 * S, 'DeleteGuardrail', { params: { guardrailIdentifier: `gr-prod-${k}` }, error: refusal('DeleteGuardrail') });

  // Model access by a long-term key: a leaked ETL key checks from a browser whether a model is enabled …
  const etl = iamUser(random, 'ci', ACCOUNTS.dev, `legacy-etl-${k}`, `AKIA${random.upper(16)}`, `104.28.${k % 250}.72`, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36');
  const availability = add(etl, t + 540 * S, 'GetFoundationModelAvailability', { params: { modelId: MODELS[0] } });
  out.expected.push({ detector: MODEL_ACCESS, anchorEventId: availability, scenario: `model-access#${k} long-term key checks model access` });
  // … near miss: a person enables a model in the console with an SSO session (temporary key; two kill-chain stages).
  const onboarding = assumedRole(random, 'human', ACCOUNTS.dev, 'AWSReservedSSO_Developer_7a1e', `onboarding-${k}@example.com`, `203.0.113.${(k % 250) + 1}`, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/124.0 Safari/537.36', t - 3_600_000);
  for (const [i, name] of ['GetFoundationModelAvailability', 'PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement'].entries()) {
    add(onboarding, t + 560 * S + i * 5 * S, name, { params: { modelId: MODELS[0] } });
  }

  // Invocation probing: a key checker's invalid requests to three models in 40 seconds; the third fires.
  const checker = iamUser(random, 'ci', ACCOUNTS.dev, `svc-backup-${k}`, `AKIA${random.upper(16)}`, `45.153.161.${(k % 250) + 1}`, 'Python/3.11 aiohttp/3.9.5');
  const invalidCalls = [0, 1, 4].map((m, i) => add(checker, t + 600 * S + i * 20 * S, 'InvokeModel', { params: { modelId: MODELS[m] }, error: invalid() }));
  out.expected.push({ detector: INVOCATION_PROBING, anchorEventId: invalidCalls[2]!, scenario: `probing#${k} key checker probes three models` });
  // Near miss: another key gets two models wrong, three times each.
  const sloppy = iamUser(random, 'ci', ACCOUNTS.ml, `notebook-${k}`, `AKIA${random.upper(16)}`, `198.18.1.${(k % 250) + 1}`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
  for (let i = 0; i < 6; i++) add(sloppy, t + 620 * S + i * 30 * S, 'InvokeModel', { params: { modelId: MODELS[i % 2] }, error: invalid() });

  // Multi-region: a leaked key invokes in three regions within 20 minutes; the third region fires …
  const spread = iamUser(random, 'ci', ACCOUNTS.prod, `svc-translate-${k}`, `AKIA${random.upper(16)}`, `198.44.136.${(k % 250) + 1}`, 'axios/1.6.1');
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1'].map((r, i) => add(spread, t + 700 * S + i * 10 * MIN, 'InvokeModelWithResponseStream', { region: r }));
  out.expected.push({ detector: MULTI_REGION, anchorEventId: regions[2]!, scenario: `multi-region#${k} key invokes in three regions` });
  // … near miss: an application calls an inference profile from one region (the model runs elsewhere) and fails over once.
  const failover = assumedRole(random, 'app', ACCOUNTS.ml, 'rag-api-failover', `task-${k}`, `10.21.${k % 250}.4`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4', t - 3_600_000);
  for (const [i, r] of ['us-east-1', 'us-east-1', 'us-west-2'].entries()) add(failover, t + 710 * S + i * MIN, 'Converse', { region: r, params: { modelId: MODELS[2] } });

  // Invocation burst: a proxy runs one model 501 times in 25 minutes through one leaked key; the 501st fires …
  const proxy = iamUser(random, 'ci', ACCOUNTS.prod, `svc-summarizer-${k}`, `AKIA${random.upper(16)}`, `45.153.162.${(k % 250) + 1}`, 'Python/3.11 aiohttp/3.9.5');
  const burst = Array.from({ length: 501 }, (_, i) => add(proxy, t + 60 * S + i * 3 * S, 'InvokeModelWithResponseStream', { params: { modelId: MODELS[1] } }));
  out.expected.push({ detector: INVOCATION_BURST, anchorEventId: burst[500]!, scenario: `burst#${k} 501 invocations of one model` });
  // … near miss: exactly 500 invocations of one model in 25 minutes by another key.
  const busy = iamUser(random, 'ci', ACCOUNTS.ml, `svc-embed-${k}`, `AKIA${random.upper(16)}`, `198.51.100.${(k % 250) + 1}`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
  for (let i = 0; i < 500; i++) add(busy, t + 90 * S + i * 3 * S, 'InvokeModel', { params: { modelId: MODELS[3] } });

  // Rule C: a key without Bedrock rights is refused ListFoundationModels 12 times in 11 minutes; the 10th fires.
  const prober = iamUser(random, 'ci', ACCOUNTS.dev, `ci-deployer-${k}`, `AKIA${random.upper(16)}`, `45.153.160.${(k % 250) + 1}`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
  const probes = Array.from({ length: 12 }, (_, i) => add(prober, t + 300 * S + i * 55 * S, 'ListFoundationModels', { error: refusal('ListFoundationModels') }));
  out.expected.push({ detector: LIST_FAILURES, anchorEventId: probes[9]!, alternatives: probes.slice(10), scenario: `C#${k} key probes ListFoundationModels` });
  // Near miss C: 9 refusals in 32 minutes (rule C needs more than 9).
  const developer = iamUser(random, 'ci', ACCOUNTS.dev, `dev-sandbox-${k}`, `AKIA${random.upper(16)}`, `198.18.0.${(k % 250) + 1}`, 'aws-cli/2.15.30 ua/2.0 os/linux#6.1');
  for (let i = 0; i < 9; i++) add(developer, t + 120 * S + i * 4 * MIN, 'ListFoundationModels', { error: refusal('ListFoundationModels') });
}
