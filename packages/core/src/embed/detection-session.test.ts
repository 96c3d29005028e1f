import { describe, expect, it } from 'vitest';
import { findingId } from '../finding/finding-id.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { DetectionSession } from './detection-session.ts';
import { deletionRule, failuresRule } from './testdata/embed-rules.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;

describe('DetectionSession', () => {
  it('returns from each push the findings that batch completed, and the rest at end', () => {
    const ev = new EventFactory('session');
    const failures = ev.events(3, (i) => ({ time: T0 + i * MINUTE, action: 'ListFoundationModels', errorCode: 'AccessDenied' }));
    const deletion = ev.event({ time: T0 + 4 * MINUTE, action: 'DeleteModelInvocationLoggingConfiguration' });
    const session = new DetectionSession([failuresRule(), deletionRule()], { allowedLateness: MINUTE });
    expect(session.push(failures.slice(0, 2))).toEqual([]);
    expect(session.watermark).toBe(T0);
    expect(session.push([failures[2]!]).map((f) => f.id)).toEqual([findingId('test-failures', failures[2]!.eventId)]);
    expect(session.push([deletion]).map((f) => f.id)).toEqual([findingId('test-deletion', deletion.eventId)]);
    expect(session.end()).toEqual([]);
    expect(session.ended).toBe(true);
    expect(session.end()).toEqual([]);
    expect(() => session.push([deletion])).toThrow('push() after end()');
  });
});
