import { describe, expect, it } from 'vitest';
import { LogGroupNames } from './log-group-names.ts';

const OWN = 'arn:aws:logs:us-east-1:123456789012:log-group:aws-cloudtrail-logs-123456789012';
const SHARED = 'arn:aws:logs:us-east-1:210987654321:log-group:/org/trail';

describe('LogGroupNames', () => {
  const names = new LogGroupNames([
    { identifier: 'aws-cloudtrail-logs-123456789012', arn: OWN },
    { identifier: SHARED, arn: SHARED },
  ]);

  it.each([
    ['its name', 'aws-cloudtrail-logs-123456789012', 'aws-cloudtrail-logs-123456789012'],
    ['its ARN', OWN, 'aws-cloudtrail-logs-123456789012'],
    ['its ARN with :*', `${OWN}:*`, 'aws-cloudtrail-logs-123456789012'],
    ['account-id:name', '123456789012:aws-cloudtrail-logs-123456789012', 'aws-cloudtrail-logs-123456789012'],
    ['the name of a group configured by ARN', '/org/trail', SHARED],
    ['the ARN with :* of a group configured by ARN', `${SHARED}:*`, SHARED],
    ['account-id:name of a group configured by ARN', '210987654321:/org/trail', SHARED],
  ])('maps %s to the identifier as configured', (_form, named, identifier) => {
    expect(names.identifierOf(named)).toBe(identifier);
  });

  it('maps nothing else, nor a name two accounts share', () => {
    expect(names.identifierOf('other-group')).toBeUndefined();
    expect(names.identifierOf('999999999999:aws-cloudtrail-logs-123456789012')).toBeUndefined();
    expect(names.identifierOf('arn:aws:logs:us-east-1:999999999999:log-group:/org/trail')).toBeUndefined();
    const twins = new LogGroupNames([
      { identifier: 'arn:aws:logs:us-east-1:111111111111:log-group:trail', arn: 'arn:aws:logs:us-east-1:111111111111:log-group:trail' },
      { identifier: 'arn:aws:logs:us-east-1:222222222222:log-group:trail', arn: 'arn:aws:logs:us-east-1:222222222222:log-group:trail' },
    ]);
    expect(twins.identifierOf('trail')).toBeUndefined();
    expect(twins.identifierOf('222222222222:trail')).toBe('arn:aws:logs:us-east-1:222222222222:log-group:trail');
  });

  it('knows a group configured by name without its ARN (pull mode) by that name only', () => {
    expect(new LogGroupNames([{ identifier: 'g', arn: undefined }]).identifierOf('g')).toBe('g');
  });
});
