import { describe, expect, it } from 'vitest';
import { detection } from '../testdata/compile-rule.ts';

const interest = (yaml: string): unknown => detection(yaml).interest;

describe('derived interest', () => {
  it('names the event source and names a rule pins with equality', () => {
    expect(interest('s: { eventSource: bedrock.amazonaws.com, eventName: [InvokeModel, Converse] }\ncondition: s')).toEqual([
      { eventSource: 'bedrock.amazonaws.com', eventNames: ['Converse', 'InvokeModel'] },
    ]);
  });

  it('keeps every name of a source the rule pins alone, or with names it cannot list', () => {
    expect(interest('s: { eventSource: s3.amazonaws.com }\ncondition: s')).toEqual([{ eventSource: 's3.amazonaws.com' }]);
    expect(interest('s: { eventSource: lambda.amazonaws.com, eventName|startswith: UpdateFunctionConfiguration }\ncondition: s')).toEqual([{ eventSource: 'lambda.amazonaws.com' }]);
    expect(interest('s: { eventSource: lambda.amazonaws.com, eventName: "Update*" }\ncondition: s')).toEqual([{ eventSource: 'lambda.amazonaws.com' }]);
  });

  it('routes names alone on the name, whatever the source', () => {
    expect(interest('s: { eventName: [DeleteBucket, PutBucketPolicy] }\ncondition: s')).toEqual([{ eventNames: ['DeleteBucket', 'PutBucketPolicy'] }]);
    expect(interest('a: { eventName: DeleteTrail }\nb: { eventSource: s3.amazonaws.com }\ncondition: a or b')).toEqual([
      { eventSource: 's3.amazonaws.com' },
      { eventNames: ['DeleteTrail'] },
    ]);
    expect(interest('a: { eventName: [DeleteTrail, StopLogging] }\nb: { eventSource: cloudtrail.amazonaws.com }\ncondition: a and b')).toEqual([
      { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['DeleteTrail', 'StopLogging'] },
    ]);
  });

  it('is all when neither source nor name is pinned', () => {
    expect(interest('s: { eventName|startswith: Delete }\ncondition: s')).toBe('all');
    expect(interest('s: { eventSource|endswith: .amazonaws.com }\ncondition: s')).toBe('all');
    expect(interest('s: { userIdentity.type: Root }\ncondition: s')).toBe('all');
    expect(interest('keywords: [evil]\ncondition: keywords')).toBe('all');
    expect(interest('s: { eventSource: iam.amazonaws.com }\ncondition: not s')).toBe('all');
  });

  it('follows and, or and not through the condition', () => {
    const rule = `
src: { eventSource: guardduty.amazonaws.com }
delete: { eventName: DeleteDetector }
update: { eventName: UpdateDetector, requestParameters.enable: 'false' }
filter: { eventSource: other.amazonaws.com }
condition: src and 1 of delete, update and not filter`;
    expect(interest(rule.replace('1 of delete, update', '(delete or update)'))).toEqual([{ eventSource: 'guardduty.amazonaws.com', eventNames: ['DeleteDetector', 'UpdateDetector'] }]);
    expect(interest('a: { eventSource: sts.amazonaws.com, eventName: AssumeRoleWithSAML }\nb: { eventSource: iam.amazonaws.com, eventName: UpdateSAMLProvider }\ncondition: 1 of them')).toEqual([
      { eventSource: 'iam.amazonaws.com', eventNames: ['UpdateSAMLProvider'] },
      { eventSource: 'sts.amazonaws.com', eventNames: ['AssumeRoleWithSAML'] },
    ]);
    expect(interest('a: { eventSource: a.amazonaws.com }\nb: { eventSource: b.amazonaws.com }\ncondition: a and b')).toEqual([]);
    expect(interest('a: { eventSource: a.amazonaws.com }\nb: { userAgent: x }\ncondition: a or b')).toBe('all');
  });

  it('routes sources in lower case, as CloudTrail writes them, and keeps names as written', () => {
    expect(interest('s: { eventSource: Bedrock.AmazonAWS.com, eventName: deleteGuardrail }\ncondition: s')).toEqual([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['deleteGuardrail'] }]);
    expect(interest('s: { eventSource|cased: ec2.amazonaws.com, eventName|cased: RunInstances }\ncondition: s')).toEqual([{ eventSource: 'ec2.amazonaws.com', eventNames: ['RunInstances'] }]);
  });
});
