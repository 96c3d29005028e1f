import { readFile } from 'node:fs/promises';
import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFinding, ruleAFindings } from '../testing/finding-fixture.ts';
import { OtlpGrpcReceiver } from '../testing/otlp-grpc-receiver.ts';
import { OtlpHttpReceiver } from '../testing/otlp-http-receiver.ts';
import type { DecodedLogRecord } from '../testing/otlp-logs-decoder.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { otlpConfigSchema, type OtlpConfigInput } from './config.ts';
import { OtlpSink } from './otlp-sink.ts';

const fast = { backoff: { initial: '10ms', max: '50ms' }, batch: { maxWait: '10ms' } } satisfies Partial<OtlpConfigInput>;

/** What every protocol must deliver for the fixture finding. */
function expectRuleAFindingRecord(record: DecodedLogRecord | undefined): void {
  const finding = ruleAFinding();
  expect(record).toBeDefined();
  expect(record?.eventName).toBe('jackwatch.finding');
  expect(record?.body).toBe(finding.summary);
  expect(record?.severityNumber).toBe(19);
  expect(record?.severityText).toBe('high');
  expect(record?.timeUnixNano).toBe(String(BigInt(Date.parse(finding.time)) * 1_000_000n));
  expect(record?.resource).toMatchObject({ 'service.name': 'jackwatch', 'service.version': '0.1.0', 'deployment.environment.name': 'test' });
  expect(record?.scope.name).toBe('@jackwatch/sinks');
  expect(record?.attributes).toMatchObject({
    'event.name': 'jackwatch.finding',
    'log.record.uid': finding.id,
    'security_rule.uuid': 'aws-bedrock-enum-then-invoke-long-term-key',
    'security_rule.name': finding.detector.title,
    'security_rule.version': '1.0.0',
    'security_rule.category': 'Discovery',
    'security_rule.ruleset.name': 'jackwatch',
    'cloud.provider': 'aws',
    'cloud.account.id': '123456789012',
    'cloud.region': 'us-east-1',
    'source.address': '203.0.113.77',
    'client.address': '203.0.113.77',
    'user_agent.original': finding.evidence[0]?.userAgent,
    'user.name': 'ci-deployer',
    'aws.access_key.id': 'AKIAIOSFODNN7EXAMPLE',
    'gen_ai.provider.name': 'aws.bedrock',
    'gen_ai.request.model': 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    'threat.technique.id': ['T1580', 'T1078.004'],
    'threat.tactic.id': ['TA0007', 'TA0001'],
    'jackwatch.finding.risk_score': 73,
    'jackwatch.finding.evidence.event_names': ['ListFoundationModels', 'InvokeModel'],
    'jackwatch.finding.group.accessKeyId': 'AKIAIOSFODNN7EXAMPLE',
  });
}

describe('OtlpSink', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  const sinks: OtlpSink[] = [];
  const closers: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((sink) => sink.shutdown()));
    await Promise.all(closers.splice(0).map((close) => close()));
    await tmp.remove();
  });

  async function httpReceiver(): Promise<OtlpHttpReceiver> {
    const receiver = await OtlpHttpReceiver.start();
    closers.push(() => receiver.close());
    return receiver;
  }

  function makeSink(config: OtlpConfigInput) {
    const context = testContext('otlp/test', { baseDir: tmp.dir, clock: systemClock });
    const sink = new OtlpSink(otlpConfigSchema.parse({ ...fast, resource: { 'deployment.environment.name': 'test' }, ...config }), context);
    sinks.push(sink);
    return { sink, context };
  }

  async function deliver(sink: OtlpSink, findings = [ruleAFinding()]): Promise<void> {
    await sink.start();
    await sink.export(findings);
    await sink.forceFlush();
  }

  it('http/protobuf: gzipped protobuf to /v1/logs with headers and the mapped attributes', async () => {
    const receiver = await httpReceiver();
    const { sink } = makeSink({ endpoint: receiver.endpoint, headers: { Authorization: 'Bearer otlp-token' } });
    await deliver(sink);

    const [request] = receiver.requests;
    expect(request).toMatchObject({ path: '/v1/logs', status: 200 });
    expect(request?.headers['content-type']).toBe('application/x-protobuf');
    expect(request?.headers['content-encoding']).toBe('gzip');
    expect(request?.headers['authorization']).toBe('Bearer otlp-token');
    expect(request?.headers['user-agent']).toMatch(/^jackwatch\/0\.1\.0 OTel-OTLP-Exporter-JavaScript/);
    expectRuleAFindingRecord(receiver.acceptedRecords()[0]);
    expect(sink.stats()).toEqual({ accepted: 1, delivered: 1, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
  });

  it('http/json: uncompressed OTLP/JSON with the same mapping', async () => {
    const receiver = await httpReceiver();
    const { sink } = makeSink({ endpoint: receiver.endpoint, protocol: 'http/json', compression: 'none' });
    await deliver(sink);

    const [request] = receiver.requests;
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['content-encoding']).toBeUndefined();
    expectRuleAFindingRecord(receiver.acceptedRecords()[0]);
  });

  it('grpc: Export calls with metadata and the same mapping', async () => {
    const receiver = await OtlpGrpcReceiver.start();
    closers.push(() => receiver.close());
    const { sink } = makeSink({ endpoint: receiver.endpoint, protocol: 'grpc', headers: { 'X-Tenant': 'blue' } });
    await deliver(sink);

    expect(receiver.calls).toHaveLength(1);
    expect(receiver.calls[0]?.metadata['x-tenant']).toBe('blue');
    expectRuleAFindingRecord(receiver.acceptedRecords()[0]);
  });

  it('batches findings into one export', async () => {
    const receiver = await httpReceiver();
    const { sink } = makeSink({ endpoint: receiver.endpoint, batch: { maxFindings: 10, maxWait: '50ms' } });
    await deliver(sink, ruleAFindings(10));
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.acceptedRecords().map((r) => r.attributes['log.record.uid'])).toEqual(ruleAFindings(10).map((f) => f.id));
  });

  it('delivers after the collector answers 503 then 200', async () => {
    const receiver = await httpReceiver();
    receiver.failNext({ status: 503 });
    const { sink } = makeSink({ endpoint: receiver.endpoint });
    await deliver(sink);
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(receiver.acceptedRecords()).toHaveLength(1);
    expect(sink.stats()).toMatchObject({ delivered: 1, deadLettered: 0 });
  });

  it('retries a 500 itself (the exporter does not) and a gRPC UNAVAILABLE', async () => {
    const http = await httpReceiver();
    http.failNext({ status: 500 });
    const viaHttp = makeSink({ endpoint: http.endpoint });
    await deliver(viaHttp.sink);
    expect(http.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(viaHttp.sink.stats()).toMatchObject({ delivered: 1, retried: 1 });

    const grpc = await OtlpGrpcReceiver.start();
    closers.push(() => grpc.close());
    grpc.failNext(GrpcStatus.UNAVAILABLE);
    const viaGrpc = makeSink({ endpoint: grpc.endpoint, protocol: 'grpc' });
    await deliver(viaGrpc.sink);
    expect(grpc.calls.map((c) => c.status)).toEqual([GrpcStatus.UNAVAILABLE, GrpcStatus.OK]);
    expect(viaGrpc.sink.stats()).toMatchObject({ delivered: 1, retried: 1 });
  });

  it('dead-letters at once on a 400 and on gRPC INVALID_ARGUMENT', async () => {
    const http = await httpReceiver();
    http.failNext({ status: 400 });
    const viaHttp = makeSink({ endpoint: http.endpoint, deadLetter: 'http.jsonl' });
    await deliver(viaHttp.sink);
    expect(http.requests).toHaveLength(1);
    expect(viaHttp.sink.stats()).toMatchObject({ delivered: 0, retried: 0, deadLettered: 1 });
    const entry = JSON.parse((await readFile(viaHttp.sink.deadLetterPath, 'utf8')).trim());
    expect(entry).toMatchObject({ sink: 'otlp/test', attempts: 1, finding: { id: ruleAFinding().id } });
    expect(entry.reason).toMatch(/^HTTP 400/);

    const grpc = await OtlpGrpcReceiver.start();
    closers.push(() => grpc.close());
    grpc.failNext(GrpcStatus.INVALID_ARGUMENT);
    const viaGrpc = makeSink({ endpoint: grpc.endpoint, protocol: 'grpc', deadLetter: 'grpc.jsonl' });
    await deliver(viaGrpc.sink);
    expect(grpc.calls).toHaveLength(1);
    expect(viaGrpc.sink.stats()).toMatchObject({ delivered: 0, retried: 0, deadLettered: 1 });
  });
});
