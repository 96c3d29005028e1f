import type { AttributeValue, Attributes, LogRecord } from '@opentelemetry/api';
import type { Finding } from '@jackwatch/core';
import { findingFacts } from '../internal/finding-facts.ts';
import { SEVERITY_NUMBERS } from './severity.ts';

/** The `eventName` of every finding log record. */
export const FINDING_EVENT_NAME = 'jackwatch.finding';

/**
 * A finding as an OpenTelemetry LogRecord: `eventName` `jackwatch.finding`,
 * the summary as body, severity mapped to `SeverityNumber`, the finding's
 * event time as timestamp, and semantic-convention attributes (the full table
 * is in the otlp sink's README).
 */
export function findingLogRecord(finding: Finding, observedAt: number): LogRecord {
  const facts = findingFacts(finding);
  const time = Date.parse(finding.time);
  const attributes: Record<string, AttributeValue | undefined> = {
    'event.name': FINDING_EVENT_NAME,
    'log.record.uid': finding.id,
    'security_rule.uuid': finding.detector.id,
    'security_rule.name': finding.detector.title,
    'security_rule.version': finding.detector.version,
    'security_rule.category': finding.attack.tactics[0]?.name,
    'security_rule.ruleset.name': 'jackwatch',
    'security_rule.reference': finding.references[0],
    'cloud.provider': 'aws',
    'cloud.account.id': facts.account,
    'cloud.region': facts.region,
    'source.address': facts.sourceIp,
    'client.address': facts.sourceIp,
    'user_agent.original': facts.userAgent,
    'user.name': facts.userName,
    'user.id': facts.principalArn,
    'aws.access_key.id': facts.accessKeyId,
    'gen_ai.provider.name': 'aws.bedrock',
    'gen_ai.request.model': facts.modelId,
    'threat.framework': 'MITRE ATT&CK',
    'threat.tactic.id': nonEmpty(finding.attack.tactics.map((t) => t.id)),
    'threat.tactic.name': nonEmpty(finding.attack.tactics.map((t) => t.name)),
    'threat.technique.id': nonEmpty(finding.attack.techniques.map((t) => t.id)),
    'threat.technique.name': nonEmpty(finding.attack.techniques.map((t) => t.name)),
    'jackwatch.finding.severity': finding.severity,
    'jackwatch.finding.risk_score': finding.riskScore,
    'jackwatch.finding.first_time': finding.firstTime,
    'jackwatch.finding.last_time': finding.lastTime,
    'jackwatch.finding.suppressed': finding.suppressed,
    'jackwatch.finding.references': nonEmpty([...finding.references]),
    'jackwatch.finding.evidence.event_ids': nonEmpty(finding.evidence.map((r) => evidenceText(r, 'eventID'))),
    'jackwatch.finding.evidence.event_names': nonEmpty(finding.evidence.map((r) => evidenceText(r, 'eventName'))),
  };
  for (const [key, value] of Object.entries(finding.group)) if (typeof value === 'string') attributes[`jackwatch.finding.group.${key}`] = value;
  return {
    eventName: FINDING_EVENT_NAME,
    timestamp: Number.isNaN(time) ? observedAt : time,
    observedTimestamp: observedAt,
    severityNumber: SEVERITY_NUMBERS[finding.severity],
    severityText: finding.severity,
    body: finding.summary,
    attributes: withoutUndefined(attributes),
  };
}

/** A field of a raw evidence record as an attribute string: `''` unless it is a string. */
function evidenceText(record: unknown, field: 'eventID' | 'eventName'): string {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '';
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

function withoutUndefined(attributes: Record<string, AttributeValue | undefined>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}
