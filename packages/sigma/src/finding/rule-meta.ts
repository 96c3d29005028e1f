import type { DetectorMeta, Severity } from '@jackwatch/core';
import type { Level, RuleHeader } from '../rules/rule-header.ts';
import { attackFromTags } from './attack-tags.ts';

/** Risk score by level, as Elastic scores its rules (informational carries no risk). */
export const RISK_BY_LEVEL: Readonly<Record<Level, number>> = { informational: 0, low: 21, medium: 47, high: 73, critical: 99 };

/** The level a rule without `level` gets. */
export const DEFAULT_LEVEL: Level = 'medium';

/** Where a rule comes from, for people: its file and line. */
export interface RuleOrigin {
  readonly file: string;
  readonly line: number;
}

/**
 * A Sigma rule's metadata as a detector's {@link DetectorMeta}: `id` is the
 * member id (the rule's `name`, else its `id`), `level` gives severity and
 * risk, `tags` the ATT&CK mapping (the other tags are kept as tags),
 * `falsepositives` and `references` are carried over, and the investigation
 * guide points back at the rule.
 */
export function ruleMeta(memberId: string, header: RuleHeader, origin: RuleOrigin): DetectorMeta {
  const level = header.level ?? DEFAULT_LEVEL;
  const severity: Severity = level;
  return {
    id: memberId,
    title: header.title,
    version: versionOf(header),
    description: header.description?.trim() || header.title,
    severity,
    riskScore: RISK_BY_LEVEL[level],
    attack: attackFromTags(header.tags),
    references: header.references,
    tags: header.tags,
    falsePositives: header.falsepositives.length > 0 ? header.falsepositives : ['The rule lists none.'],
    investigation: [
      `Sigma rule "${header.title}"${header.id === undefined ? '' : ` (id ${header.id})`}, ${origin.file}:${origin.line}${header.author === undefined ? '' : `, by ${header.author}`}.`,
      header.description?.trim() ?? '',
      'Read the rule to see exactly what matched; the finding carries the matching CloudTrail records as evidence.',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  };
}

// Sigma rules carry dates, not versions: the last modification date stands in (2024-07-10 → 2024.7.10).
function versionOf(header: RuleHeader): string {
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(header.modified ?? header.date ?? '');
  return date === null ? '1.0.0' : `${Number(date[1])}.${Number(date[2])}.${Number(date[3])}`;
}
