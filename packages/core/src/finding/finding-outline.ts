import type { AttackReference, Finding, Severity } from './finding.ts';
import { omittedEvidence } from './omitted-evidence.ts';

/** The key, on a finding outline, holding why the finding could not be written whole. */
export const FINDING_INCOMPLETE_KEY = 'jackwatch.findingIncomplete';

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['informational', 'low', 'medium', 'high', 'critical']);

/**
 * The last resort for a finding that cannot be serialised even with its
 * evidence bounded (a third-party detector put a BigInt or a cycle in
 * `group`, a getter throws…): a plain copy keeping only what is a string or
 * a number where the {@link Finding} type says so — id, detector, severity
 * (`informational` when not a known one), risk, times, string group fields,
 * summary, references, ATT&CK ids and names — every evidence record as a
 * marker, and `"jackwatch.findingIncomplete": reason`. Never throws; its JSON
 * never fails.
 */
export function findingOutline(finding: unknown, reason: string): Finding {
  const read = (from: unknown, key: string): unknown => {
    try {
      return typeof from === 'object' && from !== null ? (from as Record<string, unknown>)[key] : undefined;
    } catch {
      return undefined;
    }
  };
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const list = (value: unknown): unknown[] => {
    try {
      return Array.isArray(value) ? Array.from(value as unknown[]) : [];
    } catch {
      return [];
    }
  };
  const references = (value: unknown): AttackReference[] =>
    list(value).map((entry) => ({ id: text(read(entry, 'id')), name: text(read(entry, 'name')) }));
  const detector = read(finding, 'detector');
  const attack = read(finding, 'attack');
  const severity = read(finding, 'severity');
  const riskScore = read(finding, 'riskScore');
  const group: Record<string, string> = {};
  let groupSource: unknown = read(finding, 'group');
  try {
    for (const key of Object.keys(groupSource ?? {})) {
      const value = read(groupSource, key);
      if (typeof value === 'string') group[key] = value;
    }
  } catch {
    groupSource = undefined;
  }
  const outline = {
    id: text(read(finding, 'id')),
    detector: { id: text(read(detector, 'id')), title: text(read(detector, 'title')), version: text(read(detector, 'version')) },
    severity: typeof severity === 'string' && SEVERITIES.has(severity) ? (severity as Severity) : 'informational',
    riskScore: typeof riskScore === 'number' && Number.isFinite(riskScore) ? riskScore : 0,
    attack: { tactics: references(read(attack, 'tactics')), techniques: references(read(attack, 'techniques')) },
    time: text(read(finding, 'time')),
    firstTime: text(read(finding, 'firstTime')),
    lastTime: text(read(finding, 'lastTime')),
    group,
    summary: text(read(finding, 'summary')),
    evidence: list(read(finding, 'evidence')).map((record) => omittedEvidence(record, `the finding could not be written whole: ${reason}`)),
    references: list(read(finding, 'references')).filter((ref): ref is string => typeof ref === 'string'),
    [FINDING_INCOMPLETE_KEY]: reason,
  };
  return outline;
}
