import { printable, type Finding, type Severity } from '@jackwatch/core';

const SEVERITY_COLOR: Record<Severity, number> = { critical: 35, high: 31, medium: 33, low: 36, informational: 37 };

/**
 * Formats a finding as a few lines for a person reading a terminal. Its
 * text comes from records (a user agent, a user name), so controls and
 * escape sequences in it are shown as escapes (see `printable`), never sent.
 */
export function formatPretty(finding: Finding, color: boolean): string {
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8));
  const group = Object.entries(finding.group)
    .map(([key, value]) => `${printable(key)}=${printable(String(value))}`)
    .join(' ');
  const techniques = finding.attack.techniques.map((t) => t.id).join(', ');
  return [
    `${severity} ${paint(1, printable(finding.detector.title))}  ${printable(finding.time)}`,
    `  ${printable(finding.summary)}`,
    `  ${paint(2, `group: ${group}`)}`,
    `  ${paint(2, `rule: ${printable(`${finding.detector.id}@${finding.detector.version}`)}  risk: ${finding.riskScore}  att&ck: ${techniques}  id: ${finding.id}`)}`,
    finding.suppressed ? `  ${paint(2, `(+${finding.suppressed} suppressed since the previous finding of this group)`)}` : undefined,
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
