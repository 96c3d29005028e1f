import { firstValueFrom, from, lastValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { findingId } from '../finding/finding-id.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { iamUser } from '../testing/identities.ts';
import { detect } from './detect.ts';
import { deletionRule, failuresRule } from './testdata/embed-rules.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;

function stream(seed: string): TrailEvent[] {
  const ev = new EventFactory(seed, { identity: iamUser({ userName: seed }) });
  return [
    ...ev.events(3, (i) => ({ time: T0 + i * MINUTE, action: 'ListFoundationModels', errorCode: 'AccessDenied' })),
    ev.event({ time: T0 + 5 * MINUTE, action: 'DeleteModelInvocationLoggingConfiguration' }),
    ev.event({ time: T0 + 6 * MINUTE, action: 'InvokeModel' }),
  ];
}

const ids = (detector: string, events: readonly TrailEvent[], indexes: readonly number[]) => indexes.map((i) => findingId(detector, events[i]!.eventId));

describe('detect', () => {
  it('runs detectors over an array, an async iterable or an Observable, with the same findings', async () => {
    const events = stream('mallory');
    const expected = [...ids('test-failures', events, [2]), ...ids('test-deletion', events, [3])];
    async function* slowly() {
      for (const event of events) {
        await new Promise((resolve) => setImmediate(resolve));
        yield event;
      }
    }
    for (const input of [events, slowly(), from(events), [events.slice(0, 2), events.slice(2)]]) {
      const findings = await lastValueFrom(detect(input, [failuresRule(), deletionRule()]).pipe(toArray()));
      expect(findings.map((f) => f.id)).toEqual(expected);
    }
  });

  it('emits a finding as soon as its evidence arrives, before the input ends', async () => {
    const events = stream('live');
    const input = new Subject<TrailEvent>();
    const first = firstValueFrom(detect(input, [deletionRule()]));
    for (const event of events.slice(0, 4)) input.next(event);
    expect((await first).id).toBe(ids('test-deletion', events, [3])[0]);
    input.complete();
  });

  it('keeps two streams apart: their detectors, watermarks and counters share nothing', async () => {
    const a = new Subject<TrailEvent>();
    const b = new Subject<TrailEvent>();
    const telemetryA = new CounterSet();
    const telemetryB = new CounterSet();
    const found = { a: [] as string[], b: [] as string[] };
    detect(a, [failuresRule(), deletionRule()], { telemetry: telemetryA }).subscribe((f) => found.a.push(f.id));
    detect(b, [failuresRule(), deletionRule()], { telemetry: telemetryB }).subscribe((f) => found.b.push(f.id));
    const eventsA = stream('alice');
    const eventsB = stream('bob').slice(0, 2); // two failures only: no finding
    eventsA.forEach((event, i) => {
      a.next(event);
      if (eventsB[i]) b.next(eventsB[i]);
    });
    a.complete();
    b.complete();
    expect(found.a).toEqual([...ids('test-failures', eventsA, [2]), ...ids('test-deletion', eventsA, [3])]);
    expect(found.b).toEqual([]);
    expect(telemetryA.total('jackwatch.source.events.read')).toBe(5);
    expect(telemetryB.total('jackwatch.source.events.read')).toBe(2);
    expect(telemetryA.total('jackwatch.detector.findings', { detector: 'test-failures' })).toBe(1);
  });

  it('sorts within the ordering lateness, and refuses a second subscription to the same detectors', async () => {
    const events = stream('order');
    const seen: string[] = [];
    const recorder: Detector = { meta: deletionRule().meta, interest: 'all', span: 0, onEvent: (e) => void seen.push(e.eventId), onWatermark() {}, flush() {}, stateSize: () => 0 };
    const observable = detect([...events].reverse(), [recorder], { allowedLateness: 0, ordering: { lateness: 10 * MINUTE } });
    expect(await lastValueFrom(observable.pipe(toArray()))).toEqual([]);
    expect(seen).toEqual(events.map((e) => e.eventId));
    seen.length = 0;
    await lastValueFrom(detect([...events].reverse(), [recorder], { allowedLateness: 0 }).pipe(toArray()));
    expect(seen).toEqual(events.map((e) => e.eventId).reverse());
    await expect(lastValueFrom(observable)).rejects.toThrow('already subscribed');
  });

  it('passes a failing input on as an error', async () => {
    async function* failing(): AsyncGenerator<TrailEvent> {
      yield stream('x')[0]!;
      throw new Error('queue connection lost');
    }
    await expect(lastValueFrom(detect(failing(), [deletionRule()]))).rejects.toThrow('queue connection lost');
  });
});
