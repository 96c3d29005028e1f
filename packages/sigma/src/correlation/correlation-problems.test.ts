import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../rules/load-rule-set.ts';
import { ruleFolder, type RuleFolder } from '../testdata/rule-files.ts';
import { baseRule, correlationRule } from '../testdata/sigma-bundle.ts';
import { createSigmaBundle } from '../detector/factory.ts';
import { sigmaConfigSchema } from '../detector/config.ts';
import { testContext } from '@jackwatch/core/testing';

let folder: RuleFolder | undefined;
afterEach(() => folder?.remove());

function statuses(documents: readonly string[]): string[] {
  folder = ruleFolder({ 'rules.yml': documents.join('\n---\n') });
  return loadRuleSet(['.'], { baseDir: folder.dir }).entries.map((e) => `${e.status} ${e.name}${e.reasons.length > 0 ? `: ${e.reasons.join(' | ')}` : ''}`);
}

describe('correlation counts', () => {
  const listing = baseRule('listing', 'ListFoundationModels');

  it('pySigma reads a count as a whole number: a quoted one ("10") is that number, anything else is invalid', () => {
    expect(statuses([correlationRule('c', 'event_count', ['listing'], "    timespan: 1h\n    condition: { gte: '10' }"), listing])[0]).toBe('loaded c');
    expect(statuses([correlationRule('c', 'event_count', ['listing'], "    timespan: 1h\n    condition: { gte: 'ten' }"), listing])[0]).toMatch(/^invalid c: .*correlation\.condition\.gte: must be a number/);
    expect(statuses([correlationRule('c', 'event_count', ['listing'], '    timespan: 1h\n    condition: { gte: 2.5 }'), listing])[0]).toMatch(/^invalid c: .*correlation\.condition\.gte: must be a whole number/);
    expect(statuses([correlationRule('c', 'event_count', ['listing'], '    timespan: 1h\n    condition: 5'), listing])[0]).toMatch(/^invalid c: .*correlation\.condition: the condition must be a mapping of gt, gte, lt, lte or eq/);
  });
});

describe('correlation rules that cannot run', () => {
  const listing = baseRule('listing', 'ListFoundationModels');

  it('are invalid when temporal_ordered has one rule: there is no order, and the detector must never fail to start', () => {
    expect(statuses([correlationRule('c', 'temporal_ordered', ['listing'], '    timespan: 1h'), listing])[0]).toBe(
      'invalid c: rules.yml:6:5: correlation.rules: temporal_ordered orders events of two or more rules; for the events of one rule, write an event_count correlation',
    );
    folder?.remove();
    folder = ruleFolder({ 'rules.yml': [correlationRule('c', 'temporal_ordered', ['listing'], '    timespan: 1h'), listing].join('\n---\n') });
    // The detector starts, with the rule the invalid correlation would have used.
    expect(createSigmaBundle(sigmaConfigSchema.parse({ rules: ['.'] }), testContext('sigma', { baseDir: folder.dir })).members.map((m) => m.id)).toEqual(['listing']);
  });

  it('are invalid when they refer to no rule, or break the specification', () => {
    expect(statuses([correlationRule('c', 'event_count', ['nope'], '    timespan: 1h\n    condition: { gte: 2 }'), listing])[0]).toBe(
      'invalid c: rules.yml:6:13: correlation.rules[0]: no loaded rule has the name or id "nope"',
    );
    expect(statuses([correlationRule('c', 'value_count', ['listing'], '    timespan: 1h\n    condition: { gte: 2 }'), listing])[0]).toBe(
      'invalid c: rules.yml:8:5: correlation.condition: a value_count correlation names the counted field in its condition: "field: userIdentity.arn"',
    );
    expect(statuses([correlationRule('c', 'event_count', ['listing'], '    timespan: 90 minutes\n    condition: { gte: 2 }'), listing])[0]).toBe(
      'invalid c: rules.yml:7:5: correlation.timespan: timespan "90 minutes" must be a positive whole number and a unit: s, m, h, d, w, M (months) or y (e.g. 15m)',
    );
    expect(statuses([correlationRule('c', 'event_count', ['listing'], '    timespan: 1h\n    condition: { lt: 2, gt: 5 }'), listing])[0]).toBe(
      'invalid c: rules.yml:8:5: correlation.condition: no count of at least 1 satisfies gt 5 and lt 2',
    );
    expect(statuses([correlationRule('c', 'event_count', ['listing'], '    timespan: 1h')])[0]).toBe('invalid c: rules.yml:4:1: correlation: a event_count correlation needs a condition, e.g. "condition: { gte: 10 }"');
    expect(statuses([correlationRule('c', 'sequence', ['listing'], '    timespan: 1h'), listing])[0]).toBe(
      'invalid c: rules.yml:5:5: correlation.type: type must be one of event_count, value_count, temporal, temporal_ordered',
    );
    expect(statuses([correlationRule('c', 'temporal', ['listing'], '    group-by: [ip]\n    timespan: 1h\n    aliases: { ip: { other: sourceIPAddress } }'), listing])[0]).toMatch(
      /^invalid c: rules\.yml:\d+:\d+: correlation\.group-by\[0\]: alias "ip" does not say which field of rule "listing" it stands for/,
    );
  });

  it('are skipped, saying why, when they use something jackwatch does not run or a rule that cannot run', () => {
    const inner = correlationRule('inner', 'event_count', ['listing'], '    timespan: 1h\n    condition: { gte: 2 }');
    expect(statuses([correlationRule('outer', 'temporal', ['inner', 'listing'], '    timespan: 1h'), inner, listing])[0]).toBe(
      'skipped outer: not supported: rules.yml:6:13: correlation.rules[0]: "inner" is a correlation rule (rules.yml:9); correlations of correlations are not supported',
    );
    const windows = baseRule('win', 'x').replace('product: aws, service: cloudtrail', 'product: windows, service: security');
    expect(statuses([correlationRule('c', 'event_count', ['win'], '    timespan: 1h\n    condition: { gte: 2 }'), windows])).toEqual([
      'skipped c: not supported: rules.yml:6:13: correlation.rules[0]: its rule "win" (rules.yml:10) cannot run: logsource (product: windows, service: security) is not "product: aws, service: cloudtrail"',
      'skipped win: its logsource (product: windows, service: security) is not "product: aws, service: cloudtrail"',
    ]);
    expect(statuses([correlationRule('c', 'temporal_ordered', ['listing', 'invocation'], '    timespan: 1h\n    condition: { gte: 1, lte: 1 }'), listing, baseRule('invocation', 'InvokeModel')])[0]).toMatch(/^skipped c: not supported: .*temporal_ordered runs every rule in order/);
    const many = Array.from({ length: 31 }, (_, i) => baseRule(`r${i}`, `Call${i}`));
    expect(statuses([correlationRule('c', 'temporal_ordered', many.map((_, i) => `r${i}`), '    timespan: 1h'), ...many])[0]).toMatch(/^skipped c: not supported: .*temporal_ordered runs at most 30 rules in order, got 31/);
    expect(statuses([correlationRule('c', 'temporal', ['listing'], '    timespan: 1h\n    condition: listing and not listing'), listing])[0]).toMatch(/^skipped c: not supported: .*a condition written as an expression over rule names is not supported/);
  });
});
