/**
 * Detector state for N distinct live access keys (default 1,000,000), with
 * the shipped detectors' sequence (rule A: one pending enumeration per key)
 * and threshold (rule C: one refusal per caller group) state both populated,
 * then evicted by the watermark. Heap is measured after full GCs; the events
 * are built before the baseline, so the figure is the state's own
 * structures. Evidence the state retains (two events per key) costs in
 * addition what one decoded record weighs: measured here on a real record.
 *
 *   node --expose-gc --max-old-space-size=8192 bench/measure/live-keys.ts [keys] [--only <part of a detector type>]
 */
import { bedrockDetectors } from '@jackwatch/detectors';
import { createComponentContext, normalizeRecord, type Detector, type TrailEvent } from '@jackwatch/core';
import { peakRssKb, report } from '../lib/measurement.ts';

const keys = Number(process.argv[2] ?? 1_000_000);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const LATENESS = 15 * 60_000;

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
const refusal = { ...template, errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: bedrock:ListFoundationModels' };

// One decoded record's own weight, for the evidence the state keeps alive.
const recordText = JSON.stringify(template);
const before = heap();
const sample = Array.from({ length: 20_000 }, () => normalizeRecord(JSON.parse(recordText), { source: 'file', location: '/x', index: 0 }));
const eventBytes = (heap() - before) / sample.length;
sample.length = 0;

// Distinct key, user, IP and event id per key; the raw record is shared (its weight is counted above).
function event(i: number, failed: boolean): TrailEvent {
  const time = T0 + (i % 600) * 1000;
  const key = `AKIA${i.toString(36).toUpperCase().padStart(16, '0')}`;
  return {
    raw: failed ? refusal : template,
    time,
    source: 'bedrock.amazonaws.com',
    action: 'ListFoundationModels',
    outcome: failed ? 'failure' : 'success',
    errorCode: failed ? 'AccessDenied' : undefined,
    errorMessage: failed ? refusal.errorMessage : undefined,
    accessKeyId: key,
    principalArn: `arn:aws:iam::518234907765:user/user-${i}`,
    principalType: 'IAMUser',
    userName: `user-${i}`,
    account: '518234907765',
    region: 'us-east-1',
    sourceIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    userAgent: template.userAgent,
    eventId: `${failed ? 'f' : 'e'}-${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
    origin: { source: 'file', location: '/bench', index: i },
  };
}

const events: TrailEvent[] = [];
for (let i = 0; i < keys; i++) events.push(event(i, false), event(i, true));
const detectors: Detector[] = bedrockDetectors.filter((f) => only === undefined || f.type.includes(only)).map((factory) => factory.create(factory.configSchema.parse({}), createComponentContext(factory.type)));
const emit = (): void => {};
const base = heap();
const began = performance.now();
let newest = Number.NEGATIVE_INFINITY;
for (let start = 0; start < events.length; start += 1000) {
  for (let i = start; i < Math.min(events.length, start + 1000); i++) {
    const e = events[i]!;
    if (e.time > newest) newest = e.time;
    for (const detector of detectors) detector.onEvent(e, emit);
  }
  for (const detector of detectors) detector.onWatermark(newest - LATENESS, emit);
}
const feedSeconds = (performance.now() - began) / 1000;
const live = heap();
const entries = detectors.reduce((sum, d) => sum + d.stateSize(), 0);
for (const detector of detectors) detector.onWatermark(newest + 3 * 3_600_000, emit);
const evicted = heap();
const entriesAfter = detectors.reduce((sum, d) => sum + d.stateSize(), 0);
report({
  records: events.length,
  seconds: feedSeconds,
  maxRssKb: peakRssKb(),
  details: {
    keys,
    stateBytes: live - base,
    stateEntries: entries,
    afterEvictionBytes: evicted - base,
    afterEvictionEntries: entriesAfter,
    retainedEvents: 2 * keys,
    eventBytes: Math.round(eventBytes),
  },
});
