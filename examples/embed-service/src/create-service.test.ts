import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findingId, type CloudTrailRecord, type Finding } from '@jackwatch/core';
import { assumedRole, cloudTrailRecord, iamUser } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type DetectionService } from './create-service.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const API_KEY = 'test-key-7f3a';
const leaked = iamUser({ userName: 'svc-reporting' });
const list = cloudTrailRecord({ time: T0, action: 'ListFoundationModels', identity: leaked, seed: 'svc-list' });
const invoke = cloudTrailRecord({ time: T0 + 120_000, action: 'InvokeModel', identity: leaked, seed: 'svc-invoke' });
const deletion = cloudTrailRecord({ time: T0 + 180_000, action: 'DeleteModelInvocationLoggingConfiguration', identity: assumedRole({ roleName: 'DataScientist' }), seed: 'svc-delete' });

/** What an EventBridge API destination POSTs for a CloudTrail API call. */
const envelope = (record: CloudTrailRecord) => ({
  version: '0',
  id: `eb-${record.eventID}`,
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.bedrock',
  account: '123456789012',
  time: record.eventTime,
  region: 'us-east-1',
  resources: [],
  detail: record,
});

interface Answer {
  readonly status: number;
  readonly body: { accepted?: number; findings?: Finding[]; forwarded?: boolean; rejected?: { reason: string }[]; error?: string; events?: number };
}

async function post(service: DetectionService, body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }): Promise<Answer> {
  const response = await fetch(`${service.url}/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

let receiver: Server;
let receiverUrl: string;
const received: Finding[][] = [];

describe('embed-service', () => {
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
        received.push(JSON.parse(text) as Finding[]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/findings`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('takes EventBridge events one by one, answers with the findings they complete, and forwards them', async () => {
    const errors: unknown[] = [];
    await using service = await createService({ apiKey: API_KEY, forwardUrl: receiverUrl, onError: (e) => errors.push(e) }).listen(0);
    const first = await post(service, envelope(list));
    expect(first).toEqual({ status: 200, body: { accepted: 1, rejected: [], findings: [] } });
    const second = await post(service, envelope(invoke));
    expect(second.status).toBe(200);
    expect(second.body.findings!.map((f) => f.id)).toEqual([findingId('aws-bedrock-enum-then-invoke-long-term-key', list.eventID!)]);
    expect(second.body.forwarded).toBe(true);
    expect(received.at(-1)!.map((f) => f.id)).toEqual(second.body.findings!.map((f) => f.id));
    expect(errors).toEqual([]);
  });

  it('takes a delivery file or NDJSON too, and reports records it cannot use', async () => {
    await using service = await createService({ apiKey: API_KEY }).listen(0);
    const delivery = await post(service, { Records: [deletion, { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel' }] });
    expect(delivery.status).toBe(200);
    expect(delivery.body.findings!.map((f) => f.detector.id).sort()).toEqual(['aws-bedrock-logging-deletion', 'aws-bedrock-logging-deletion-non-admin']);
    expect(delivery.body.rejected!.map((r) => r.reason)).toEqual(['missing-event-time']);
    const ndjson = await post(service, `${JSON.stringify(list)}\n${JSON.stringify(invoke)}\n`);
    expect(ndjson.body.findings!.map((f) => f.detector.id)).toEqual(['aws-bedrock-enum-then-invoke-long-term-key']);
    const health = await fetch(`${service.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', events: 3, findings: 3 });
  });

  it('refuses a wrong key, a body with no record, and other routes', async () => {
    await using service = await createService({ apiKey: API_KEY, maxBodyBytes: 64 * 1024 }).listen(0);
    expect((await post(service, envelope(list), {})).status).toBe(401);
    expect((await post(service, envelope(list), { 'x-api-key': 'test-key-0000' })).status).toBe(401);
    const garbage = await post(service, 'this is not JSON');
    expect(garbage.status).toBe(400);
    expect(garbage.body.rejected!.map((r) => r.reason)).toEqual(['malformed-json']);
    expect((await post(service, { hello: 'world' })).body.rejected!.map((r) => r.reason)).toEqual(['not-cloudtrail']);
    expect((await post(service, { Records: Array.from({ length: 200 }, () => list) })).status).toBe(413);
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${service.url}/events`)).status).toBe(405);
  });

  it('runs as two independent services in one process', async () => {
    await using a = await createService().listen(0);
    await using b = await createService().listen(0);
    await post(a, envelope(list), {});
    const fromB = await post(b, envelope(invoke), {});
    const fromA = await post(a, envelope(invoke), {});
    expect(fromB.body.findings).toEqual([]);
    expect(fromA.body.findings).toHaveLength(1);
    expect(a.telemetry.total('jackwatch.source.events.read')).toBe(2);
    expect(b.telemetry.total('jackwatch.source.events.read')).toBe(1);
  });

  it('reports a failed forward without losing the findings, and flushes on close', async () => {
    const errors: unknown[] = [];
    const service = await createService({ forwardUrl: 'http://127.0.0.1:9/unreachable', onError: (e) => errors.push(e) }).listen(0);
    await post(service, envelope(list), {});
    const answer = await post(service, envelope(invoke), {});
    expect(answer.body.findings).toHaveLength(1);
    expect(answer.body.forwarded).toBe(false);
    expect(errors).toHaveLength(1);
    expect(await service.close()).toEqual([]);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });
});
