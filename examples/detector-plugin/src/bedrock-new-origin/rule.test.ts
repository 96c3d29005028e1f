import { DETECTION_COUNTERS, findingId, type TrailEvent } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { newOriginConfigSchema } from './config.ts';
import { newOriginFactory } from './factory.ts';
import { NEW_ORIGIN_ID } from './meta.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const HOME = { sourceIp: '198.51.100.7', userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0' };
const VPS = { sourceIp: '185.220.101.34', userAgent: 'python-requests/2.31.0' };
const alice = iamUser({ userName: 'alice' });

function detector(options: Record<string, unknown> = {}, context = testContext(NEW_ORIGIN_ID)) {
  return newOriginFactory.create(newOriginConfigSchema.parse(options), context);
}

function ids(events: readonly TrailEvent[], options: Record<string, unknown> = {}): string[] {
  return runDetector(detector(options), events).ids;
}

const anchored = (...events: TrailEvent[]): string[] => events.map((e) => findingId(NEW_ORIGIN_ID, e.eventId));

describe('acme-bedrock-new-origin', () => {
  it('learns a key on its first invocation, then fires once for an invocation from a new IP and user agent', () => {
    const ev = new EventFactory('new-ip', { identity: alice });
    const first = ev.event({ time: T0, action: 'InvokeModel', ...HOME });
    const again = ev.event({ time: T0 + DAY, action: 'Converse', ...HOME });
    const stolen = ev.event({ time: T0 + 2 * DAY, action: 'InvokeModel', ...VPS });
    const repeat = ev.event({ time: T0 + 2 * DAY + MINUTE, action: 'InvokeModelWithResponseStream', ...VPS });
    const { findings } = runDetector(detector(), [first, again, stolen, repeat]);
    expect(findings.map((f) => f.id)).toEqual(anchored(stolen));
    expect(findings[0]).toMatchObject({
      detector: { id: NEW_ORIGIN_ID },
      severity: 'medium',
      group: { accessKeyId: alice.userIdentity.accessKeyId, userName: 'alice', sourceIp: VPS.sourceIp, userAgent: VPS.userAgent },
      details: { newTerms: ['sourceIp', 'userAgent'], knownSourceIps: [HOME.sourceIp], knownUserAgents: [HOME.userAgent] },
    });
    expect(findings[0]!.summary).toContain('new source IP 185.220.101.34 and a new user agent "python-requests/2.31.0"');
    expect(findings[0]!.evidence).toEqual([stolen.raw]);
  });

  it('fires on a new user agent from a known IP, and on a new IP with a known user agent', () => {
    const ev = new EventFactory('one-term', { identity: alice });
    const base = ev.event({ time: T0, action: 'InvokeModel', ...HOME });
    const newAgent = ev.event({ time: T0 + MINUTE, action: 'InvokeModel', sourceIp: HOME.sourceIp, userAgent: 'curl/8.5.0' });
    const newIp = ev.event({ time: T0 + 2 * MINUTE, action: 'InvokeModel', sourceIp: '203.0.113.50', userAgent: HOME.userAgent });
    const { findings } = runDetector(detector(), [base, newAgent, newIp]);
    expect(findings.map((f) => f.id)).toEqual(anchored(newAgent, newIp));
    expect(findings.map((f) => f.details?.['newTerms'])).toEqual([['userAgent'], ['sourceIp']]);
  });

  it('forgets an origin 7 days after the key last invoked from it, and treats a key quiet for 7 days as new', () => {
    const ev = new EventFactory('history', { identity: alice });
    const office = { sourceIp: '192.0.2.10', userAgent: HOME.userAgent };
    const events = [
      ev.event({ time: T0, action: 'InvokeModel', ...HOME }),
      ev.event({ time: T0 + MINUTE, action: 'InvokeModel', ...office }), // new IP: fires
      ev.event({ time: T0 + 6 * DAY, action: 'InvokeModel', ...HOME }),
      ev.event({ time: T0 + MINUTE + 7 * DAY, action: 'InvokeModel', ...office }), // exactly 7 days: still known
      ev.event({ time: T0 + 8 * DAY + 2 * MINUTE, action: 'InvokeModel', sourceIp: '192.0.2.99', userAgent: HOME.userAgent }), // fires
    ];
    expect(ids(events)).toEqual(anchored(events[1]!, events[4]!));
    const quiet = new EventFactory('dormant', { identity: alice });
    const dormant = [quiet.event({ time: T0, action: 'InvokeModel', ...HOME }), quiet.event({ time: T0 + 7 * DAY + 1000, action: 'InvokeModel', ...VPS })];
    expect(ids(dormant)).toEqual([]);
  });

  it('watches only successful invocations by long-term keys; other calls from the new origin do not make it known', () => {
    const ev = new EventFactory('scope');
    const role = assumedRole({ roleName: 'app' });
    const events = [
      ev.event({ time: T0, action: 'InvokeModel', identity: alice, ...HOME }),
      ev.event({ time: T0 + MINUTE, action: 'ListFoundationModels', identity: alice, ...VPS }),
      ev.event({ time: T0 + 2 * MINUTE, action: 'InvokeModel', identity: alice, errorCode: 'AccessDeniedException', ...VPS }),
      ev.event({ time: T0 + 3 * MINUTE, action: 'InvokeModel', identity: role, ...HOME }),
      ev.event({ time: T0 + 4 * MINUTE, action: 'InvokeModel', identity: role, ...VPS }),
      ev.event({ time: T0 + 5 * MINUTE, action: 'InvokeModel', identity: alice, ...VPS }),
    ];
    expect(ids(events)).toEqual(anchored(events[5]!));
  });

  it('finds the same ids in any arrival order within the allowed lateness, and once per redelivered event', () => {
    const ev = new EventFactory('disorder');
    const users = ['alice', 'bob', 'carol'].map((userName) => iamUser({ userName }));
    const origins = [HOME, VPS, { sourceIp: '203.0.113.9', userAgent: 'aws-cli/2.15.0 Python/3.11.6' }];
    const events = ev.events(60, (i) => ({
      time: T0 + Math.floor(i / 3) * 2 * MINUTE + (i % 2) * 1000,
      action: 'InvokeModel',
      identity: users[i % 3]!,
      ...origins[(i * 7) % 5 === 0 ? 1 + (i % 2) : 0]!,
    }));
    const reference = runDetector(detector(), events);
    expect(reference.ids.length).toBeGreaterThan(2);
    const lateness = 15 * MINUTE;
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffled = runDetector(detector(), events, { order: 'shuffled', seed, allowedLateness: lateness, batchSize: 3 });
      expect([...shuffled.ids].sort()).toEqual([...reference.ids].sort());
    }
    const redelivered = runDetector(detector(), [...events, ...events], { allowedLateness: lateness, order: 'given' });
    expect([...redelivered.ids].sort()).toEqual([...reference.ids].sort());
  });

  it('compares only the product of the user agent with userAgent: product', () => {
    const ev = new EventFactory('product', { identity: alice });
    const events = [
      ev.event({ time: T0, action: 'InvokeModel', ...HOME }),
      ev.event({ time: T0 + DAY, action: 'InvokeModel', sourceIp: HOME.sourceIp, userAgent: 'Boto3/1.35.2 md/Botocore#1.35.2 ua/2.0' }),
      ev.event({ time: T0 + 2 * DAY, action: 'InvokeModel', sourceIp: HOME.sourceIp, userAgent: 'curl/8.5.0' }),
    ];
    expect(ids(events, { userAgent: 'product' })).toEqual(anchored(events[2]!));
    expect(ids(events)).toEqual(anchored(events[1]!, events[2]!));
    expect(ids(events, { userAgent: 'ignore' })).toEqual([]);
  });

  it('only learns during the learning span after a key first appears', () => {
    const ev = new EventFactory('learning', { identity: alice });
    const fleet = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((sourceIp, i) => ev.event({ time: T0 + i * 10 * MINUTE, action: 'InvokeModel', sourceIp, userAgent: HOME.userAgent }));
    const later = ev.event({ time: T0 + 2 * 60 * MINUTE, action: 'InvokeModel', sourceIp: '10.0.0.4', userAgent: HOME.userAgent });
    expect(ids([...fleet, later], { learning: '1h' })).toEqual(anchored(later));
    expect(ids([...fleet, later])).toEqual(anchored(fleet[1]!, fleet[2]!, later));
  });

  it('keeps bounded state: a cap per key, and nothing once the watermark passes the history', () => {
    const context = testContext(NEW_ORIGIN_ID);
    const ev = new EventFactory('bounded', { identity: alice });
    const events = ev.events(50, (i) => ({ time: T0 + i * MINUTE, action: 'InvokeModel', sourceIp: `203.0.113.${i}`, userAgent: HOME.userAgent }));
    const run = runDetector(detector({ maxOriginsPerKey: 5 }, context), events);
    expect(run.findings).toHaveLength(49);
    expect(run.peakStateSize).toBeLessThanOrEqual(1 + 5 + 1 + 1);
    expect(run.stateSizeAfter).toBe(0);
    expect(context.telemetry.total(DETECTION_COUNTERS.overflow, { detector: NEW_ORIGIN_ID })).toBe(45);
  });

  it('rejects a config that watches nothing or has an empty history', () => {
    expect(newOriginConfigSchema.safeParse({ sourceIp: 'ignore', userAgent: 'ignore' }).success).toBe(false);
    expect(newOriginConfigSchema.safeParse({ history: '0s' }).success).toBe(false);
    expect(newOriginConfigSchema.safeParse({ window: '7d' }).success).toBe(false);
    expect(newOriginConfigSchema.parse({ history: '14d' }).history).toBe(14 * DAY);
  });
});
