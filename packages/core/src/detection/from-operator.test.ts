import { filter, map, mergeMap, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding/finding.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { runDetector } from '../testing/run-detector.ts';
import { buildFinding } from './build-finding.ts';
import { fromOperator } from './from-operator.ts';
import { testMeta } from './testdata/test-meta.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const meta = testMeta('operator');

describe('fromOperator', () => {
  it('runs a plain RxJS operator as a detector, emitting synchronously', () => {
    const detector = fromOperator({
      meta,
      interest: 'all',
      span: 0,
      operator: (events) =>
        events.pipe(
          filter((e) => e.outcome === 'failure'),
          map((e) => buildFinding({ meta, detectorId: 'operator', anchor: e, evidence: [e], group: {}, summary: e.errorCode ?? '' })),
        ),
    });
    const ev = new EventFactory('op');
    const events = [ev.event({ time: T0, action: 'A' }), ev.event({ time: T0 + 1000, action: 'B', errorCode: 'Denied' })];
    expect(runDetector(detector, events).findings.map((f) => f.summary)).toEqual(['Denied']);
    // Flushed detectors start again: a second run sees the same.
    expect(runDetector(detector, events).findings.map((f) => f.summary)).toEqual(['Denied']);
  });

  it('hands watermarks to the operator so it can close windows in event time', () => {
    const seen: number[] = [];
    const detector = fromOperator({ meta, interest: 'all', span: 0, operator: (_events, watermarks) => watermarks.pipe(mergeMap((w) => (seen.push(w), of<Finding>()))) });
    const ev = new EventFactory('op-w');
    runDetector(detector, [ev.event({ time: T0, action: 'A' }), ev.event({ time: T0 + 5000, action: 'A' })]);
    expect(seen).toEqual([T0, T0 + 5000, T0 + 5001]);
  });

  it('reports an operator error and restarts it on the next event', () => {
    const errors: unknown[] = [];
    let subscriptions = 0;
    const detector = fromOperator({
      meta,
      interest: 'all',
      span: 0,
      onError: (error) => errors.push(error),
      operator: (events) => {
        subscriptions++;
        return events.pipe(mergeMap((e) => (e.action === 'Boom' ? throwError(() => new Error('boom')) : of<Finding>())));
      },
    });
    const ev = new EventFactory('op-err');
    runDetector(detector, [ev.event({ time: T0, action: 'Boom' }), ev.event({ time: T0 + 1, action: 'Fine' })]);
    expect(errors).toHaveLength(1);
    expect(subscriptions).toBeGreaterThanOrEqual(2);
  });
});
