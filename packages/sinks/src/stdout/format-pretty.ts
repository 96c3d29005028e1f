import type { Finding, Severity } from '@jackwatch/core';

const SEVERITY_COLOR: Record<Severity, number> = { critical: 35, high: 31, medium: 33, low: 36, informational: 37 };

/** Formats a finding as a few lines for a person reading a terminal. */
export function formatPretty(finding: Finding, color: boolean): string {
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8));
  const group = Object.entries(finding.group)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const techniques = finding.attack.techniques.map((t) => t.id).join(', ');
  return [
    `${severity} ${paint(1, finding.detector.title)}  ${finding.time}`,
    `  ${finding.summary}`,
    `  ${paint(2, `group: ${group}`)}`,
    `  ${paint(2, `rule: ${finding.detector.id}@${finding.detector.version}  risk: ${finding.riskScore}  att&ck: ${techniques}  id: ${finding.id}`)}`,
    finding.suppressed ? `  ${paint(2, `(+${finding.suppressed} suppressed since the previous finding of this group)`)}` : undefined,
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
