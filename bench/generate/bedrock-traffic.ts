import { Random, Weighted } from './random.ts';
import { buildRecord } from './record.ts';
import { awsService, type Actor, type Json, type Partition, type World } from './world.ts';

export const BEDROCK = 'bedrock.amazonaws.com';
export const MODELS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
  'amazon.titan-embed-text-v2:0',
  'meta.llama3-1-70b-instruct-v1:0',
];

const ROLE_CALLS = new Weighted<string>([
  ['InvokeModel', 45], ['Converse', 20], ['InvokeModelWithResponseStream', 12], ['ConverseStream', 6], ['ApplyGuardrail', 4],
  ['ListFoundationModels', 5], ['GetFoundationModel', 3], ['ListInferenceProfiles', 2], ['ListCustomModels', 1],
]);
const KEY_USER_CALLS = new Weighted<string>([['InvokeModel', 60], ['Converse', 40]]);
const HUMAN_CALLS = new Weighted<string>([
  ['ListFoundationModels', 25], ['GetFoundationModel', 15], ['InvokeModel', 25], ['Converse', 20], ['ListInferenceProfiles', 5],
]);
// A posture scanner reads the logging configuration and lists models, and never invokes one.
const AUDITOR_CALLS = new Weighted<string>([['GetModelInvocationLoggingConfiguration', 40], ['ListFoundationModels', 30], ['ListInferenceProfiles', 20], ['ListGuardrails', 10]]);
const INVOCATIONS = new Set(['InvokeModel', 'Converse', 'InvokeModelWithResponseStream', 'ConverseStream']);
const READ_ONLY = /^(Get|List)/;
const HOUR = 3_600_000;
// Rule C fires at more than 9 refusals per group and hour: benign traffic stays well below.
const MAX_BENIGN_REFUSALS_PER_HOUR = 5;
// The burst rule fires at more than 500 invocations of one model by one principal in any hour; a sliding
// hour overlaps two clock hours, so 240 per clock hour keeps benign traffic below it at any Bedrock share.
const MAX_BENIGN_INVOCATIONS_PER_MODEL_AND_HOUR = 240;

/**
 * Benign Bedrock traffic: applications' roles (temporary keys) invoking models
 * all day, an IAM user that only invokes, developers exploring the console,
 * sometimes refused, and a posture scanner reading the logging configuration.
 * None of it may fire a rule: long-term keys never list models or touch model
 * access, nobody changes logging or guardrails, whoever invokes never reads
 * the logging configuration (so no key reaches three kill-chain stages),
 * nobody invokes from three regions, refusals are capped per rule-C group and
 * invocations per principal, model and hour.
 */
export class BedrockTraffic {
  readonly #random: Random;
  readonly #world: World;
  readonly #refusals = new Map<string, number[]>();
  readonly #invocations = new Map<string, number>();

  constructor(random: Random, world: World) {
    this.#random = random;
    this.#world = world;
  }

  /** One benign Bedrock record at `time` in `partition`. */
  record(partition: Partition, time: number): Json {
    const random = this.#random;
    const actors = this.#world.bedrockActors.get(partition.account)!;
    const roll = random.next();
    const auditor = roll >= 0.68 && roll < 0.7;
    const actor = auditor ? this.#world.bedrockAuditors.get(partition.account)! : roll < 0.7 ? actors[random.int(3)]! : roll < 0.8 ? actors[3]! : actors[4 + random.int(actors.length - 4)]!;
    let name = (auditor ? AUDITOR_CALLS : actor.kind === 'human' ? HUMAN_CALLS : actor.kind === 'ci' ? KEY_USER_CALLS : ROLE_CALLS).pick(random);
    const refused = actor.kind === 'human' && name === 'ListFoundationModels' && random.chance(0.2) && this.#mayRefuse(actor, partition.region, time);
    let params = paramsOf(random, name);
    if (INVOCATIONS.has(name) && !this.#mayInvoke(actor, String(params?.['modelId']), time)) {
      name = 'GetFoundationModel';
      params = paramsOf(random, name);
    }
    return buildRecord(random, actor, {
      time,
      region: partition.region,
      source: BEDROCK,
      name,
      readOnly: READ_ONLY.test(name),
      params,
      ...(refused ? { error: refusal(name) } : {}),
    });
  }

  /** A non-Bedrock record that mentions Bedrock: the service using KMS or assuming a role for a knowledge base. */
  mention(partition: Partition, time: number): Json {
    const random = this.#random;
    const actor = awsService(partition.account, BEDROCK);
    const kms = random.chance(0.6);
    return buildRecord(random, actor, {
      time,
      region: partition.region,
      source: kms ? 'kms.amazonaws.com' : 'sts.amazonaws.com',
      name: kms ? 'Decrypt' : 'AssumeRole',
      readOnly: true,
      params: kms
        ? { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:bedrock:knowledge-base': `kb-${random.upper(10)}` } }
        : { roleArn: `arn:aws:iam::${partition.account}:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_${random.hex(5)}`, roleSessionName: `bedrock-kb-${random.hex(8)}` },
    });
  }

  #mayInvoke(actor: Actor, modelId: string, time: number): boolean {
    const key = `${String(actor.identity['arn'])}|${modelId}|${Math.floor(time / HOUR)}`;
    const count = this.#invocations.get(key) ?? 0;
    if (count >= MAX_BENIGN_INVOCATIONS_PER_MODEL_AND_HOUR) return false;
    this.#invocations.set(key, count + 1);
    return true;
  }

  #mayRefuse(actor: Actor, region: string, time: number): boolean {
    const issuer = (actor.identity['sessionContext'] as { sessionIssuer: { userName: string } }).sessionIssuer.userName;
    const key = `${actor.ip}|${issuer}|${actor.agent}|${actor.account}|${region}`;
    const times = (this.#refusals.get(key) ?? []).filter((t) => t > time - 2 * HOUR);
    if (times.length >= MAX_BENIGN_REFUSALS_PER_HOUR) return false;
    times.push(time);
    this.#refusals.set(key, times);
    return true;
  }
}

/** `requestParameters` of a Bedrock call. */
export function paramsOf(random: Random, name: string): Json | null {
  if (name === 'ListFoundationModels') return random.chance(0.5) ? { byOutputModality: 'TEXT' } : null;
  if (name === 'ListInferenceProfiles' || name === 'ListCustomModels' || name === 'ListGuardrails' || name.endsWith('LoggingConfiguration')) return null;
  if (name === 'ApplyGuardrail') return { guardrailIdentifier: random.upper(12).toLowerCase(), guardrailVersion: '1', source: 'INPUT' };
  return { modelId: random.pick(MODELS) };
}

/** The AccessDenied a caller without Bedrock rights gets. */
export function refusal(name: string): { code: string; message: string } {
  return { code: 'AccessDenied', message: `User is not authorized to perform: bedrock:${name} because no identity-based policy allows the bedrock:${name} action` };
}

/** The ValidationException a deliberately invalid invocation gets (a key checker's probe). */
export function invalid(): { code: string; message: string } {
  return { code: 'ValidationException', message: 'Malformed input request: #/max_tokens_to_sample: -1 is not greater or equal to 1, please reformat your input and try again.' };
}
