import { readdirSync, readFileSync } from 'node:fs';
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

/** The published Bedrock samples with a readable eventTime (Sysdig's is redacted), in file order. */
function publishedSamples(dir: string): { file: string; event: TrailEvent }[] {
  const folder = join(dir, 'bedrock-published-samples');
  return readdirSync(folder)
    .sort()
    .flatMap((file) => {
      const result = normalizeRecord(JSON.parse(readFileSync(join(folder, file), 'utf8')), { source: 'corpus', location: join(folder, file), index: 0 });
      return isRejection(result) ? [] : [{ file, event: result }];
    });
}

describe('public CloudTrail corpus', () => {
  it('of the 414 real records, only Stratus Red Team\'s Bedrock detonation fires a rule: the kill chain, on its InvokeModel', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const events = realRecords(corpus);
    expect(events).toHaveLength(414);
    // The stream is meaningful: it holds real Bedrock invocations (Stratus, ASIA key) and a Converse call.
    expect(events.filter((e) => e.source === 'bedrock.amazonaws.com' && /^(InvokeModel|Converse)$/.test(e.action)).length).toBeGreaterThanOrEqual(2);
    // aws.impact.bedrock-invoke-model, detonated with one role session: it lists the agreement offers
    // (discovery), submits the use case and accepts the agreement (enablement), then invokes Claude 3
    // Sonnet — three stages within two minutes. Its key is temporary (ASIA), so the long-term-key rules
    // stay silent, and it never lists models, reads the logging configuration or leaves us-east-1.
    const stratus = events.filter((e) => e.accessKeyId === 'ASIA6FTSFH98XNF7DFZB');
    expect(stratus).toHaveLength(15);
    const sorted = allDetectors().flatMap((detector) => runDetector(detector, events).findings);
    expect(sorted.map((f) => [f.detector.id, f.id])).toEqual([['aws-bedrock-llmjacking-kill-chain', findingId('aws-bedrock-llmjacking-kill-chain', '51d580ea-04f5-421c-b733-b5e4ec485a6e')]]);
    expect(sorted[0]!.details).toMatchObject({
      stages: [
        { stage: 'discovery', action: 'ListFoundationModelAgreementOffers', eventId: '378c7831-cd5c-4967-a5a3-271b96087899' },
        { stage: 'enablement', action: 'PutUseCaseForModelAccess', eventId: '8452e2fb-1252-460b-8f58-d3f5333c2630' },
        { stage: 'invocation', action: 'InvokeModel', eventId: '51d580ea-04f5-421c-b733-b5e4ec485a6e' },
      ],
      subsumes: [],
    });
    // Shuffled within an hour, the kill chain still fires exactly once for that key (it may anchor on another
    // call of the detonation), and nothing else fires.
    const shuffled = allDetectors().flatMap((detector) => runDetector(detector, events, { order: 'shuffled', seed: 5, allowedLateness: 3_600_000 }).findings);
    expect(shuffled.map((f) => [f.detector.id, f.group['accessKeyId']])).toEqual([['aws-bedrock-llmjacking-kill-chain', 'ASIA6FTSFH98XNF7DFZB']]);
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

  it('the Panther events fire rule B (high) on the deletion, not the non-admin variant (DevAdmin), and the guardrail rule on the update and the deletion', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const events = pantherEvents(corpus);
    const deletion = events.find((e) => e.ruleId === 'AWS.Bedrock.DeleteModelInvocationLoggingConfiguration' && e.expected);
    expect(deletion?.event.eventId).toBe('28773860-a4fd-47c7-a215-6f0e6e6e532f');
    const guardrails = events.filter((e) => e.ruleId === 'AWS.Bedrock.GuardrailUpdateDelete' && e.expected).map((e) => e.event);
    expect(guardrails.map((e) => e.action)).toEqual(['UpdateGuardrail', 'DeleteGuardrail']);
    const findings = allDetectors().flatMap((detector) => runDetector(detector, events.map((e) => e.event), { allowedLateness: Number.POSITIVE_INFINITY }).findings);
    expect(findings.map((f) => [f.detector.id, f.id])).toEqual([
      ['aws-bedrock-logging-deletion', findingId('aws-bedrock-logging-deletion', deletion!.event.eventId)],
      ...guardrails.map((e) => ['aws-bedrock-guardrail-tampering', findingId('aws-bedrock-guardrail-tampering', e.eventId)]),
    ]);
    expect(findings[0]).toMatchObject({
      time: '2025-01-21T17:49:47.000Z',
      group: { userName: 'DevAdmin', principalArn: 'arn:aws:sts::123123123123:assumed-role/DevAdmin/dr.evil', sourceIp: '161.97.249.211' },
      details: { outcome: 'success', errorCode: null },
    });
    expect(findings[2]).toMatchObject({ details: { action: 'DeleteGuardrail', guardrailIdentifier: 'cmy5azq5koeo' } });
  });

  it('Permiso\'s GetFoundationModelAvailability by a long-term key fires the model-access rule, and nothing else fires on the published samples', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const samples = publishedSamples(corpus);
    expect(samples.map((s) => s.file)).toEqual(['aws-docs_InvokeModel_IAMUser.json', 'permiso-2024_GetFoundationModelAvailability_AKIA.json', 'permiso-2024_InvokeModel_AccessDenied_AKIA.json']);
    const findings = allDetectors().flatMap((detector) => runDetector(detector, samples.map((s) => s.event), { allowedLateness: Number.POSITIVE_INFINITY }).findings);
    expect(findings.map((f) => [f.detector.id, f.group['accessKeyId']])).toEqual([['aws-bedrock-model-access-long-term-key', 'AKIAREDACTED']]);
  });

  it('Sysdig\'s ValidationException probe is one refusal: with two more models refused within 10 minutes, the probing rule fires', (context) => {
    if (corpus === undefined) return context.skip(corpusMissingMessage());
    const raw = JSON.parse(readFileSync(join(corpus, 'bedrock-published-samples', 'sysdig-2024_InvokeModel_ValidationException.json'), 'utf8')) as Record<string, unknown>;
    expect(raw['errorCode']).toBe('ValidationException');
    const probe = (second: number, modelId: string) =>
      toTrailEvent({ ...raw, eventTime: `2024-05-06T10:00:${String(second).padStart(2, '0')}Z`, eventID: `sysdig-probe-${second}`, requestParameters: { modelId } });
    const probing = bedrockDetectors.find((f) => f.type === 'aws-bedrock-invocation-probing')!;
    const run = (events: TrailEvent[]) => runDetector(probing.create(probing.configSchema.parse({}), testContext(probing.type)), events).ids;
    expect(run([probe(0, 'anthropic.claude-v2')])).toEqual([]);
    expect(run([probe(0, 'anthropic.claude-v2'), probe(10, 'anthropic.claude-instant-v1'), probe(20, 'anthropic.claude-3-sonnet-20240229-v1:0')])).toEqual([findingId(probing.type, 'sysdig-probe-20')]);
  });
});
