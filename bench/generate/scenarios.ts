import { BEDROCK, MODELS, refusal } from './bedrock-traffic.ts';
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
const S = 1000;
const MIN = 60 * S;

/** How long one set of scenarios lasts, from its start: the latest record is at +~33 minutes. */
export const SCENARIO_SPAN = 40 * MIN;

/**
 * `count` sets of attack scenarios, evenly spread from `start` over `span`
 * ms, each with fresh identities so sets never interact. One set holds five
 * findings — rule A once, rule B high twice and medium once, rule C once — and
 * near misses that must stay silent: a long-term key invoking 20 minutes after
 * listing, and 9 refusals in half an hour.
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
  const add = (actor: Actor, time: number, name: string, extra: { error?: { code: string; message: string }; params?: Json | null } = {}): string => {
    const eventId = random.uuid();
    out.records.push(buildRecord(random, actor, { time, region, source: BEDROCK, name, readOnly: /^(Get|List|Invoke|Converse)/.test(name), eventId, params: extra.params ?? (name.startsWith('Invoke') || name.startsWith('Converse') ? { modelId: MODELS[0] } : null), ...(extra.error ? { error: extra.error } : {}) }));
    return eventId;
  };
  const tor = `185.220.101.${(k % 250) + 1}`;

  // Rule A: a leaked long-term key lists the models, then invokes 2.5 minutes later, then keeps invoking.
  const leaked = iamUser(random, 'ci', ACCOUNTS.prod, `svc-legacy-${k}`, `AKIA${random.upper(16)}`, tor, 'python-requests/2.31.0');
  add(leaked, t, 'GetModelInvocationLoggingConfiguration');
  const enumeration = add(leaked, t + 3 * S, 'ListFoundationModels');
  for (let i = 0; i < 6; i++) add(leaked, t + 150 * S + i * MIN, i === 0 ? 'InvokeModel' : 'InvokeModelWithResponseStream');
  out.expected.push({ detector: ENUM_THEN_INVOKE, anchorEventId: enumeration, scenario: `A#${k} leaked key enumerates then invokes` });

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

  // Rule C: a key without Bedrock rights is refused ListFoundationModels 12 times in 11 minutes; the 10th fires.
  const prober = iamUser(random, 'ci', ACCOUNTS.dev, `ci-deployer-${k}`, `AKIA${random.upper(16)}`, `45.153.160.${(k % 250) + 1}`, 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4');
  const probes = Array.from({ length: 12 }, (_, i) => add(prober, t + 300 * S + i * 55 * S, 'ListFoundationModels', { error: refusal('ListFoundationModels') }));
  out.expected.push({ detector: LIST_FAILURES, anchorEventId: probes[9]!, alternatives: probes.slice(10), scenario: `C#${k} key probes ListFoundationModels` });
  // Near miss C: 9 refusals in 32 minutes (rule C needs more than 9).
  const developer = iamUser(random, 'ci', ACCOUNTS.dev, `dev-sandbox-${k}`, `AKIA${random.upper(16)}`, `198.18.0.${(k % 250) + 1}`, 'aws-cli/2.15.30 ua/2.0 os/linux#6.1');
  for (let i = 0; i < 9; i++) add(developer, t + 120 * S + i * 4 * MIN, 'ListFoundationModels', { error: refusal('ListFoundationModels') });
}
