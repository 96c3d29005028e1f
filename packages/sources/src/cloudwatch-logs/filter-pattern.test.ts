import { describe, expect, it } from 'vitest';
import { effectiveFilterPattern, filterPatternFor } from './filter-pattern.ts';

const BEDROCK = 'bedrock.amazonaws.com';

describe('filterPatternFor', () => {
  it('selects one source when a detector wants all of its actions', () => {
    expect(filterPatternFor([{ eventSource: BEDROCK }])).toBe('{ $.eventSource = "bedrock.amazonaws.com" }');
  });

  it('unions the actions of the Bedrock rules into one clause, sorted and deduplicated', () => {
    const pattern = filterPatternFor([
      { eventSource: BEDROCK, eventNames: ['ListFoundationModels', 'InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'] },
      { eventSource: BEDROCK, eventNames: ['DeleteModelInvocationLoggingConfiguration'] },
      { eventSource: BEDROCK, eventNames: ['ListFoundationModels'] },
    ]);
    expect(pattern).toBe(
      '{ ($.eventSource = "bedrock.amazonaws.com") && ($.eventName = "Converse" || $.eventName = "ConverseStream" || ' +
        '$.eventName = "DeleteModelInvocationLoggingConfiguration" || $.eventName = "InvokeModel" || ' +
        '$.eventName = "InvokeModelWithResponseStream" || $.eventName = "ListFoundationModels") }',
    );
  });

  it('lets a whole-source selector win over a named-actions one of the same source', () => {
    expect(filterPatternFor([{ eventSource: BEDROCK, eventNames: ['InvokeModel'] }, { eventSource: BEDROCK }])).toBe(
      '{ $.eventSource = "bedrock.amazonaws.com" }',
    );
  });

  it('joins several sources with ||', () => {
    expect(filterPatternFor([{ eventSource: 'sts.amazonaws.com', eventNames: ['GetCallerIdentity'] }, { eventSource: BEDROCK }])).toBe(
      '{ ($.eventSource = "bedrock.amazonaws.com") || (($.eventSource = "sts.amazonaws.com") && ($.eventName = "GetCallerIdentity")) }',
    );
  });

  it('reads everything when nothing narrows the interest', () => {
    expect(filterPatternFor('all')).toBe('');
    expect(filterPatternFor([])).toBe('');
    expect(filterPatternFor([{ eventSource: 'we"ird' }, { eventSource: BEDROCK }])).toBe('');
  });

  it('widens to the whole source when an action name is not in CloudTrail casing', () => {
    expect(filterPatternFor([{ eventSource: BEDROCK, eventNames: ['invokemodel'] }])).toBe('{ $.eventSource = "bedrock.amazonaws.com" }');
  });

  it('stays under 1024 characters by dropping action clauses, then the filter', () => {
    const names = Array.from({ length: 40 }, (_, i) => `SomeFairlyLongActionName${i}`);
    expect(filterPatternFor([{ eventSource: BEDROCK, eventNames: names }])).toBe('{ $.eventSource = "bedrock.amazonaws.com" }');
    const sources = Array.from({ length: 40 }, (_, i) => ({ eventSource: `service-number-${i}.amazonaws.com` }));
    expect(filterPatternFor(sources)).toBe('');
  });

  it('lets the configured pattern override the derived one, "" meaning no filter', () => {
    const interest = [{ eventSource: BEDROCK }];
    expect(effectiveFilterPattern(undefined, interest)).toBe('{ $.eventSource = "bedrock.amazonaws.com" }');
    expect(effectiveFilterPattern('', interest)).toBe('');
    expect(effectiveFilterPattern(' { $.eventName = "X" } ', interest)).toBe('{ $.eventName = "X" }');
  });
});
