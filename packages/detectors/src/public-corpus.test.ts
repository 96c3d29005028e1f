import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBuffer, findingId, isRejection, normalizeRecord, type Detector, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext, toTrailEvent } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { bedrockDetectors } from './index.ts';
import { corpusMissingMessage, sharedCloudTrailDir } from './testdata/shared-corpus.ts';

const corpus = sharedCloudTrailDir();

const allDetectors = (): Detector[] => bedrockDetectors.map((factory) => factory.create(factory.configSchema.parse({}), testContext(factory.type)));

function realRecords(dir: string): TrailEvent[] {
  const path = join(dir, 'derived', 'combined-real-records.json.gz');
  const batch = decodeBuffer(readFileSync(path), { source: 'corpus', location: path });
  expect(batch.rejections).toEqual([]);
  return batch.events;
}

function pantherEvents(dir: string): { ruleId: string; expected: boolean; event: TrailEvent }[] {
  const path = join(dir, 'panther-analysis-cloudtrail-test-events.ndjson');
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.flatMap((line, index) => {
    const wrapper = JSON.parse(line) as { panther_rule_id: string; expected_result: boolean; log: unknown };
    const result = normalizeRecord(wrapper.log, { source: 'corpus', location: path, index: index + 1 });
    return isRejection(result) ? [] : [{ ruleId: wrapper.panther_rule_id, expected: wrapper.expected_result, event: result }];
  });
}

describe('public CloudTrail corpus', () => {
  it('none of the 414 real records fires any Bedrock detector, in time order or shuffled', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const events = realRecords(corpus);
    expect(events).toHaveLength(414);
    // The stream is meaningful: it holds real Bedrock invocations (Stratus, ASIA key) and a Converse call.
    expect(events.filter((e) => e.source === 'bedrock.amazonaws.com' && /^(InvokeModel|Converse)$/.test(e.action)).length).toBeGreaterThanOrEqual(2);
    for (const detector of allDetectors()) {
      expect(runDetector(detector, events).findings).toEqual([]);
      expect(runDetector(detector, events, { order: 'shuffled', seed: 5, allowedLateness: 3_600_000 }).findings).toEqual([]);
    }
  });

  it('the Stratus ASIA InvokeModel is a near miss of rule A: it would fire with a long-term key', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const invoke = realRecords(corpus).find((e) => e.action === 'InvokeModel' && e.accessKeyId?.startsWith('ASIA'));
    expect(invoke).toBeDefined();
    const listing = (key: string) =>
      toTrailEvent({ ...invoke!.raw, eventName: 'ListFoundationModels', eventID: 'near-miss-list', requestParameters: null, userIdentity: { ...invoke!.raw.userIdentity, accessKeyId: key } });
    const asInvoked = (key: string) => toTrailEvent({ ...invoke!.raw, userIdentity: { ...invoke!.raw.userIdentity, accessKeyId: key } });
    const ruleA = bedrockDetectors[0]!;
    const run = (events: TrailEvent[]) => runDetector(ruleA.create(ruleA.configSchema.parse({}), testContext(ruleA.type)), events).findings;
    expect(run([listing(invoke!.accessKeyId!), invoke!])).toEqual([]);
    expect(run([listing('AKIAQXSTRATUSNEARMS1'), asInvoked('AKIAQXSTRATUSNEARMS1')]).map((f) => f.id)).toEqual([findingId(ruleA.type, 'near-miss-list')]);
  });

  it('the Panther deletion event fires rule B (high), not the non-admin variant (DevAdmin), and nothing else fires', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const events = pantherEvents(corpus);
    const deletion = events.find((e) => e.ruleId === 'AWS.Bedrock.DeleteModelInvocationLoggingConfiguration' && e.expected);
    expect(deletion?.event.eventId).toBe('28773860-a4fd-47c7-a215-6f0e6e6e532f');
    const findings = allDetectors().flatMap((detector) => runDetector(detector, events.map((e) => e.event), { allowedLateness: Number.POSITIVE_INFINITY }).findings);
    expect(findings.map((f) => [f.detector.id, f.id])).toEqual([['aws-bedrock-logging-deletion', findingId('aws-bedrock-logging-deletion', deletion!.event.eventId)]]);
    expect(findings[0]).toMatchObject({
      time: '2025-01-21T17:49:47.000Z',
      group: { userName: 'DevAdmin', principalArn: 'arn:aws:sts::123123123123:assumed-role/DevAdmin/dr.evil', sourceIp: '161.97.249.211' },
      details: { outcome: 'success', errorCode: null },
    });
  });
});
