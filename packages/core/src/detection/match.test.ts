import { describe, expect, it } from 'vitest';
import { findingId } from '../finding/finding-id.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { runDetector } from '../testing/run-detector.ts';
import { orUnknown } from './build-finding.ts';
import { testMeta } from './testdata/test-meta.ts';
import { match } from './match.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');

describe('match', () => {
  const detector = match({
    meta: testMeta('stop-logging'),
    id: 'stop-logging/prod',
    select: { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['StopLogging'] },
    finding: (e) => ({ group: { user: orUnknown(e.userName) }, summary: `${e.userName} stopped a trail`, details: { outcome: e.outcome } }),
  });

  it('emits one finding per matching event, named by the component id and the eventID', () => {
    const ev = new EventFactory('match', { source: 'cloudtrail.amazonaws.com' });
    const stop = ev.event({ time: T0, action: 'StopLogging' });
    const denied = ev.event({ time: T0 + 1000, action: 'StopLogging', errorCode: 'AccessDenied' });
    const other = ev.event({ time: T0 + 2000, action: 'DescribeTrails' });
    const { findings, stateSizeAfter } = runDetector(detector, [stop, denied, other]);
    expect(findings.map((f) => f.id)).toEqual([findingId('stop-logging/prod', stop.eventId), findingId('stop-logging/prod', denied.eventId)]);
    expect(findings[0]).toMatchObject({
      detector: { id: 'stop-logging/prod', title: 'Test rule stop-logging', version: '1.0.0' },
      severity: 'medium',
      riskScore: 50,
      time: '2024-10-17T20:00:00.000Z',
      firstTime: '2024-10-17T20:00:00.000Z',
      lastTime: '2024-10-17T20:00:00.000Z',
      group: { user: 'alice' },
      evidence: [stop.raw],
      details: { outcome: 'success' },
      references: ['https://example.com/rule'],
    });
    expect(findings[1]!.details).toEqual({ outcome: 'failure' });
    expect(stateSizeAfter).toBe(0);
  });
});

describe('a rule step without select', () => {
  it('is refused with what to write, also for a spec in the earlier interest + where shape', () => {
    const earlier = { meta: testMeta('old'), interest: [{ eventSource: 'bedrock.amazonaws.com' }], where: () => true, finding: () => ({ group: {}, summary: '' }) };
    expect(() => match(earlier as never)).toThrow(/needs `select`.*`interest` is now declared per step as `select`/);
    expect(() => match({ ...earlier, select: [{ eventSource: '' }] } as never)).toThrow(/needs `select`/);
  });
});
