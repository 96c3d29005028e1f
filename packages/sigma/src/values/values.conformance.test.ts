import { describe, expect, it } from 'vitest';
import { item } from '../testdata/compile-rule.ts';

// Conformance of plain values (no modifier): wildcards, escapes, case, numbers,
// booleans, null, the empty string, missing fields, arrays and objects.
describe('plain values', () => {
  it('compare whole strings, case-insensitively', () => {
    const test = item('eventName', 'DeleteTrail');
    expect(test.matches({ eventName: 'DeleteTrail' })).toBe(true);
    expect(test.matches({ eventName: 'deletetrail' })).toBe(true);
    expect(test.matches({ eventName: 'DELETETRAIL' })).toBe(true);
    expect(test.matches({ eventName: 'DeleteTrails' })).toBe(false);
    expect(test.matches({ eventName: 'xDeleteTrail' })).toBe(false);
  });

  it('take a list as any of its values', () => {
    const test = item('eventName', ['StopLogging', 'DeleteTrail']);
    expect(test.matches({ eventName: 'stoplogging' })).toBe(true);
    expect(test.matches({ eventName: 'DeleteTrail' })).toBe(true);
    expect(test.matches({ eventName: 'UpdateTrail' })).toBe(false);
  });

  it('read `*` as any run of characters, the empty run included', () => {
    const test = item('userAgent', 'aws-cli/*');
    expect(test.matches({ userAgent: 'aws-cli/2.15.0 Python/3.11' })).toBe(true);
    expect(test.matches({ userAgent: 'AWS-CLI/' })).toBe(true);
    expect(test.matches({ userAgent: 'boto3 aws-cli/2' })).toBe(false);
    const middle = item('userIdentity.arn', 'arn:aws:iam::*:user/*admin*');
    expect(middle.matches({ userIdentity: { arn: 'arn:aws:iam::111122223333:user/ops/SuperAdmin' } })).toBe(true);
    expect(middle.matches({ userIdentity: { arn: 'arn:aws:iam::111122223333:role/admin' } })).toBe(false);
    expect(item('f', '*').matches({ f: '' })).toBe(true);
    // A value that is only `*` needs a value: a missing or null field has none.
    expect(item('f', '*').matches({ f: 7 })).toBe(true);
    expect(item('f', '*').matches({})).toBe(false);
    expect(item('f', '*').matches({ f: null })).toBe(false);
    expect(item('f', 'a*b*a').matches({ f: 'aba' })).toBe(true);
    expect(item('f', 'a*b*a').matches({ f: 'ab' })).toBe(false);
    expect(item('f', 'ab*ba').matches({ f: 'aba' })).toBe(false);
  });

  it('read `?` as exactly one character (a whole code point)', () => {
    const test = item('awsRegion', 'us-east-?');
    expect(test.matches({ awsRegion: 'us-east-1' })).toBe(true);
    expect(test.matches({ awsRegion: 'us-east-' })).toBe(false);
    expect(test.matches({ awsRegion: 'us-east-12' })).toBe(false);
    expect(item('f', 'a?c').matches({ f: 'a😀c' })).toBe(true);
    expect(item('f', 'a?c').matches({ f: 'a\nc' })).toBe(true);
  });

  it('unescape `\\*`, `\\?` and `\\\\`, and keep any other backslash as it is', () => {
    expect(item('f', 'a\\*b').matches({ f: 'a*b' })).toBe(true);
    expect(item('f', 'a\\*b').matches({ f: 'axb' })).toBe(false);
    expect(item('f', 'a\\?b').matches({ f: 'a?b' })).toBe(true);
    expect(item('f', 'a\\?b').matches({ f: 'axb' })).toBe(false);
    expect(item('f', 'C:\\Windows\\System32').matches({ f: 'c:\\windows\\system32' })).toBe(true);
    expect(item('f', 'a\\\\b').matches({ f: 'a\\b' })).toBe(true);
    // A backslash before a wildcard must itself be escaped: `\\*` is a backslash, then a wildcard.
    expect(item('f', 'dir\\\\*').matches({ f: 'dir\\anything' })).toBe(true);
    expect(item('f', 'dir\\\\*').matches({ f: 'dir/anything' })).toBe(false);
    // Three backslashes: an escaped backslash, then an escaped wildcard.
    expect(item('f', 'x\\\\\\*').matches({ f: 'x\\*' })).toBe(true);
    expect(item('f', 'x\\\\\\*').matches({ f: 'x\\y' })).toBe(false);
    // Four backslashes are two.
    expect(item('f', 'x\\\\\\\\y').matches({ f: 'x\\\\y' })).toBe(true);
  });

  it('compare case-insensitively beyond ASCII', () => {
    expect(item('f', 'ÄRGER').matches({ f: 'ärger' })).toBe(true);
    expect(item('f', 'straße*').matches({ f: 'STRASSE' })).toBe(false);
  });

  it('compare numbers by value: a number matches 42 and "42"', () => {
    const test = item('requestParameters.maxResults', 42);
    expect(test.matches({ requestParameters: { maxResults: 42 } })).toBe(true);
    expect(test.matches({ requestParameters: { maxResults: '42' } })).toBe(true);
    expect(test.matches({ requestParameters: { maxResults: '42.0' } })).toBe(true);
    expect(test.matches({ requestParameters: { maxResults: ' 42 ' } })).toBe(true);
    expect(test.matches({ requestParameters: { maxResults: 43 } })).toBe(false);
    expect(test.matches({ requestParameters: { maxResults: '42abc' } })).toBe(false);
    expect(test.matches({ requestParameters: { maxResults: true } })).toBe(false);
    expect(item('f', 0.5).matches({ f: '.5' })).toBe(true);
  });

  it('compare a string value with the text of a number or boolean in the record', () => {
    expect(item('f', '42').matches({ f: 42 })).toBe(true);
    expect(item('f', '4*').matches({ f: 42 })).toBe(true);
    expect(item('f', '42.0').matches({ f: 42 })).toBe(false);
    // GuardDuty's UpdateDetector carries `enable: false` as a boolean; SigmaHQ writes 'false'.
    expect(item('requestParameters.enable', 'false').matches({ requestParameters: { enable: false } })).toBe(true);
    expect(item('requestParameters.enable', 'False').matches({ requestParameters: { enable: false } })).toBe(true);
    expect(item('requestParameters.enable', 'false').matches({ requestParameters: { enable: true } })).toBe(false);
  });

  it('compare booleans by value: true matches true and "true"', () => {
    const test = item('readOnly', true);
    expect(test.matches({ readOnly: true })).toBe(true);
    expect(test.matches({ readOnly: 'TRUE' })).toBe(true);
    expect(test.matches({ readOnly: false })).toBe(false);
    expect(test.matches({ readOnly: 1 })).toBe(false);
  });

  it('match null on a missing or null field only', () => {
    const test = item('errorCode', null);
    expect(test.matches({})).toBe(true);
    expect(test.matches({ errorCode: null })).toBe(true);
    expect(test.matches({ errorCode: '' })).toBe(false);
    expect(test.matches({ errorCode: 'AccessDenied' })).toBe(false);
    expect(test.matches({ errorCode: {} })).toBe(false);
    expect(test.matches({ errorCode: [] })).toBe(true);
    expect(test.matches({ errorCode: [null] })).toBe(true);
    expect(test.matches({ errorCode: [null, 'x'] })).toBe(false);
  });

  it("match '' on the empty string only", () => {
    const test = item('errorMessage', '');
    expect(test.matches({ errorMessage: '' })).toBe(true);
    expect(test.matches({ errorMessage: ' ' })).toBe(false);
    expect(test.matches({})).toBe(false);
    expect(test.matches({ errorMessage: null })).toBe(false);
  });

  it('fail every test on a missing field (null aside)', () => {
    for (const value of ['x', '*', 42, true, '']) expect(item('nothing.here', value).matches({ nothing: {} })).toBe(false);
  });

  it('read dotted paths, through arrays (any element) and keys that contain dots', () => {
    const test = item('resources.ARN', 'arn:aws:s3:::secret*');
    expect(test.matches({ resources: [{ ARN: 'arn:aws:s3:::public' }, { ARN: 'arn:aws:s3:::secret-bucket' }] })).toBe(true);
    expect(test.matches({ resources: [{ ARN: 'arn:aws:s3:::public' }, { type: 'AWS::S3::Object' }] })).toBe(false);
    expect(item('requestParameters.containerDefinitions.command', 'curl').matches({ requestParameters: { containerDefinitions: [{ command: ['sh', 'curl'] }] } })).toBe(true);
    expect(item('tags.aws.cloudformation', 'x').matches({ tags: { 'aws.cloudformation': 'x' } })).toBe(true);
    expect(item('a.b', 1).matches({ a: [[{ b: 2 }], [[{ b: 1 }]]] })).toBe(true);
  });

  it('look inside an object: a value test holds when it holds for any value in it', () => {
    const record = { requestParameters: { bucketName: 'b', VersioningConfiguration: { Status: 'Suspended' } } };
    expect(item('requestParameters', 'suspended').matches(record)).toBe(true);
    expect(item('requestParameters', 'Enabled').matches(record)).toBe(false);
  });
});
