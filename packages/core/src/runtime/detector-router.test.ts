import { describe, expect, it } from 'vitest';
import type { Detector } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { DetectorRouter } from './detector-router.ts';

const detector = (interest: Interest): Detector => ({ interest }) as unknown as Detector;
const events = new EventFactory('router');
const at = (source: string, action: string) => events.event({ time: '2024-10-17T20:00:00Z', source, action });

describe('DetectorRouter', () => {
  it('routes each event to the detectors whose interest can match it, each once, names in any case', () => {
    const invoke = detector([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel', 'Converse'] }]);
    const bedrock = detector([{ eventSource: 'bedrock.amazonaws.com' }, { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }]);
    const everything = detector('all');
    const router = new DetectorRouter([invoke, bedrock, everything]);
    expect(router.route(at('bedrock.amazonaws.com', 'InvokeModel'))).toEqual([everything, bedrock, invoke]);
    expect(router.route(at('bedrock.amazonaws.com', 'invokemodel'))).toHaveLength(3);
    expect(router.route(at('bedrock.amazonaws.com', 'ListFoundationModels'))).toEqual([everything, bedrock]);
    expect(router.route(at('s3.amazonaws.com', 'InvokeModel'))).toEqual([everything]);
  });

  it('gives the same answer from its cache, and none when nothing is interested', () => {
    const invoke = detector([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }]);
    const router = new DetectorRouter([invoke]);
    for (let i = 0; i < 3; i++) {
      expect(router.route(at('bedrock.amazonaws.com', 'InvokeModel'))).toEqual([invoke]);
      expect(router.route(at('bedrock.amazonaws.com', 'Converse'))).toEqual([]);
      expect(router.route(at('kms.amazonaws.com', 'InvokeModel'))).toEqual([]);
    }
  });
});
