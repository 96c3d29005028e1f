import { findingOutline, serializeFinding, type Finding } from '@jackwatch/core';
import type { StdoutConfig } from './config.ts';
import { formatPretty } from './format-pretty.ts';

/**
 * One finding as the stdout sink prints it: a JSON line, or a pretty block.
 * Never throws: a finding that cannot be formatted is printed from its
 * outline, so it is still delivered and never costs its batch.
 */
export function renderFinding(finding: Finding, config: Pick<StdoutConfig, 'format' | 'maxEvidenceSize'>, color: boolean): string {
  if (config.format === 'json') return `${serializeFinding(finding, { maxBytes: config.maxEvidenceSize })}\n`;
  try {
    return formatPretty(finding, color);
  } catch (error) {
    return formatPretty(findingOutline(finding, `cannot be formatted: ${error instanceof Error ? error.message : String(error)}`), color);
  }
}
