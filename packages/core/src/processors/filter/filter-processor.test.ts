import { describe, expect, it } from 'vitest';
import { EventFactory, iamUser, testContext } from '../../testing/index.ts';
import { filterConfigSchema } from './config.ts';
import { FilterProcessor } from './filter-processor.ts';

const events = new EventFactory();
const alice = iamUser({ userName: 'alice' });
const ci = iamUser({ userName: 'ci-runner' });

describe('filter processor', () => {
  it('drops events matching every condition of a drop rule, and counts them', () => {
    const context = testContext('filter/ci');
    const filter = new FilterProcessor(
      filterConfigSchema.parse({ drop: [{ when: [{ field: 'sourceIPAddress', cidr: '10.20.0.0/16' }, { field: 'userIdentity.arn', glob: '*:user/ci-*' }] }] }),
      context,
    );
    const input = [
      events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: ci, sourceIp: '10.20.3.4' }),
      events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: ci, sourceIp: '203.0.113.9' }),
      events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: alice, sourceIp: '10.20.3.4' }),
    ];
    expect(filter.process(input)).toEqual([input[1], input[2]]);
    expect(context.telemetry.total('jackwatch.processor.events.dropped')).toBe(1);
  });

  it('keeps only events matching a keep rule', () => {
    const filter = new FilterProcessor(filterConfigSchema.parse({ keep: [{ when: [{ field: 'userIdentity.userName', equals: ['alice'] }] }] }), testContext('filter'));
    const input = [events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: ci }), events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: alice })];
    expect(filter.process(input)).toEqual([input[1]]);
  });

  it('decides on a 100 KB principal ARN, made to stall a backtracking matcher, by its glob rules', () => {
    const huge = iamUser({ userName: `${'a'.repeat(100_000)}` });
    const filter = (glob: string) =>
      new FilterProcessor(filterConfigSchema.parse({ drop: [{ when: [{ field: 'userIdentity.arn', glob }] }] }), testContext('filter'));
    const input = [events.event({ time: '2026-01-01T00:00:00Z', action: 'ListFoundationModels', identity: huge })];
    expect(filter('*a*a*a*a*a*a*b').process(input)).toEqual(input);
    expect(filter('*:user/*a*a*a*a*a*a*a').process(input)).toEqual([]);
    expect(filter('*?*?*?*?*?*?*[!a]').process(input)).toEqual(input);
  });

  it('refuses a filter with no rule', () => {
    expect(filterConfigSchema.safeParse({}).success).toBe(false);
  });
});
