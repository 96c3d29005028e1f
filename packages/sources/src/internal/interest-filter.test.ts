import { describe, expect, it } from 'vitest';
import { compileInterest } from './interest-filter.ts';

describe('compileInterest', () => {
  it('matches event sources exactly and event names in any case', () => {
    const filter = compileInterest([
      { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
      { eventSource: 'bedrock.amazonaws.com', eventNames: ['ListFoundationModels'] },
      { eventSource: 'iam.amazonaws.com' },
    ])!;
    expect(filter.needles).toEqual(['bedrock.amazonaws.com', 'iam.amazonaws.com', '\\u']);
    expect(filter.needleBytes?.map((b) => b.toString())).toEqual(filter.needles);
    expect(filter.matches('bedrock.amazonaws.com', 'invokemodel')).toBe(true);
    expect(filter.matches('bedrock.amazonaws.com', 'ListFoundationModels')).toBe(true);
    expect(filter.matches('bedrock.amazonaws.com', 'Converse')).toBe(false);
    expect(filter.matches('BEDROCK.amazonaws.com', 'InvokeModel')).toBe(false);
    expect(filter.matches('iam.amazonaws.com', 'AnythingAtAll')).toBe(true);
  });

  it('selects every name of a source once any selector of it lists none, and nothing for "all"', () => {
    const filter = compileInterest([{ eventSource: 's3.amazonaws.com' }, { eventSource: 's3.amazonaws.com', eventNames: ['GetObject'] }])!;
    expect(filter.matches('s3.amazonaws.com', 'PutObject')).toBe(true);
    expect(compileInterest('all')).toBeUndefined();
    expect(compileInterest([])!.matches('s3.amazonaws.com', 'GetObject')).toBe(false);
  });

  it('matches names of any source in any case, and has no needles then: bytes cannot tell such a record', () => {
    const filter = compileInterest([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }, { eventNames: ['DeleteTrail'] }])!;
    expect(filter.needles).toBeUndefined();
    expect(filter.needleBytes).toBeUndefined();
    expect(filter.matches('cloudtrail.amazonaws.com', 'DeleteTrail')).toBe(true);
    expect(filter.matches('anything.example', 'deletetrail')).toBe(true);
    expect(filter.matches('bedrock.amazonaws.com', 'invokemodel')).toBe(true);
    expect(filter.matches('bedrock.amazonaws.com', 'Converse')).toBe(false);
    expect(filter.matches('cloudtrail.amazonaws.com', 'StopLogging')).toBe(false);
  });
});
