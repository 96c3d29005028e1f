/**
 * Memory for N distinct live access keys (default 1,000,000): each key makes
 * one successful and one refused ListFoundationModels, so the seed rules hold
 * a pending enumeration (rule A's sequence) and a refusal group (rule C's
 * threshold) per key, and the pack's kill chain a discovery stage too; then
 * the watermark passes them all.
 *
 *   node --expose-gc --max-old-space-size=8192 bench/measure/live-keys.ts [keys] [--rules seed|pack] [--evidence full|compact|state]
 *
 * `--evidence full|compact`: every event is decoded from its own JSON record
 * while it is fed (as the file source decodes), with the detectors' evidence
 * policy set to that mode; the bench keeps nothing, so the heap afterwards
 * is the detectors' state plus the evidence it holds, and the peak RSS is
 * what an agent would need. `--evidence state`: the events are built before
 * the baseline (full evidence, not parsed from text), so the heap measures
 * the state's own structures alone.
 */
import { bedrockDetectors } from '@jackwatch/detectors';
import { createComponentContext, detectorPolicySchema, normalizeRecord, withPolicy, type Detector, type TrailEvent } from '@jackwatch/core';
import { peakRssKb, report } from '../lib/measurement.ts';

const SEED_RULES = 4;
const keys = Number(process.argv[2] ?? 1_000_000);
const option = (name: string, fallback: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const rules = option('--rules', 'pack');
const evidence = option('--evidence', 'compact');
if (!['seed', 'pack'].includes(rules) || !['full', 'compact', 'state'].includes(evidence)) throw new Error('usage: live-keys.ts [keys] [--rules seed|pack] [--evidence full|compact|state]');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const LATENESS = 15 * 60_000;
const BATCH = 1000;

const template = {
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEEXAMPLE01', arn: 'arn:aws:iam::518234907765:user/svc', accountId: '518234907765', accessKeyId: 'AKIAEXAMPLE', userName: 'svc' },
  eventTime: '2026-11-02T08:00:00Z',
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'ListFoundationModels',
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4',
  requestParameters: null,
  responseElements: null,
  requestID: '6b1e1b9e-7f3c-4a8e-9b1e-0c4e5f6a7b8c',
  eventID: '0f6c2c1e-2b3a-4d5e-8f9a-1b2c3d4e5f60',
  readOnly: true,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '518234907765',
  eventCategory: 'Management',
  tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'bedrock.us-east-1.amazonaws.com' },
};
const refusal = { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: bedrock:ListFoundationModels' };

/** Key `i`'s record: its own key, user, address, event and request ids; refused or not. */
function record(i: number, failed: boolean): Record<string, unknown> {
  const key = `AKIA${i.toString(36).toUpperCase().padStart(16, '0')}`;
  const user = `user-${i}`;
  const id = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-00000000000${failed ? 1 : 0}`;
  return {
    ...template,
    userIdentity: { ...template.userIdentity, principalId: `AIDA${key.slice(4)}`, arn: `arn:aws:iam::518234907765:user/${user}`, accessKeyId: key, userName: user },
    eventTime: new Date(T0 + (i % 600) * 1000).toISOString().replace('.000Z', 'Z'),
    sourceIPAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    requestID: `r${id.slice(1)}`,
    eventID: id,
    ...(failed ? refusal : {}),
  };
}

/** The event as the agent has it: parsed from its own text (`parse`), so it holds its own strings. */
function decoded(i: number, failed: boolean, parse = true): TrailEvent {
  const raw = record(i, failed);
  const event = normalizeRecord(parse ? JSON.parse(JSON.stringify(raw)) : raw, { source: 'file', location: '/bench/live-keys.json', index: 2 * i + (failed ? 1 : 0) });
  if (!('eventId' in event)) throw new Error(event.message);
  return event;
}

// State alone: events built before the baseline.
const prebuilt: TrailEvent[] = [];
if (evidence === 'state') for (let i = 0; i < keys; i++) prebuilt.push(decoded(i, false, false), decoded(i, true, false));
const policy = detectorPolicySchema.parse({ evidence: evidence === 'compact' ? 'compact' : 'full' });
const factories = rules === 'seed' ? bedrockDetectors.slice(0, SEED_RULES) : bedrockDetectors;
const detectors: Detector[] = factories.map((factory) => withPolicy(factory.create(factory.configSchema.parse({}), createComponentContext(factory.type)), policy, { id: factory.type }));
const emit = (): void => {};
const base = heap();
const baseRssKb = process.memoryUsage().rss / 1024;
const began = performance.now();
let newest = Number.NEGATIVE_INFINITY;
for (let start = 0; start < 2 * keys; start += BATCH) {
  for (let n = start; n < Math.min(2 * keys, start + BATCH); n++) {
    const e = evidence === 'state' ? prebuilt[n]! : decoded(n >> 1, (n & 1) === 1);
    if (e.time > newest) newest = e.time;
    for (const detector of detectors) detector.onEvent(e, emit);
  }
  for (const detector of detectors) detector.onWatermark(newest - LATENESS, emit);
}
const feedSeconds = (performance.now() - began) / 1000;
const live = heap();
const entries = detectors.reduce((sum, d) => sum + d.stateSize(), 0);
// Past every rule's span (the kill chain's is a day).
for (const detector of detectors) detector.onWatermark(newest + 25 * 3_600_000, emit);
const evicted = heap();
const entriesAfter = detectors.reduce((sum, d) => sum + d.stateSize(), 0);
report({
  records: 2 * keys,
  seconds: feedSeconds,
  maxRssKb: peakRssKb(),
  details: {
    keys,
    rules,
    detectors: detectors.length,
    evidence,
    baseRssKb: Math.round(baseRssKb),
    liveBytes: live - base,
    stateEntries: entries,
    afterEvictionBytes: evicted - base,
    afterEvictionEntries: entriesAfter,
    // Keeps the prebuilt events alive to the end, so eviction is measured against the same baseline.
    prebuilt: prebuilt.length,
  },
});
