import { DETECTION_COUNTERS, findingId, type TrailEvent } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { listModelsFailuresConfigSchema } from './config.ts';
import { listModelsFailuresFactory } from './factory.ts';

const ID = 'aws-bedrock-list-models-failures';
const T0 = Date.parse('2024-10-17T20:30:00Z');
const MIN = 60_000;
const eve = iamUser({ userName: 'eve' });

const create = (options: Record<string, unknown> = {}, context = testContext(ID)) =>
  listModelsFailuresFactory.create(listModelsFailuresConfigSchema.parse(options), context);

/** ListFoundationModels refusals at the given minutes after T0. */
function failures(seed: string, minutes: readonly number[], spec: Record<string, unknown> = {}): TrailEvent[] {
  const ev = new EventFactory(seed, { identity: eve });
  return minutes.map((m) => ev.event({ time: T0 + m * MIN, action: 'ListFoundationModels', errorCode: 'AccessDenied', ...spec }));
}

const range = (count: number, step = 1, from = 0): number[] => Array.from({ length: count }, (_, i) => from + i * step);

describe(ID, () => {
  it('does not fire on 9 failures in an hour, fires on the 10th with the Splunk facts', () => {
    expect(runDetector(create(), failures('c-nine', range(9, 5))).findings).toEqual([]);
    const events = failures('c-ten', range(10, 5));
    const { findings, stateSizeAfter } = runDetector(create(), events);
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding.id).toBe(findingId(ID, events[9]!.eventId));
    expect(finding).toMatchObject({
      severity: 'medium',
      riskScore: 50,
      summary: 'User eve attempted to list AWS Bedrock foundation models 10 times with failures from 198.51.100.7',
      group: {
        src: '198.51.100.7',
        user: 'eve',
        user_agent: events[0]!.userAgent,
        vendor_account: '123456789012',
        vendor_product: 'AWS CloudTrail',
        dest: 'bedrock.amazonaws.com',
        signature: 'ListFoundationModels',
        vendor_region: 'us-east-1',
      },
      time: new Date(T0 + 45 * MIN).toISOString(),
      firstTime: new Date(T0).toISOString(),
      lastTime: new Date(T0 + 45 * MIN).toISOString(),
      details: {
        count: 10,
        errorCodes: ['AccessDenied'],
        errorMessages: [events[0]!.errorMessage],
        threshold: 9,
        windowSeconds: 3600,
        riskObject: { type: 'user', value: 'eve', score: 50 },
        threatObject: { type: 'ip_address', value: '198.51.100.7' },
      },
    });
    expect(finding.evidence).toEqual(events.map((e) => e.raw));
    expect(stateSizeAfter).toBe(0);
  });

  it('counts a sliding window: 10 failures within 60 minutes fire, over 61 minutes do not', () => {
    const within = failures('c-60', [...range(9, 1), 60]);
    expect(runDetector(create(), within).findings).toHaveLength(1);
    // Any 60-minute span of these holds 9: [0, 60] misses 61, [1, 61] misses 0.
    const over = failures('c-61', [0, 53, 54, 55, 56, 57, 58, 59, 60, 61]);
    expect(runDetector(create(), over).findings).toEqual([]);
  });

  it('fires on a burst that straddles a clock hour', () => {
    const events = failures('c-straddle', range(10, 1, 25)); // 20:55 … 21:04
    expect(new Date(events[0]!.time).getUTCHours()).not.toBe(new Date(events[9]!.time).getUTCHours());
    expect(runDetector(create(), events).findings).toHaveLength(1);
  });

  it('re-arms over a 3-hour stream: one finding per hour of failures, the rest absorbed', () => {
    const context = testContext(ID);
    const events = failures('c-stream', range(180, 1)); // one a minute for 3 hours
    const { findings } = runDetector(create({}, context), events);
    // Fires at minute 9, re-arms at 69 (fires at 78), re-arms at 138 (fires at 147).
    expect(findings.map((f) => f.id)).toEqual([9, 78, 147].map((m) => findingId(ID, events[m]!.eventId)));
    expect(context.telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(180 - 30);
  });

  it('keeps the same user on two source IPs apart', () => {
    const a = failures('c-ip-a', range(5, 1), { sourceIp: '198.51.100.7' });
    const b = failures('c-ip-b', range(5, 1, 30), { sourceIp: '203.0.113.9' });
    expect(runDetector(create(), [...a, ...b]).findings).toEqual([]);
    const a2 = failures('c-ip-a2', range(10, 1), { sourceIp: '198.51.100.7' });
    const b2 = failures('c-ip-b2', range(10, 1), { sourceIp: '203.0.113.9' });
    const { findings } = runDetector(create(), [...a2, ...b2]);
    expect(findings.map((f) => f.group.src).sort()).toEqual(['198.51.100.7', '203.0.113.9']);
  });

  it('counts AccessDenied and AccessDeniedException (any case), not ThrottlingException or successes', () => {
    expect(runDetector(create(), failures('c-ade', range(10, 1), { errorCode: 'AccessDeniedException' })).findings).toHaveLength(1);
    expect(runDetector(create(), failures('c-lower', range(10, 1), { errorCode: 'accessdenied' })).findings).toHaveLength(1);
    expect(runDetector(create(), failures('c-throttle', range(10, 1), { errorCode: 'ThrottlingException' })).findings).toEqual([]);
    const mixed = [...failures('c-mix-a', range(9, 1)), ...failures('c-mix-b', [9], { errorCode: 'ThrottlingException' })];
    expect(runDetector(create(), mixed).findings).toEqual([]);
    const ev = new EventFactory('c-success', { identity: eve });
    const successes = range(10, 1).map((m) => ev.event({ time: T0 + m * MIN, action: 'ListFoundationModels' }));
    expect(runDetector(create(), successes).findings).toEqual([]);
    expect(runDetector(create({ errorCodes: ['ThrottlingException'] }), failures('c-custom', range(10, 1), { errorCode: 'ThrottlingException' })).findings).toHaveLength(1);
  });

  it('groups a missing user agent as unknown instead of dropping the events', () => {
    const { findings } = runDetector(create(), failures('c-no-agent', range(10, 1), { userAgent: null }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.group.user_agent).toBe('unknown');
  });

  it('names a role session by its role, as the Splunk add-on does', () => {
    const events = failures('c-role', range(10, 1), { identity: assumedRole({ roleName: 'bedrock-probe', sessionName: 'x' }) });
    expect(runDetector(create(), events).findings[0]!.group.user).toBe('bedrock-probe');
  });

  it('still fires when the failures arrive out of order, and ignores redelivered ones', () => {
    const events = failures('c-disorder', range(10, 3));
    const reversed = runDetector(create(), events, { order: range(10).reverse(), allowedLateness: 60 * MIN });
    expect(reversed.findings).toHaveLength(1);
    const five = failures('c-dupes', range(5, 1));
    expect(runDetector(create(), [...five, ...five], { order: 'given', allowedLateness: 10 * MIN }).findings).toEqual([]);
  });

  it('honours threshold and window, and validates them', () => {
    expect(runDetector(create({ threshold: 2, window: '10m' }), failures('c-small', [0, 5, 10])).findings).toHaveLength(1);
    expect(runDetector(create({ threshold: 2, window: '10m' }), failures('c-small-2', [0, 5, 11])).findings).toEqual([]);
    expect(listModelsFailuresConfigSchema.parse({})).toEqual({ window: 3_600_000, threshold: 9, errorCodes: ['AccessDenied', 'AccessDeniedException'] });
    for (const bad of [{ threshold: -1 }, { threshold: 1.5 }, { window: '0m' }, { errorCodes: [] }, { count: 9 }]) {
      expect(listModelsFailuresConfigSchema.safeParse(bad).success).toBe(false);
    }
  });
});
