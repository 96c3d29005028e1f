import { checkDetectorFactory, EventFactory, iamUser } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { bedrockDetectors } from './index.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const ev = new EventFactory('conformance', { identity: iamUser({ userName: 'dev' }) });
const firing: Record<string, ReturnType<EventFactory['event']>[]> = {
  'aws-bedrock-enum-then-invoke-long-term-key': [ev.event({ time: T0, action: 'ListFoundationModels' }), ev.event({ time: T0 + 60_000, action: 'InvokeModel' })],
  'aws-bedrock-logging-deletion': [ev.event({ time: T0, action: 'DeleteModelInvocationLoggingConfiguration' })],
  'aws-bedrock-logging-deletion-non-admin': [ev.event({ time: T0, action: 'DeleteModelInvocationLoggingConfiguration' })],
  'aws-bedrock-list-models-failures': ev.events(10, (i) => ({ time: T0 + i * 1000, action: 'ListFoundationModels', errorCode: 'AccessDenied' })),
};

describe('bedrockDetectors', () => {
  it('holds the four Bedrock rules under their ids', () => {
    expect(bedrockDetectors.map((f) => f.type)).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-logging-deletion',
      'aws-bedrock-logging-deletion-non-admin',
      'aws-bedrock-list-models-failures',
    ]);
  });

  for (const factory of bedrockDetectors) {
    it(`${factory.type} passes the detector conformance kit`, () => {
      expect(checkDetectorFactory(factory, { firing: firing[factory.type]! })).toEqual([]);
    });
  }
});
