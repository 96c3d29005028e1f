import { describe, expect, it } from 'vitest';
import { compareEventTime } from '../detection/event-order.ts';
import { parseEventTime } from '../event/event-time.ts';
import { EventFactory } from './event-factory.ts';
import { assumedRole, awsService, iamUser, iamUserConsoleSession, rootUser } from './identities.ts';
import { arrange } from './arrival-order.ts';
import { runDetector } from './run-detector.ts';
import { testContext } from './test-context.ts';
import type { Detector } from '../component/detector.ts';
import { testMeta } from '../detection/testdata/test-meta.ts';
import { match } from '../detection/match.ts';
import { fromOperator } from '../detection/from-operator.ts';
import { buildFinding } from '../detection/build-finding.ts';
import type { Interest } from '../event/interest.ts';
import { filter, map } from 'rxjs';
import type { DetectorFactory } from '../component/factory.ts';
import { z } from 'zod';
import { checkDetectorFactory } from './detector-conformance.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');

describe('event builders', () => {
  it('build records that look like S3-delivered CloudTrail and normalize as the decoders do', () => {
    const ev = new EventFactory('kit');
    const e = ev.event({ time: T0, action: 'InvokeModel', identity: iamUser({ userName: 'mallory' }) });
    expect(Object.keys(e.raw)).toEqual([
      'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent',
      'requestParameters', 'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType', 'managementEvent',
      'recipientAccountId', 'eventCategory', 'tlsDetails',
    ]);
    expect(e.raw.eventTime).toBe('2024-10-17T20:00:00Z');
    expect(parseEventTime(e.raw.eventTime!)).toBe(T0);
    expect(e.raw.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e.raw.requestParameters).toEqual({ modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' });
    expect((e.raw.tlsDetails as { clientProvidedHostHeader: string }).clientProvidedHostHeader).toBe('bedrock-runtime.us-east-1.amazonaws.com');
    expect(e).toMatchObject({ source: 'bedrock.amazonaws.com', action: 'InvokeModel', outcome: 'success', userName: 'mallory', principalType: 'IAMUser' });
    expect(e.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('give each call its own reproducible eventID', () => {
    const a = new EventFactory('same-seed').events(3, () => ({ time: T0, action: 'ListFoundationModels' }));
    const b = new EventFactory('same-seed').events(3, () => ({ time: T0, action: 'ListFoundationModels' }));
    expect(new Set(a.map((e) => e.eventId)).size).toBe(3);
    expect(b.map((e) => e.eventId)).toEqual(a.map((e) => e.eventId));
  });

  it('model the identities rule A depends on', () => {
    const ev = new EventFactory('identities');
    const console = ev.event({ time: T0, action: 'ListFoundationModels', identity: iamUserConsoleSession({ userName: 'pedro' }) });
    expect(console).toMatchObject({ principalType: 'IAMUser', userName: 'pedro' });
    expect(console.accessKeyId).toMatch(/^ASIA/);
    expect(console.raw.sessionCredentialFromConsole).toBe('true');
    const role = ev.event({ time: T0, action: 'InvokeModel', identity: assumedRole({ roleName: 'DevAdmin', sessionName: 'dr.evil' }) });
    expect(role).toMatchObject({ principalType: 'AssumedRole', userName: 'DevAdmin', principalArn: 'arn:aws:sts::123456789012:assumed-role/DevAdmin/dr.evil' });
    const service = ev.event({ time: T0, action: 'AssumeRole', source: 'sts.amazonaws.com', identity: awsService('ec2.amazonaws.com') });
    expect(service).toMatchObject({ accessKeyId: undefined, sourceIp: 'ec2.amazonaws.com', account: '123456789012' });
    expect(ev.event({ time: T0, action: 'GetCallerIdentity', identity: rootUser() }).userName).toBe('root');
    const denied = ev.event({ time: T0, action: 'ListFoundationModels', errorCode: 'AccessDenied', userAgent: null });
    expect(denied).toMatchObject({ outcome: 'failure', errorCode: 'AccessDenied', userAgent: undefined });
    expect(denied.errorMessage).toContain('is not authorized to perform: bedrock:ListFoundationModels');
  });
});

describe('arrival orders', () => {
  const ev = new EventFactory('orders');
  const events = ev.events(200, (i) => ({ time: T0 + ((i * 7919) % 600) * 1000, action: 'A' }));

  it('sorts by event time then eventID', () => {
    const sorted = arrange(events, 'sorted', 1, 0);
    for (let i = 1; i < sorted.length; i++) expect(compareEventTime(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
  });

  it('shuffles reproducibly without any event arriving later than the lateness', () => {
    const lateness = 60_000;
    const shuffled = arrange(events, 'shuffled', 42, lateness);
    expect(arrange(events, 'shuffled', 42, lateness)).toEqual(shuffled);
    expect(shuffled).not.toEqual(arrange(events, 'sorted', 1, 0));
    let newest = -Infinity;
    for (const e of shuffled) {
      expect(e.time).toBeGreaterThanOrEqual(newest - lateness);
      newest = Math.max(newest, e.time);
    }
  });

  it('allows any order with an infinite lateness', () => {
    const shuffled = arrange(events, 'shuffled', 42, Number.POSITIVE_INFINITY);
    expect(shuffled.some((e, i) => i > 0 && e.time < shuffled[i - 1]!.time - 300_000)).toBe(true);
    expect(new Set(shuffled)).toEqual(new Set(events));
  });

  it('rejects an index list that is not a permutation', () => {
    expect(() => arrange(events.slice(0, 2), [0, 0], 1, 0)).toThrow(RangeError);
  });
});

describe('runDetector', () => {
  it('advances the watermark per batch as the runtime does and counts late events', () => {
    const calls: string[] = [];
    const recorder: Detector = {
      meta: testMeta('recorder'),
      interest: 'all',
      span: 1000,
      onEvent: (e) => void calls.push(`event ${(e.time - T0) / 1000}`),
      onWatermark: (w) => void calls.push(`watermark ${(w - T0) / 1000}`),
      flush: () => void calls.push('flush'),
      stateSize: () => 0,
    };
    const ev = new EventFactory('batches');
    const events = [0, 5, 3, 9, 1].map((s) => ev.event({ time: T0 + s * 1000, action: 'A' }));
    const result = runDetector(recorder, events, { order: 'given', batchSize: 2, allowedLateness: 2000 });
    expect(calls).toEqual(['event 0', 'event 5', 'watermark 3', 'event 3', 'event 9', 'watermark 7', 'event 1', 'watermark 10.001', 'flush']);
    expect(result.lateEvents).toBe(1);
  });

  it('gives detectors a context whose clock fails when read', () => {
    expect(() => testContext('x').clock.now()).toThrow(/event time/);
  });
});

describe('checkDetectorFactory', () => {
  const good: DetectorFactory<{ action: string }> = {
    kind: 'detector',
    type: 'stop-logging',
    stability: 'alpha',
    description: 'A trail stopped',
    configSchema: z.strictObject({ action: z.string().default('StopLogging') }),
    create: (config, context) =>
      match({ meta: testMeta('stop-logging'), id: context.id, select: { eventSource: 'cloudtrail.amazonaws.com' }, where: (e) => e.action === config.action, finding: () => ({ group: {}, summary: 'stopped' }) }),
  };
  const ev = new EventFactory('conformance-kit', { source: 'cloudtrail.amazonaws.com' });
  const firing = [ev.event({ time: T0, action: 'StopLogging' })];

  it('passes a conformant factory', () => {
    expect(checkDetectorFactory(good, { firing })).toEqual([]);
  });

  // A hand-rolled detector whose test ignores the interest it declares: what the primitives' `select` rules out.
  const actionRule = (id: string, meta: Detector['meta'], interest: Interest, action: string): Detector =>
    fromOperator({
      meta,
      interest,
      span: 0,
      operator: (events) =>
        events.pipe(
          filter((e) => e.action === action),
          map((e) => buildFinding({ meta, detectorId: id, anchor: e, evidence: [e], group: {}, summary: 'x' })),
        ),
    });

  it('names what a broken factory gets wrong', () => {
    const broken: DetectorFactory<{ action: string }> = {
      ...good,
      type: 'Stop_Logging',
      configSchema: z.object({ action: z.string().default('StopLogging') }),
      create: (config) => actionRule('other', { ...testMeta('other'), riskScore: 150 }, [], config.action),
    };
    const problems = checkDetectorFactory(broken, { firing });
    expect(problems).toEqual([
      'type "Stop_Logging" is not lowercase a-z0-9-',
      'configSchema accepts an unknown key; make it strict',
      'meta.id "other" differs from the type "Stop_Logging"',
      'meta.riskScore 150 is not an integer in 0..100',
      'interest is empty',
      'findings do not carry the component id "Stop_Logging/conformance"',
      'fires on events its interest excludes (1 finding(s) with evidence such as excluded-cloudtrail.amazonaws.com StopLogging, cloudtrail.amazonaws.com StopLoggingExcluded): routing and the prefilter would drop them; declare them in the step\'s `select`',
    ]);
  });

  it('fails a detector that can match an event its interest excludes', () => {
    const narrow: DetectorFactory<{ action: string }> = {
      ...good,
      create: (config, context) => actionRule(context.id, testMeta('stop-logging'), [{ eventSource: 'cloudtrail.amazonaws.com', eventNames: ['StopLogging'] }], config.action),
    };
    expect(checkDetectorFactory(narrow, { firing })).toEqual([
      'fires on events its interest excludes (1 finding(s) with evidence such as excluded-cloudtrail.amazonaws.com StopLogging, cloudtrail.amazonaws.com StopLoggingExcluded): routing and the prefilter would drop them; declare them in the step\'s `select`',
    ]);
    // Declared through `select`, the same rule cannot drift from its interest.
    expect(checkDetectorFactory(good, { firing })).toEqual([]);
  });

  it('reports incomplete defaults and a detector that reads the wall clock', () => {
    expect(checkDetectorFactory({ ...good, configSchema: z.strictObject({ action: z.string() }) })[0]).toContain('defaults are incomplete');
    const clockReader: DetectorFactory<{ action: string }> = {
      ...good,
      create: (config, context) =>
        match({ meta: testMeta('stop-logging'), id: context.id, select: 'all', where: () => context.clock.now() > 0, finding: () => ({ group: {}, summary: 'x' }) }),
    };
    expect(checkDetectorFactory(clockReader, { firing })[0]).toContain('read the wall clock');
  });
});
