import type { Finding } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { ruleAFinding, ruleAFindings } from '../testing/finding-fixture.ts';
import { slackMessage, SLACK_FINDINGS_SHOWN } from './slack-message.ts';

describe('slackMessage', () => {
  it('renders one finding as a section and a context line of facts', () => {
    const finding = ruleAFinding();
    const message = slackMessage([finding]);
    expect(message.text).toBe(`[HIGH] ${finding.summary}`);
    const [section, context] = message.blocks;
    expect(section).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(JSON.stringify(section)).toContain('*HIGH*');
    const facts = JSON.stringify(context);
    for (const fact of ['AKIAIOSFODNN7EXAMPLE', 'ci-deployer', '123456789012', 'us-east-1', '203.0.113.77', 'anthropic.claude-3-5-sonnet', finding.id]) {
      expect(facts).toContain(fact);
    }
  });

  it('escapes Slack control characters from CloudTrail-controlled text', () => {
    const finding = { ...ruleAFinding(), summary: 'user <!channel> & <https://evil.example|click>' };
    const text = JSON.stringify(slackMessage([finding]).blocks);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('summarizes big batches within Slack block limits', () => {
    const message = slackMessage(ruleAFindings(25));
    expect(message.text).toBe('jackwatch: 25 findings (25 high)');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'jackwatch: 25 findings' } });
    expect(message.blocks.filter((b) => b.type === 'section')).toHaveLength(SLACK_FINDINGS_SHOWN);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('and 15 more');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('renders a finding whose fields have the wrong types from its outline, next to the good ones', () => {
    const broken = { ...ruleAFinding({ n: 1 }), severity: 42, detector: { id: 'x', title: { not: 'text' }, version: '1' } } as unknown as Finding;
    const message = slackMessage([ruleAFinding({ n: 0 }), broken]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(ruleAFinding({ n: 0 }).id);
    expect(text).toContain(broken.id);
    expect(text).toContain('*INFORMATIONAL*');
  });
});
