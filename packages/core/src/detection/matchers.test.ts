import { describe, expect, it } from 'vitest';
import { actionMatcher } from './action-matcher.ts';
import { cidrMatcher, isCidr } from './cidr-matcher.ts';
import { globMatcher } from './glob-matcher.ts';

describe('globMatcher', () => {
  it('lets * span path separators and ignores case', () => {
    const admin = globMatcher(['arn:*:iam::*:role/*admin*']);
    expect(admin('arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/us-west-2/DevAdmin')).toBe(true);
    expect(admin('arn:aws:iam::123456789012:role/deployer')).toBe(false);
    expect(admin('arn:aws:sts::123456789012:assumed-role/Admin/s')).toBe(false);
  });

  it('holds when any pattern matches, never for an empty list', () => {
    const m = globMatcher(['a*', 'b?']);
    expect([m('abc'), m('bz'), m('bzz'), m('c')]).toEqual([true, true, false, false]);
    expect(globMatcher([])('anything')).toBe(false);
  });
});

describe('cidrMatcher', () => {
  it('matches IPv4, IPv6, IPv4-mapped IPv6 and bare addresses', () => {
    const m = cidrMatcher(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
    expect(['10.255.0.1', '11.0.0.1', '2001:db8:1::5', '2001:db9::1', '::ffff:10.1.1.1', '192.0.2.7', '192.0.2.8'].map(m)).toEqual([
      true, false, true, false, true, true, false,
    ]);
  });

  it('never matches a service name, and tells valid ranges apart', () => {
    expect(cidrMatcher('0.0.0.0/0')('AWS Internal')).toBe(false);
    expect(['10.0.0.0/8', '::/0', '1.2.3.4', '10.0.0.0/33', 'bedrock.amazonaws.com'].map(isCidr)).toEqual([true, true, true, false, false]);
  });
});

describe('actionMatcher', () => {
  it('compares event names case-insensitively', () => {
    const m = actionMatcher(['InvokeModel', 'Converse']);
    expect(['InvokeModel', 'invokemodel', 'CONVERSE', 'ConverseStream'].map(m)).toEqual([true, true, true, false]);
  });
});
