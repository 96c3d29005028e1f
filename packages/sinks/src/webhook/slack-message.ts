import { findingOutline, type Finding, type Severity } from '@jackwatch/core';
import { findingFacts } from '../internal/finding-facts.ts';

/** A Slack Block Kit block (the subset this sink writes). */
export type SlackBlock =
  | { readonly type: 'header'; readonly text: { readonly type: 'plain_text'; readonly text: string } }
  | { readonly type: 'section'; readonly text: { readonly type: 'mrkdwn'; readonly text: string } }
  | { readonly type: 'context'; readonly elements: ReadonlyArray<{ readonly type: 'mrkdwn'; readonly text: string }> }
  | { readonly type: 'divider' };

/** A Slack incoming-webhook message: `text` is the notification fallback, `blocks` the rich body. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Findings shown in full per message; the rest are counted (Slack allows 50 blocks). */
export const SLACK_FINDINGS_SHOWN = 10;
const SECTION_LIMIT = 3000;
const SEVERITY_MARK: Record<Severity, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  informational: ':white_circle:',
};

/**
 * Renders findings as one Slack message: a section per finding (severity,
 * rule, summary) with a context line of the facts an on-call needs first
 * (key, user, account, region, source IP, model, finding id).
 */
export function slackMessage(findings: readonly Finding[]): SlackMessage {
  const blocks: SlackBlock[] = [];
  if (findings.length > 1) blocks.push({ type: 'header', text: { type: 'plain_text', text: `jackwatch: ${findings.length} findings` } });
  findings.slice(0, SLACK_FINDINGS_SHOWN).forEach((finding, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...safeBlocks(finding));
  });
  const hidden = findings.length - SLACK_FINDINGS_SHOWN;
  if (hidden > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${hidden} more finding(s) in this batch.` }] });
  return { text: fallbackText(findings), blocks };
}

/** The blocks of one finding; one that cannot be rendered is rendered from its outline, never failing the message. */
function safeBlocks(finding: Finding): SlackBlock[] {
  try {
    return findingBlocks(finding);
  } catch (error) {
    return findingBlocks(findingOutline(finding, `cannot be rendered: ${error instanceof Error ? error.message : String(error)}`));
  }
}

function findingBlocks(finding: Finding): SlackBlock[] {
  const facts = findingFacts(finding);
  const title = `${SEVERITY_MARK[finding.severity]} *${finding.severity.toUpperCase()}* · *${escapeSlack(finding.detector.title)}*`;
  const details = [
    facts.accessKeyId && `key \`${escapeSlack(facts.accessKeyId)}\``,
    facts.userName && `user *${escapeSlack(facts.userName)}*`,
    facts.account && `account ${escapeSlack(facts.account)}`,
    facts.region && escapeSlack(facts.region),
    facts.sourceIp && `from ${escapeSlack(facts.sourceIp)}`,
    facts.modelId && `model \`${escapeSlack(facts.modelId)}\``,
    `at ${escapeSlack(finding.time)}`,
    `id \`${escapeSlack(finding.id)}\``,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`${title}\n${escapeSlack(finding.summary)}`) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(details.join(' · ')) }] },
  ];
}

function fallbackText(findings: readonly Finding[]): string {
  const [first] = findings;
  if (findings.length === 1 && first) {
    const { severity, summary } = typeof first.severity === 'string' && typeof first.summary === 'string' ? first : findingOutline(first, 'not a finding');
    return truncate(`[${severity.toUpperCase()}] ${summary}`);
  }
  const bySeverity = new Map<Severity, number>();
  for (const finding of findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  const counts = [...bySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ');
  return `jackwatch: ${findings.length} findings (${counts})`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function truncate(text: string): string {
  return text.length <= SECTION_LIMIT ? text : `${text.slice(0, SECTION_LIMIT - 1)}…`;
}
