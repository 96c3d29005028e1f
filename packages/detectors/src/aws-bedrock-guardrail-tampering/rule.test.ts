import { detectorPolicySchema, findingId, withPolicy } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { guardrailTamperingConfigSchema } from './config.ts';
import { guardrailTamperingFactory } from './factory.ts';

const T0 = Date.parse('2025-01-21T17:39:10Z');
const ID = 'aws-bedrock-guardrail-tampering';
const detector = (id = ID) => guardrailTamperingFactory.create(guardrailTamperingConfigSchema.parse({}), testContext(id));
const role = assumedRole({ roleName: 'ml-platform', sessionName: 'jdoe' });

describe(ID, () => {
  it('fires on a successful DeleteGuardrail and UpdateGuardrail, anchored on each, naming the guardrail', () => {
    const ev = new EventFactory('gt-basic', { identity: role });
    const update = ev.event({ time: T0, action: 'UpdateGuardrail', requestParameters: { guardrailIdentifier: 'gr-abc123', name: 'prod-filter' } });
    const deletion = ev.event({ time: T0 + 60_000, action: 'DeleteGuardrail', requestParameters: { guardrailIdentifier: 'gr-abc123' } });
    const { findings } = runDetector(detector(`${ID}/prod`), [update, deletion]);
    expect(findings.map((f) => f.id)).toEqual([findingId(`${ID}/prod`, update.eventId), findingId(`${ID}/prod`, deletion.eventId)]);
    expect(findings.map((f) => f.summary)).toEqual([
      'ml-platform updated Bedrock guardrail gr-abc123 in 123456789012 us-east-1 from 198.51.100.7',
      'ml-platform deleted Bedrock guardrail gr-abc123 in 123456789012 us-east-1 from 198.51.100.7',
    ]);
    expect(findings[1]).toMatchObject({ severity: 'medium', riskScore: 47, details: { action: 'DeleteGuardrail', guardrailIdentifier: 'gr-abc123', outcome: 'success' }, attack: { techniques: [{ id: 'T1562.001' }] } });
  });

  it('does not fire on a refused attempt: only a change that happened counts', () => {
    const ev = new EventFactory('gt-refused', { identity: iamUser({ userName: 'intern' }) });
    const events = ['DeleteGuardrail', 'UpdateGuardrail'].map((action) => ev.event({ time: T0, action, errorCode: 'AccessDeniedException' }));
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('fires for long-term and temporary keys alike, compares names case-insensitively, and survives a guardrail without an identifier', () => {
    const ev = new EventFactory('gt-keys');
    const events = [iamUser({ userName: 'dev' }), iamUserConsoleSession({ userName: 'pedro' }), role].map((identity, i) =>
      ev.event({ time: T0 + i, action: ['deleteguardrail', 'UPDATEGUARDRAIL', 'DeleteGuardrail'][i]!, identity, requestParameters: null }),
    );
    const { findings } = runDetector(detector(), events);
    expect(findings).toHaveLength(3);
    expect(findings[0]!.summary).toContain('deleted Bedrock guardrail (unnamed)');
    expect(findings[0]!.details).toMatchObject({ guardrailIdentifier: null });
  });

  it('ignores other guardrail calls and other event sources', () => {
    const ev = new EventFactory('gt-others', { identity: role });
    const others = ['CreateGuardrail', 'CreateGuardrailVersion', 'GetGuardrail', 'ListGuardrails', 'ApplyGuardrail'].map((action) => ev.event({ time: T0, action }));
    const elsewhere = ev.event({ time: T0, action: 'DeleteGuardrail', source: 'bedrock-agent.amazonaws.com' });
    expect(runDetector(detector(), [...others, elsewhere]).findings).toEqual([]);
  });

  it('applies suppression and exceptions from config', () => {
    const ev = new EventFactory('gt-policy', { identity: role });
    const events = [0, 1, 2].map((minute) => ev.event({ time: T0 + minute * 60_000, action: 'UpdateGuardrail', requestParameters: { guardrailIdentifier: `gr-${minute}` } }));
    expect(runDetector(withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['principalArn'], for: '1h' } })), events).findings).toHaveLength(1);
    const except = detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'details.guardrailIdentifier', equals: 'gr-1' }] }] });
    expect(runDetector(withPolicy(detector(), except), events).findings.map((f) => f.details?.['guardrailIdentifier'])).toEqual(['gr-0', 'gr-2']);
  });

  it('has no options of its own', () => {
    expect(guardrailTamperingConfigSchema.safeParse({ outcome: 'any' }).success).toBe(false);
  });
});
