import { BEDROCK, MODELS } from '../generate/bedrock-traffic.ts';
import { Random } from '../generate/random.ts';
import { buildRecord } from '../generate/record.ts';
import { ACCOUNTS, assumedRole, type Actor, type Json } from '../generate/world.ts';

/** The latency runs' steady traffic: events per second, the Bedrock share, and rule B triggers per second. */
export const TRAFFIC = { eventsPerSecond: 2000, bedrockShare: 0.01, triggersPerSecond: 1 } as const;

/**
 * Live CloudTrail traffic stamped with the time it is made: background calls
 * (S3, KMS, STS, EC2 by application roles), 1% Bedrock invocations, and on
 * each second's first batch one `DeleteModelInvocationLoggingConfiguration` —
 * a rule B finding, whose `eventID` the caller times from write to finding.
 */
export class LatencyTraffic {
  readonly #random = new Random(20261205);
  readonly #apps: Actor[];
  readonly #scientist: Actor;
  #lastTriggerSecond = -1;

  constructor(epoch: number) {
    const random = this.#random;
    this.#apps = Array.from({ length: 20 }, (_, i) => assumedRole(random, 'app', ACCOUNTS.prod, `svc-${i}`, `task-${random.hex(8)}`, `10.0.${i}.${random.int(256)}`, 'aws-sdk-java/2.25.0', epoch));
    this.#scientist = assumedRole(random, 'human', ACCOUNTS.ml, 'DataScientist', 'mallory', '203.0.113.7', 'aws-cli/2.15.30 ua/2.0 os/linux#6.1', epoch);
  }

  /** `count` records at `now`; `trigger` is the eventID of the rule B record among them, if this batch carries one. */
  batch(now: number, count: number): { records: Json[]; trigger?: string } {
    const random = this.#random;
    const region = 'us-east-1';
    const records: Json[] = [];
    let trigger: string | undefined;
    const second = Math.floor(now / 1000);
    if (second !== this.#lastTriggerSecond) {
      this.#lastTriggerSecond = second;
      trigger = random.uuid();
      records.push(buildRecord(random, this.#scientist, { time: now, region, source: BEDROCK, name: 'DeleteModelInvocationLoggingConfiguration', readOnly: false, eventId: trigger }));
    }
    while (records.length < count) {
      const actor = random.pick(this.#apps);
      if (random.chance(TRAFFIC.bedrockShare)) {
        records.push(buildRecord(random, actor, { time: now, region, source: BEDROCK, name: 'InvokeModel', readOnly: true, params: { modelId: random.pick(MODELS) } }));
      } else {
        const [source, name] = random.pick(BACKGROUND);
        records.push(buildRecord(random, actor, { time: now, region, source, name, readOnly: name.startsWith('Get') || name.startsWith('Describe') }));
      }
    }
    return trigger === undefined ? { records } : { records, trigger };
  }
}

const BACKGROUND: readonly (readonly [string, string])[] = [
  ['s3.amazonaws.com', 'GetObject'],
  ['kms.amazonaws.com', 'Decrypt'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['dynamodb.amazonaws.com', 'GetItem'],
];
