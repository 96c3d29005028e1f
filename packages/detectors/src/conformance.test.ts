import { checkDetectorFactory, EventFactory, iamUser } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { bedrockComponents, bedrockDetectors, bedrockPackFactory } from './index.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const ev = new EventFactory('conformance', { identity: iamUser({ userName: 'dev' }) });
const at = (second: number, action: string, extra: object = {}) => ev.event({ time: T0 + second * 1000, action, ...extra });
const firing: Record<string, ReturnType<EventFactory['event']>[]> = {
  'aws-bedrock-enum-then-invoke-long-term-key': [at(0, 'ListFoundationModels'), at(60, 'InvokeModel')],
  'aws-bedrock-logging-deletion': [at(0, 'DeleteModelInvocationLoggingConfiguration')],
  'aws-bedrock-logging-deletion-non-admin': [at(0, 'DeleteModelInvocationLoggingConfiguration')],
  'aws-bedrock-list-models-failures': ev.events(10, (i) => ({ time: T0 + i * 1000, action: 'ListFoundationModels', errorCode: 'AccessDenied' })),
  'aws-bedrock-model-access-long-term-key': [at(0, 'PutFoundationModelEntitlement')],
  'aws-bedrock-logging-reconfigured': [at(0, 'PutModelInvocationLoggingConfiguration')],
  'aws-bedrock-guardrail-tampering': [at(0, 'DeleteGuardrail', { requestParameters: { guardrailIdentifier: 'gr-1' } })],
  'aws-bedrock-logging-check-then-invoke': [at(0, 'GetModelInvocationLoggingConfiguration'), at(60, 'Converse')],
  'aws-bedrock-invocation-probing': ['anthropic.claude-v2', 'meta.llama3-70b-instruct-v1:0', 'mistral.mistral-large-2402-v1:0'].map((modelId, i) => at(i, 'InvokeModel', { modelId, errorCode: 'ValidationException' })),
  'aws-bedrock-multi-region-invocation': ['us-east-1', 'us-west-2', 'eu-west-1'].map((region, i) => at(i, 'InvokeModel', { region })),
  'aws-bedrock-invocation-burst': ev.events(501, (i) => ({ time: T0 + i * 1000, action: 'InvokeModel' })),
  'aws-bedrock-llmjacking-kill-chain': [at(0, 'ListFoundationModels'), at(1, 'PutUseCaseForModelAccess'), at(2, 'InvokeModel')],
};

describe('bedrockDetectors', () => {
  it('holds the twelve Bedrock rules under their ids, and bedrockComponents the pack too', () => {
    expect(bedrockDetectors.map((f) => f.type)).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-logging-deletion',
      'aws-bedrock-logging-deletion-non-admin',
      'aws-bedrock-list-models-failures',
      'aws-bedrock-model-access-long-term-key',
      'aws-bedrock-logging-reconfigured',
      'aws-bedrock-guardrail-tampering',
      'aws-bedrock-logging-check-then-invoke',
      'aws-bedrock-invocation-probing',
      'aws-bedrock-multi-region-invocation',
      'aws-bedrock-invocation-burst',
      'aws-bedrock-llmjacking-kill-chain',
    ]);
    expect(bedrockComponents.map((f) => f.type)).toEqual([...bedrockDetectors.map((f) => f.type), 'aws-bedrock']);
  });

  for (const factory of bedrockDetectors) {
    it(`${factory.type} passes the detector conformance kit`, () => {
      expect(checkDetectorFactory(factory, { firing: firing[factory.type]! })).toEqual([]);
    });
  }

  it('the aws-bedrock pack passes the detector conformance kit', () => {
    expect(checkDetectorFactory(bedrockPackFactory, { firing: firing['aws-bedrock-llmjacking-kill-chain']! })).toEqual([]);
  });
});
