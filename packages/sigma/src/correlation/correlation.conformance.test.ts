import type { Detector, Finding, TrailEvent } from '@jackwatch/core';
import { EventFactory, assumedRole, iamUser, runDetector } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { baseRule, correlationRule, sigmaBundle, sigmaMember } from '../testdata/sigma-bundle.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const LATENESS = 15 * MIN;
const mallory = iamUser({ userName: 'mallory' });
const trent = iamUser({ userName: 'trent' });

/** The findings of one run of a fresh detector, with the pipeline's default lateness. */
function run(detector: () => Detector, events: readonly TrailEvent[], order: 'sorted' | 'shuffled' = 'sorted', seed = 1): { findings: Finding[] } {
  return { findings: runDetector(detector(), events, { order, seed, allowedLateness: LATENESS }).findings };
}
/** The same finding ids for every shuffled arrival within the lateness as for sorted input. */
function expectOrderInvariant(detector: () => Detector, events: readonly TrailEvent[]): void {
  const sorted = runDetector(detector(), events, { allowedLateness: LATENESS }).ids.sort();
  for (let seed = 1; seed <= 20; seed++) expect(runDetector(detector(), events, { order: 'shuffled', seed, allowedLateness: LATENESS }).ids.sort(), `seed ${seed}`).toEqual(sorted);
}

describe('event_count (threshold: sliding window, re-arm)', () => {
  const files = (condition: string) => ({
    'c.yml': [correlationRule('denied-burst', 'event_count', ['denied'], `    group-by: [userIdentity.arn]\n    timespan: 10m\n    condition: ${condition}`), baseRule('denied', 'ListFoundationModels', 'bedrock.amazonaws.com', '        errorCode: AccessDenied')].join('\n---\n'),
  });
  const detector = () => sigmaMember(files('{ gte: 3 }'), 'denied-burst');
  const denied = (ev: EventFactory, offsets: number[], identity = mallory): TrailEvent[] => offsets.map((t) => ev.event({ time: T0 + t, action: 'ListFoundationModels', errorCode: 'AccessDenied', identity }));

  it('fires at the event that brings the count to the condition, the window inclusive at both ends', () => {
    const ev = new EventFactory('count');
    const events = denied(ev, [0, 5 * MIN, 10 * MIN]);
    const { findings } = run(detector, events);
    expect(findings.map((f) => [f.detector.id, f.time, f.firstTime, f.details?.['count']])).toEqual([['denied-burst', '2026-03-02T10:10:00.000Z', '2026-03-02T10:00:00.000Z', 3]]);
    expect(findings[0]!.evidence.map((r) => r.eventID)).toEqual(events.map((e) => e.eventId));
    expect(findings[0]!.group).toEqual({ 'userIdentity.arn': 'arn:aws:iam::123456789012:user/mallory' });
    expect(run(detector, denied(new EventFactory('count-2'), [0, 5 * MIN, 10 * MIN + 1000])).findings).toEqual([]);
  });

  it('gt n is gte n + 1', () => {
    const events = denied(new EventFactory('gt'), [0, MIN, 2 * MIN]);
    expect(run(() => sigmaMember(files('{ gt: 2 }'), 'denied-burst'), events).findings).toHaveLength(1);
    expect(run(() => sigmaMember(files('{ gt: 3 }'), 'denied-burst'), events).findings).toHaveLength(0);
  });

  it('counts per group, a missing group field under "unknown", and re-arms a window after firing', () => {
    const ev = new EventFactory('groups');
    const events = [...denied(ev, [0, MIN], mallory), ...denied(ev, [2 * MIN], trent), ...denied(ev, [3 * MIN, 3 * MIN, 4 * MIN], iamUser({ userName: 'x' })).map(withoutArn)];
    expect(run(detector, events).findings.map((f) => f.group['userIdentity.arn'])).toEqual(['unknown']);
    const rearm = denied(new EventFactory('rearm'), [0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 12 * MIN, 13 * MIN, 14 * MIN]);
    expect(run(detector, rearm).findings.map((f) => f.time)).toEqual(['2026-03-02T10:02:00.000Z', '2026-03-02T10:14:00.000Z']);
  });

  it('never misses a firing group under shuffled arrival', () => {
    const events = denied(new EventFactory('shuffle'), [0, 4 * MIN, 9 * MIN, 30 * MIN, 31 * MIN]);
    for (let seed = 1; seed <= 20; seed++) expect(run(detector, events, 'shuffled', seed).findings).toHaveLength(1);
  });
});

describe('value_count (distinctCount)', () => {
  const files = {
    'c.yml': [
      correlationRule('regions', 'value_count', ['invoke'], '    group-by: [userIdentity.accessKeyId]\n    timespan: 1h\n    condition: { field: awsRegion, gte: 2 }'),
      baseRule('invoke', 'InvokeModel'),
    ].join('\n---\n'),
  };
  const detector = () => sigmaMember(files, 'regions');

  it('fires at the event that brings the n-th distinct value within the window', () => {
    const ev = new EventFactory('regions', { identity: mallory });
    const events = [
      ev.event({ time: T0, action: 'InvokeModel', region: 'us-east-1' }),
      ev.event({ time: T0 + 10 * MIN, action: 'InvokeModel', region: 'us-east-1' }),
      ev.event({ time: T0 + 60 * MIN, action: 'InvokeModel', region: 'eu-west-1' }),
    ];
    const { findings } = run(detector, events);
    expect(findings.map((f) => [f.time, f.details?.['values']])).toEqual([['2026-03-02T11:00:00.000Z', ['us-east-1', 'eu-west-1']]]);
    expect(findings[0]!.id).toBe(runDetector(detector(), events).ids[0]);
    expectOrderInvariant(detector, events);
  });

  it('stays quiet when the values are more than the window apart, or repeat one value', () => {
    const ev = new EventFactory('regions-2', { identity: mallory });
    expect(run(detector, [ev.event({ time: T0, action: 'InvokeModel', region: 'us-east-1' }), ev.event({ time: T0 + 60 * MIN + 1000, action: 'InvokeModel', region: 'eu-west-1' })]).findings).toEqual([]);
    expect(run(detector, ev.events(5, (i) => ({ time: T0 + i * MIN, action: 'InvokeModel', region: 'us-east-1' }))).findings).toEqual([]);
  });
});

describe('temporal (distinct rules in a sliding window, any order)', () => {
  const rules = [baseRule('listing', 'ListFoundationModels'), baseRule('logging-check', 'GetModelInvocationLoggingConfiguration'), baseRule('invocation', 'InvokeModel')];
  const files = (condition = '') => ({ 'c.yml': [correlationRule('recon', 'temporal', ['listing', 'logging-check', 'invocation'], `    group-by: [userIdentity.accessKeyId]\n    timespan: 10m${condition}`), ...rules].join('\n---\n') });
  const ev = new EventFactory('temporal', { identity: mallory });
  const steps = (offsets: [number, number, number]): TrailEvent[] => [
    ev.event({ time: T0 + offsets[0], action: 'InvokeModel' }),
    ev.event({ time: T0 + offsets[1], action: 'ListFoundationModels' }),
    ev.event({ time: T0 + offsets[2], action: 'GetModelInvocationLoggingConfiguration' }),
  ];

  it('fires once every rule has matched within the timespan, in any order, anchored on the event that completed the set', () => {
    const events = steps([0, 4 * MIN, 10 * MIN]);
    const { findings } = run(() => sigmaMember(files(), 'recon'), events);
    expect(findings.map((f) => [f.time, f.details?.['values']])).toEqual([['2026-03-02T10:10:00.000Z', ['invocation', 'listing', 'logging-check']]]);
    expectOrderInvariant(() => sigmaMember(files(), 'recon'), events);
    expect(run(() => sigmaMember(files(), 'recon'), steps([0, 4 * MIN, 10 * MIN + 1000])).findings).toEqual([]);
  });

  it('takes a count condition: 2 of the 3 rules', () => {
    const events = steps([0, 30 * MIN, 31 * MIN]);
    const { findings } = run(() => sigmaMember(files('\n    condition: { gte: 2 }'), 'recon'), events);
    expect(findings.map((f) => f.time)).toEqual(['2026-03-02T10:31:00.000Z']);
  });
});

describe('temporal_ordered (sequence: one finding per followed first step)', () => {
  const files = {
    'c.yml': [
      correlationRule('enum-then-invoke', 'temporal_ordered', ['listing', 'invocation'], '    group-by: [userIdentity.accessKeyId]\n    timespan: 15m'),
      baseRule('listing', 'ListFoundationModels'),
      baseRule('invocation', 'InvokeModel'),
    ].join('\n---\n'),
  };
  const detector = () => sigmaMember(files, 'enum-then-invoke');

  it('fires when the steps come in order within the timespan (both ends inclusive, the same second counts)', () => {
    const ev = new EventFactory('ordered', { identity: mallory });
    const listing = ev.event({ time: T0, action: 'ListFoundationModels' });
    const atSpan = ev.event({ time: T0 + 15 * MIN, action: 'InvokeModel' });
    const { findings } = run(detector, [listing, atSpan]);
    expect(findings.map((f) => [f.firstTime, f.time, f.evidence.length])).toEqual([['2026-03-02T10:00:00.000Z', '2026-03-02T10:15:00.000Z', 2]]);
    expect(findings[0]!.group).toEqual({ 'userIdentity.accessKeyId': listing.accessKeyId });
    expect(run(detector, [listing, ev.event({ time: T0, action: 'InvokeModel' })]).findings).toHaveLength(1);
    expect(run(detector, [listing, ev.event({ time: T0 + 15 * MIN + 1000, action: 'InvokeModel' })]).findings).toEqual([]);
    expect(run(detector, [ev.event({ time: T0 - 1000, action: 'InvokeModel' }), listing]).findings).toEqual([]);
  });

  it('gives one finding per first step followed, whatever the arrival order', () => {
    const ev = new EventFactory('ordered-2', { identity: mallory });
    const events = [ev.event({ time: T0, action: 'ListFoundationModels' }), ev.event({ time: T0 + MIN, action: 'ListFoundationModels' }), ev.event({ time: T0 + 2 * MIN, action: 'InvokeModel' })];
    expect(run(detector, events).findings).toHaveLength(2);
    expectOrderInvariant(detector, events);
  });

  it('keeps keys apart', () => {
    const ev = new EventFactory('ordered-3');
    expect(run(detector, [ev.event({ time: T0, action: 'ListFoundationModels', identity: mallory }), ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: trent })]).findings).toEqual([]);
  });

  it('spec "temporal_ordered behaves like temporal": an event without the group-by field joins the "unknown" group, as for every other type', () => {
    const ev = new EventFactory('ordered-4');
    const role = assumedRole({ roleName: 'app' });
    const events = [withoutKey(ev.event({ time: T0, action: 'ListFoundationModels', identity: role })), withoutKey(ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: role }))];
    const { findings } = run(detector, events);
    expect(findings.map((f) => [f.group, f.evidence.map((r) => r.eventID)])).toEqual([[{ 'userIdentity.accessKeyId': 'unknown' }, events.map((e) => e.eventId)]]);
    // A missing field and a present one are still different keys.
    expect(run(detector, [events[0]!, ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: mallory })]).findings).toEqual([]);
    expectOrderInvariant(detector, events);
  });

  it('joins every event when there is no group-by', () => {
    const ungrouped = { 'c.yml': files['c.yml'].replace('    group-by: [userIdentity.accessKeyId]\n', '') };
    const ev = new EventFactory('ungrouped');
    const events = [ev.event({ time: T0, action: 'ListFoundationModels', identity: mallory }), ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: trent })];
    expect(run(() => sigmaMember(ungrouped, 'enum-then-invoke'), events).findings.map((f) => f.group)).toEqual([{}]);
  });

  it('groups through aliases: a field per rule', () => {
    const aliased = {
      'c.yml': [
        correlationRule('new-key-used', 'temporal_ordered', ['key-created', 'models-listed'], '    group-by: [user]\n    timespan: 1h\n    aliases:\n        user:\n            key-created: requestParameters.userName\n            models-listed: userIdentity.userName'),
        baseRule('key-created', 'CreateAccessKey', 'iam.amazonaws.com'),
        baseRule('models-listed', 'ListFoundationModels'),
      ].join('\n---\n'),
    };
    const ev = new EventFactory('alias');
    const created = ev.event({ time: T0, action: 'CreateAccessKey', source: 'iam.amazonaws.com', identity: iamUser({ userName: 'admin' }), requestParameters: { userName: 'mallory' } });
    const listed = ev.event({ time: T0 + 5 * MIN, action: 'ListFoundationModels', identity: mallory });
    const other = ev.event({ time: T0 + 6 * MIN, action: 'ListFoundationModels', identity: trent });
    const { findings } = run(() => sigmaMember(aliased, 'new-key-used'), [created, listed, other]);
    expect(findings.map((f) => [f.group, f.evidence.map((r) => r.eventID)])).toEqual([[{ user: 'mallory' }, [created.eventId, listed.eventId]]]);
  });
});

describe('conditions with an upper bound (fixed windows, decided when the watermark passes them)', () => {
  const files = (type: string, condition: string) => ({
    'c.yml': [correlationRule('few', type, ['denied'], `    group-by: [userIdentity.arn]\n    timespan: 10m\n    condition: ${condition}`), baseRule('denied', 'ListFoundationModels')].join('\n---\n'),
  });
  const ev = new EventFactory('upper', { identity: mallory });
  const at = (offsets: number[], region = 'us-east-1'): TrailEvent[] => offsets.map((t) => ev.event({ time: T0 + t, action: 'ListFoundationModels', region }));

  it('lt: fires for a window whose count stays under the bound, anchored on its first event, once the window has passed', () => {
    const detector = () => sigmaMember(files('event_count', '{ lt: 3 }'), 'few');
    const events = at([MIN, 2 * MIN]);
    const { findings } = run(detector, events);
    expect(findings.map((f) => [f.firstTime, f.time, f.details?.['count'], f.details?.['windowStart'], f.details?.['windowEnd']])).toEqual([
      ['2026-03-02T10:01:00.000Z', '2026-03-02T10:02:00.000Z', 2, '2026-03-02T10:00:00.000Z', '2026-03-02T10:10:00.000Z'],
    ]);
    expect(findings[0]!.evidence[0]!.eventID).toBe(events[0]!.eventId);
    expect(run(detector, at([MIN, 2 * MIN, 3 * MIN])).findings).toEqual([]);
    // Windows are [k × 10m, (k + 1) × 10m): 10:09:59 and 10:10:00 fall in two windows of one event each.
    expect(run(detector, at([10 * MIN - 1000, 10 * MIN])).findings.map((f) => f.firstTime)).toEqual(['2026-03-02T10:09:59.000Z', '2026-03-02T10:10:00.000Z']);
  });

  it('decides nothing before the watermark passes the window, and everything at the end of input', () => {
    const detector = sigmaMember(files('event_count', '{ eq: 2 }'), 'few');
    const emitted: Finding[] = [];
    for (const event of at([MIN, 2 * MIN])) detector.onEvent(event, (f) => emitted.push(f));
    detector.onWatermark(T0 + 10 * MIN - 1, (f) => emitted.push(f));
    expect(emitted).toEqual([]);
    detector.flush((f) => emitted.push(f));
    expect(emitted).toHaveLength(1);
    expect(detector.stateSize()).toBe(0);
  });

  it('does not depend on arrival order, and takes eq and ranges', () => {
    const events = [...at([0, MIN, 2 * MIN]), ...at([12 * MIN, 13 * MIN]), ...at([25 * MIN])];
    expectOrderInvariant(() => sigmaMember(files('event_count', '{ eq: 2 }'), 'few'), events);
    expect(run(() => sigmaMember(files('event_count', '{ eq: 2 }'), 'few'), events).findings.map((f) => f.firstTime)).toEqual(['2026-03-02T10:12:00.000Z']);
    expect(run(() => sigmaMember(files('event_count', '{ gt: 1, lte: 3 }'), 'few'), events).findings.map((f) => f.firstTime)).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-02T10:12:00.000Z']);
  });

  it('value_count with an upper bound counts distinct values per window', () => {
    const detector = () => sigmaMember(files('value_count', '{ field: awsRegion, lte: 1 }'), 'few');
    const events = [...at([0, MIN]), ...at([12 * MIN]), ...at([13 * MIN], 'eu-west-1')];
    const { findings } = run(detector, events);
    expect(findings.map((f) => [f.firstTime, f.details?.['values']])).toEqual([['2026-03-02T10:00:00.000Z', ['us-east-1']]]);
    expectOrderInvariant(detector, events);
  });

  it('counts a redelivered event once', () => {
    const events = at([MIN, 2 * MIN]);
    expect(run(() => sigmaMember(files('event_count', '{ eq: 2 }'), 'few'), [...events, events[0]!]).findings).toHaveLength(1);
  });
});

describe('generate', () => {
  const correlation = (generate: string) => correlationRule('pair', 'temporal_ordered', ['listing', 'invocation'], `    group-by: [userIdentity.accessKeyId]\n    timespan: 15m${generate}`);
  const rules = [baseRule('listing', 'ListFoundationModels'), baseRule('invocation', 'InvokeModel')];

  it('a rule a correlation uses emits nothing itself, unless the correlation says generate: true', () => {
    expect(sigmaBundle({ 'c.yml': [correlation(''), ...rules].join('\n---\n') }).members.map((m) => m.id)).toEqual(['pair']);
    expect(sigmaBundle({ 'c.yml': [correlation('\n    generate: true'), ...rules].join('\n---\n') }).members.map((m) => m.id)).toEqual(['listing', 'invocation', 'pair']);
  });
});

function withoutArn(event: TrailEvent): TrailEvent {
  const { arn: _arn, ...identity } = event.raw.userIdentity!;
  return { ...event, principalArn: undefined, raw: { ...event.raw, userIdentity: identity } };
}

function withoutKey(event: TrailEvent): TrailEvent {
  const { accessKeyId: _key, ...identity } = event.raw.userIdentity!;
  return { ...event, accessKeyId: undefined, raw: { ...event.raw, userIdentity: identity } };
}
