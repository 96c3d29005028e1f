import { fileURLToPath } from 'node:url';
import type { DetectorFactory } from '@jackwatch/core';
import { checkDetectorFactory, EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { sigmaConfigSchema, type SigmaConfig } from './config.ts';
import { createSigmaBundle, sigmaDetectorFactory } from './factory.ts';

const RULES = fileURLToPath(new URL('./testdata/conformance-rules.yml', import.meta.url));
const T0 = Date.parse('2026-03-02T10:00:00Z');
const ev = new EventFactory('sigma-conformance', { identity: iamUser({ userName: 'dev' }) });

// The `sigma` type needs rule files, so the kit (which creates the detector from
// the defaults) runs it with `rules` defaulting to the test rules; the schema
// stays the real one, strict, behind that default.
const withTestRules: DetectorFactory<SigmaConfig> = {
  ...sigmaDetectorFactory,
  configSchema: z.preprocess((value) => (typeof value === 'object' && value !== null && !('rules' in value) ? { rules: [RULES], ...value } : value), sigmaConfigSchema),
};

describe('the sigma detector type', () => {
  it('passes the detector conformance kit, each rule a member with its own id', () => {
    const firing = [
      ev.event({ time: T0, action: 'DeleteGuardrail' }),
      ...ev.events(3, (i) => ({ time: T0 + i * 60_000, action: 'ListFoundationModels', errorCode: 'AccessDenied' })),
    ];
    expect(checkDetectorFactory(withTestRules, { firing })).toEqual([]);
  });

  it('requires rules, with a message that says so', () => {
    const result = sigmaConfigSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('rules is required: list the Sigma rule files, directories or globs');
    expect(sigmaConfigSchema.parse({ rules: 'one.yml' }).rules).toEqual(['one.yml']);
  });

  it('names each member by the rule, with the rule\'s level, tags and references in its findings', () => {
    const bundle = sigmaDetectorFactory.create(sigmaConfigSchema.parse({ rules: [RULES] }), testContext('sigma/test'));
    const deletion = ev.event({ time: T0, action: 'DeleteGuardrail' });
    const [finding] = runDetector(bundle, [deletion]).findings;
    expect(finding).toMatchObject({
      detector: { id: 'conformance-guardrail-deleted', title: 'Conformance - Bedrock guardrail deleted' },
      severity: 'medium',
      riskScore: 47,
      attack: { tactics: [{ id: 'TA0005', name: 'Defense Evasion' }], techniques: [{ id: 'T1562', name: 'T1562' }] },
      group: { userName: 'dev' },
      details: { rule: { id: '11111111-2222-4333-8444-555555555555', name: 'conformance-guardrail-deleted', level: 'medium' } },
    });
    expect(finding!.summary).toBe('Conformance - Bedrock guardrail deleted: DeleteGuardrail by dev in 123456789012 us-east-1 from 198.51.100.7');
  });

  it('applies include and exclude', () => {
    const ids = (options: Record<string, unknown>): string[] => createSigmaBundle(sigmaConfigSchema.parse({ rules: [RULES], ...options }), testContext('sigma')).members.map((m) => m.id);
    expect(ids({})).toEqual(['conformance-guardrail-deleted', 'conformance-refused-listings']);
    expect(ids({ include: { tag: 'attack.t1580' } })).toEqual(['conformance-refused-listings']);
    expect(ids({ exclude: { name: 'conformance-guardrail-*' } })).toEqual(['conformance-refused-listings']);
  });

  it('with strict: true, refuses to start when a rule is invalid or skipped', () => {
    expect(() => sigmaDetectorFactory.create(sigmaConfigSchema.parse({ rules: [RULES, fileURLToPath(new URL('./testdata/invalid-rule.yml', import.meta.url))], strict: true }), testContext('sigma/strict'))).toThrow(
      /invalid rule: .*invalid-rule\.yml:\d+:\d+: detection\.selection\["eventName\|contians"\]: unknown modifier "contians"/,
    );
  });
});
