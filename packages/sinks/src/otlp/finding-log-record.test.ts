import { SeverityNumber } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { findingLogRecord } from './finding-log-record.ts';

describe('findingLogRecord', () => {
  it('maps severity to SeverityNumber and keeps the original text', () => {
    const at = Date.parse('2026-03-14T03:00:00Z');
    const levels = (['informational', 'low', 'medium', 'high', 'critical'] as const).map(
      (severity) => findingLogRecord({ ...ruleAFinding(), severity }, at).severityNumber,
    );
    expect(levels).toEqual([SeverityNumber.INFO, SeverityNumber.WARN, SeverityNumber.ERROR, SeverityNumber.ERROR3, SeverityNumber.FATAL]);
    expect(findingLogRecord(ruleAFinding(), at).severityText).toBe('high');
  });

  it('uses event time as timestamp and leaves out what the finding does not know', () => {
    const at = Date.parse('2026-03-14T03:00:00Z');
    const finding = { ...ruleAFinding(), group: {}, evidence: [], references: [], attack: { tactics: [], techniques: [] } };
    const record = findingLogRecord(finding, at);
    expect(record.timestamp).toBe(Date.parse(finding.time));
    expect(record.observedTimestamp).toBe(at);
    expect(Object.keys(record.attributes ?? {}).sort()).toEqual(
      [
        'cloud.provider',
        'event.name',
        'gen_ai.provider.name',
        'jackwatch.finding.first_time',
        'jackwatch.finding.last_time',
        'jackwatch.finding.risk_score',
        'jackwatch.finding.severity',
        'log.record.uid',
        'security_rule.name',
        'security_rule.ruleset.name',
        'security_rule.uuid',
        'security_rule.version',
        'threat.framework',
      ].sort(),
    );
  });
});
