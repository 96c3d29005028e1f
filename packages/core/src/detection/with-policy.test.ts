import { describe, expect, it } from 'vitest';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { assumedRole, iamUser } from '../testing/identities.ts';
import { runDetector } from '../testing/run-detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { orUnknown } from './build-finding.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { testMeta } from './testdata/test-meta.ts';
import { match } from './match.ts';
import { detectorPolicySchema } from './policy-schema.ts';
import { withPolicy } from './with-policy.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const MIN = 60_000;

const everyCall = () =>
  match({
    meta: testMeta('every-call'),
    select: 'all',
    finding: (e) => ({ group: { userName: orUnknown(e.userName), accessKeyId: orUnknown(e.accessKeyId) }, summary: 'call', details: { action: e.action } }),
  });

function run(policy: unknown, events: TrailEvent[], telemetry = new CounterSet()) {
  const detector = withPolicy(everyCall(), detectorPolicySchema.parse(policy), { telemetry, id: 'every-call/test' });
  return { ...runDetector(detector, events), telemetry };
}

describe('withPolicy exceptions', () => {
  const ev = new EventFactory('exceptions');
  const alice = ev.event({ time: T0, action: 'A', identity: iamUser({ userName: 'alice' }), sourceIp: '10.1.2.3' });
  const bob = ev.event({ time: T0 + 1000, action: 'B', identity: iamUser({ userName: 'bob' }), sourceIp: '203.0.113.9' });
  const ci = ev.event({ time: T0 + 2000, action: 'C', identity: assumedRole({ roleName: 'ci-deployer' }), sourceIp: '2001:db8::1' });
  const all = [alice, bob, ci];
  const users = (policy: unknown) => run(policy, all).findings.map((f) => f.group.userName);

  it('drops findings whose group field equals a value', () => {
    expect(users({ exceptions: [{ when: [{ field: 'userName', equals: ['alice', 'carol'] }] }] })).toEqual(['bob', 'ci-deployer']);
  });

  it('matches globs on evidence paths, case-insensitively, with * spanning /', () => {
    expect(users({ exceptions: [{ when: [{ field: 'userIdentity.sessionContext.sessionIssuer.arn', glob: 'arn:aws:iam::*:role/CI-*' }] }] })).toEqual(['alice', 'bob']);
    expect(users({ exceptions: [{ when: [{ field: 'userAgent', glob: 'boto3/*' }] }] })).toEqual([]);
  });

  it('matches globs against a 100 KB user agent, made to stall a backtracking matcher, in either direction', () => {
    const huge = ev.event({ time: T0, action: 'A', identity: iamUser({ userName: 'mallory' }), userAgent: 'a'.repeat(100_000) });
    const excepted = (glob: string) => run({ exceptions: [{ when: [{ field: 'userAgent', glob }] }] }, [huge]).findings.length === 0;
    expect(excepted('*a*a*a*a*a*a*b')).toBe(false);
    expect(excepted('*a*a*a*a*a*a*a')).toBe(true);
    expect(excepted('{*a?b,*[!a]}*')).toBe(false);
  });

  it('refuses a glob past its limits when the policy is validated', () => {
    const problems = detectorPolicySchema.safeParse({ exceptions: [{ when: [{ field: 'userAgent', glob: ['ok*', '{a,b}'.repeat(7)] }] }] }).error?.issues;
    expect(problems?.map((issue) => [issue.path, issue.message])).toEqual([
      [['exceptions', 0, 'when', 0, 'glob', 1], "a glob's {a,b} alternatives may expand to at most 64 patterns; this one expands to more"],
    ]);
  });

  it('matches IPv4 and IPv6 CIDR ranges and never a non-IP', () => {
    expect(users({ exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: ['10.0.0.0/8', '2001:db8::/32'] }] }] })).toEqual(['bob']);
    const service = ev.event({ time: T0, action: 'A', sourceIp: 'bedrock.amazonaws.com' });
    expect(run({ exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: '0.0.0.0/0' }] }] }, [service]).findings).toHaveLength(1);
  });

  it('needs every condition of an exception, and any exception', () => {
    const both = { when: [{ field: 'userName', equals: 'alice' }, { field: 'sourceIPAddress', cidr: '192.168.0.0/16' }] };
    expect(users({ exceptions: [both] })).toEqual(['alice', 'bob', 'ci-deployer']);
    expect(users({ exceptions: [both, { when: [{ field: 'details.action', equals: 'B' }] }] })).toEqual(['alice', 'ci-deployer']);
  });

  it('counts excepted findings in telemetry', () => {
    const { telemetry } = run({ exceptions: [{ when: [{ field: 'userName', glob: '*' }] }] }, all);
    expect(telemetry.total(DETECTION_COUNTERS.excepted, { detector: 'every-call/test' })).toBe(3);
  });
});

describe('withPolicy suppression', () => {
  const ev = new EventFactory('suppress', { identity: iamUser({ userName: 'alice' }) });

  it('keeps one finding per group per period in event time and reports the suppressed count on the next one', () => {
    const events = [0, 10, 20, 59, 60, 61, 200].map((m) => ev.event({ time: T0 + m * MIN, action: 'A' }));
    const other = ev.event({ time: T0 + 5 * MIN, action: 'A', identity: iamUser({ userName: 'bob' }) });
    const { findings, telemetry, stateSizeAfter } = run({ suppress: { by: ['userName'], for: '1h' } }, [...events, other]);
    expect(findings.map((f) => [f.group.userName, f.evidence[0]!.eventID, f.suppressed])).toEqual([
      ['alice', events[0]!.eventId, undefined],
      ['bob', other.eventId, undefined],
      ['alice', events[4]!.eventId, 3],
      ['alice', events[6]!.eventId, 1],
    ]);
    expect(telemetry.total(DETECTION_COUNTERS.suppressed, { detector: 'every-call/test' })).toBe(4);
    expect(stateSizeAfter).toBeGreaterThan(0); // a period outlives the events by up to two periods
  });

  it('suppresses by an evidence path, and a late finding from well before the period is emitted', () => {
    const events = [30, 40, 0].map((m, i) => ev.event({ time: T0 + m * 10 * MIN, action: 'A', sourceIp: `198.51.100.${i === 1 ? 1 : 2}` }));
    const { findings } = run({ suppress: { by: ['sourceIPAddress'], for: '15m' } }, events, undefined);
    expect(findings).toHaveLength(3);
    const same = [100, 105, 20].map((m) => ev.event({ time: T0 + m * MIN, action: 'A' }));
    const late = runDetector(withPolicy(everyCall(), detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '1h' } })), same, { order: 'given', allowedLateness: 2 * 60 * MIN });
    expect(late.findings.map((f) => f.evidence[0]!.eventID)).toEqual([same[0]!.eventId, same[2]!.eventId]);
  });

  it('forgets a group two periods after it opened', () => {
    const detector = withPolicy(everyCall(), detectorPolicySchema.parse({ suppress: { by: ['userName'], for: '10m' } }));
    detector.onEvent(ev.event({ time: T0, action: 'A' }), () => {});
    detector.onWatermark(T0 + 20 * MIN, () => {});
    expect(detector.stateSize()).toBe(1);
    detector.onWatermark(T0 + 20 * MIN + 1, () => {});
    expect(detector.stateSize()).toBe(0);
  });

  it('returns the detector itself when the policy is empty', () => {
    const inner = everyCall();
    expect(withPolicy(inner, detectorPolicySchema.parse({}))).toBe(inner);
  });
});

describe('detectorPolicySchema', () => {
  it('rejects conditions with no test or two tests, bad CIDRs and an empty period', () => {
    const problems = (policy: unknown) => detectorPolicySchema.safeParse(policy).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ exceptions: [{ when: [{ field: 'userName' }] }] })).toEqual(['an exception condition on "userName" needs exactly one of equals, glob or cidr']);
    expect(problems({ exceptions: [{ when: [{ field: 'userName', equals: 'a', glob: 'b' }] }] })).toHaveLength(1);
    expect(problems({ exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: '10.0.0.0/33' }] }] })[0]).toContain('is not a CIDR range');
    expect(problems({ suppress: { by: ['userName'], for: '0s' } })[0]).toContain('longer than 0');
    expect(problems({ suppress: { by: ['userName'], for: '1h' }, extra: 1 })).toHaveLength(1);
  });
});
